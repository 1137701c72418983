/**
 * @fileoverview The audit report as one self-contained HTML file: inline CSS, the figures as inline
 * SVG, no script and no external resource (its own Content-Security-Policy forbids loading any),
 * so it opens offline, prints, and can be mailed as it is. Every interpolated string is escaped. Pure.
 */
import { boundFigure } from '../core/privacy/bound-figure';
import { logFloor } from '../present/chart-geometry';
import { formatEpsilon, formatPercent as pct } from '../present/format';
import type { PlaygroundResult } from '../core/experiment/playground-view';
import { escapeHtml as esc } from './escape';
import { attackTableRow, auc3, type Fact, type ReportModel } from './model';
import { confidenceSvg, rocSvg } from './svg';

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f7f8fa; color: #1b2330; font: 15px/1.55 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 32px 24px 48px; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 4px; }
h2 { font-size: 1.2rem; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid #d9dee6; }
h3 { font-size: 1rem; margin: 18px 0 6px; }
.meta { color: #5a6577; margin: 0; font-size: 0.875rem; }
.risk { margin-top: 20px; padding: 16px 20px; border-radius: 10px; border: 1px solid; background: #fff; }
.risk h2 { border: none; margin: 0 0 6px; padding: 0; }
.risk p { margin: 0; font-size: 1.05rem; }
.risk-danger { border-color: #b3261e; border-left: 8px solid #b3261e; }
.risk-warn { border-color: #a15c00; border-left: 8px solid #a15c00; }
.risk-ok { border-color: #2e7d4f; border-left: 8px solid #2e7d4f; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: 0.875rem; font-variant-numeric: tabular-nums; }
th, td { padding: 6px 8px; border-bottom: 1px solid #eef1f5; text-align: right; white-space: nowrap; }
th:first-child, td:first-child, td.text { text-align: left; }
td.text { white-space: normal; }
thead th { background: #eef1f5; white-space: normal; vertical-align: bottom; }
tr.strongest th, tr.strongest td { font-weight: 600; }
.scroll { overflow-x: auto; border: 1px solid #d9dee6; border-radius: 6px; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 16px; }
figure { margin: 0; padding: 12px; background: #fff; border: 1px solid #d9dee6; border-radius: 10px; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 0.8rem; color: #5a6577; margin-top: 6px; }
ol.recs { padding-left: 1.4em; }
ol.recs li { margin-bottom: 10px; }
.tag { display: inline-block; min-width: 4.6em; margin-right: 6px; padding: 0 6px; border-radius: 4px; font-size: 0.75rem; font-weight: 700; text-align: center; text-transform: uppercase; color: #fff; }
.tag-high { background: #b3261e; }
.tag-medium { background: #a15c00; }
.tag-low { background: #5a6577; }
.notes { font-size: 0.8rem; color: #5a6577; }
@media print { body { background: #fff; } main { padding: 0; } figure, .risk, table { break-inside: avoid; } }
`;

function dl(list: readonly Fact[]): string {
  return `<dl>${list.map((f) => `<dt>${esc(f.label)}</dt><dd>${esc(f.value)}</dd>`).join('')}</dl>`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[], rowClass: (i: number) => string = () => '', textCols: readonly number[] = []): string {
  const cell = (v: string, i: number) => (i === 0 ? `<th scope="row">${esc(v)}</th>` : `<td${textCols.includes(i) ? ' class="text"' : ''}>${esc(v)}</td>`);
  return (
    `<div class="scroll"><table><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>` +
    rows.map((r, i) => `<tr${rowClass(i) ? ` class="${esc(rowClass(i))}"` : ''}>${r.map(cell).join('')}</tr>`).join('') +
    '</tbody></table></div>'
  );
}

/** The figures of a result as SVG strings (log–log ROC and the confidence histogram). Pure. */
export function reportFigures(r: PlaygroundResult): { roc: string; confidence: string } {
  const bound = boundFigure(r.privacy, r.attacks, 'log')?.curve ?? null;
  // The page's log floor for the same evaluation (present/chart-geometry.ts).
  const floor = logFloor([], r.attacks[0]?.nonMembers ?? 0);
  return {
    roc: rocSvg(r.roc.map((c) => ({ title: c.title, fpr: c.logFpr, tpr: c.logTpr, auc: c.auc })), { bound, floor }),
    confidence: confidenceSvg(r.confidence.members, r.confidence.nonMembers, { idPrefix: 'conf' }),
  };
}

/** The report as a complete HTML document. `figures` come from reportFigures. Pure. */
export function reportHtml(m: ReportModel, figures: { roc: string; confidence: string }): string {
  const s = m.strongest;
  const body: string[] = [];
  body.push(`<header><h1>${esc(m.title)}</h1><p class="meta">Generated ${esc(m.generatedAt)} by the MIA Playground, ${esc(m.backend)} backend.</p></header>`);
  body.push(`<section class="risk risk-${esc(m.risk.level)}" aria-labelledby="summary"><h2 id="summary">${esc(m.risk.headline)}</h2><p>${esc(m.risk.statement)}</p></section>`);
  body.push(`<section aria-labelledby="threat"><h2 id="threat">Threat model</h2>${dl(m.threatModel)}</section>`);
  body.push(`<section aria-labelledby="data"><h2 id="data">Data and model</h2>${dl(m.dataAndModel)}<h3>Utility</h3>${dl(m.utility)}</section>`);
  const unavailable = m.unavailable.length
    ? `<p>Not run against this API:</p><ul>${m.unavailable.map((u) => `<li><strong>${esc(u.title)}:</strong> ${esc(u.reason)}</li>`).join('')}</ul>`
    : '';
  body.push(
    `<section aria-labelledby="attacks"><h2 id="attacks">Attacks</h2>` +
      table(m.attackColumns, m.attacks.map(attackTableRow), (i) => (m.attacks[i].name === s.name ? 'strongest' : '')) +
      unavailable +
      `<div class="figures"><figure>${figures.roc}<figcaption>ROC curves on log–log axes: the lower left is where individual members are exposed with few false accusations. The dashed diagonal is guessing.${m.boundNote ? ' ' + esc(m.boundNote) : ''}</figcaption></figure>` +
      `<figure>${figures.confidence}<figcaption>The target’s confidence in the true class. Members (trained on) pile up near 1; the further apart the two groups, the easier the attack.</figcaption></figure></div></section>`,
  );
  body.push(
    `<section aria-labelledby="exposed"><h2 id="exposed">Most exposed records</h2><p>The members ${esc(s.title)} scores highest, most exposed first.</p>` +
      (m.exposed.length
        ? table(
            ['Rank', 'Record', 'Label', 'Attack score', 'Confidence', 'Flagged as member', 'Outlier'],
            m.exposed.map((e) => [String(e.rank), e.name, e.label, e.score.toPrecision(4), pct(e.confidence), e.flagged ? 'yes' : 'no', e.outlier ? 'yes' : 'no']),
            () => '',
            [1, 2],
          )
        : '<p>No member was scored.</p>') +
      '</section>',
  );
  body.push(
    `<section aria-labelledby="recs"><h2 id="recs">Recommendations</h2><ol class="recs">` +
      m.recommendations.map((r) => `<li><span class="tag tag-${esc(r.priority)}">${esc(r.priority)}</span><strong>${esc(r.title)}.</strong> ${esc(r.detail)}</li>`).join('') +
      '</ol></section>',
  );
  if (m.sweep) {
    body.push(
      `<section aria-labelledby="sweep"><h2 id="sweep">Cheat-sheet reference</h2><p>${esc(m.sweep.description)}</p>` +
        table(
          ['Defense', 'Test accuracy', 'Attack AUC (strongest)', 'TPR @ 1% FPR (strongest)', 'ε'],
          m.sweep.rows.map((r) => [r.label, pct(r.testAccuracy), auc3(r.auc), pct(r.tprAt1), r.epsilon === null ? '∞ (no DP)' : formatEpsilon(r.epsilon)]),
        ) +
        '</section>',
    );
  }
  body.push(`<section aria-labelledby="notes"><h2 id="notes">Notes</h2><ul class="notes">${m.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul></section>`);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(m.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    `<body><main>${body.join('\n')}</main></body>`,
    '</html>',
    '',
  ].join('\n');
}
