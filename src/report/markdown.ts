/**
 * @fileoverview The audit report as Markdown: the same sections and numbers as the HTML report,
 * for pasting into an issue, a ticket or a pull request. Every interpolated string is escaped. Pure.
 */
import { formatEpsilon, formatPercent as pct } from '../present/format';
import { escapeMarkdown as md } from './escape';
import { attackTableRow, auc3, type Fact, type ReportModel } from './model';

const PRIORITY = { high: 'High', medium: 'Medium', low: 'Low' } as const;

function facts(list: readonly Fact[]): string[] {
  return list.map((f) => `- **${md(f.label)}:** ${md(f.value)}`);
}

function table(head: readonly string[], rows: readonly (readonly string[])[], alignRight = 1): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(head.map(md)), line(head.map((_, i) => (i < alignRight ? '---' : '---:'))), ...rows.map((r) => line(r.map(md)))];
}

/** The report as a Markdown document. Pure. */
export function reportMarkdown(m: ReportModel): string {
  const out: string[] = [`# ${md(m.title)}`, '', `_Generated ${md(m.generatedAt)} by the MIA Playground (${md(m.backend)} backend)._`, ''];
  out.push(`## Summary: ${md(m.risk.headline)}`, '', md(m.risk.statement), '');
  out.push('## Threat model', '', ...facts(m.threatModel), '');
  out.push('## Data and model', '', ...facts(m.dataAndModel), '', '### Utility', '', ...facts(m.utility), '');
  out.push('## Attacks', '');
  out.push(...table(m.attackColumns, m.attacks.map(attackTableRow)));
  out.push('');
  if (m.boundNote) out.push(md(m.boundNote), '');
  if (m.unavailable.length) out.push('Not run against this API:', '', ...m.unavailable.map((u) => `- **${md(u.title)}:** ${md(u.reason)}`), '');
  out.push(`## Most exposed records (${md(m.strongest.title)})`, '');
  if (m.exposed.length === 0) out.push('No member was scored.', '');
  else {
    out.push(...table(
      ['Rank', 'Record', 'Label', 'Attack score', 'Confidence', 'Flagged as member', 'Outlier'],
      m.exposed.map((e) => [String(e.rank), e.name, e.label, e.score.toPrecision(4), pct(e.confidence), e.flagged ? 'yes' : 'no', e.outlier ? 'yes' : 'no']),
      1,
    ));
    out.push('');
  }
  out.push('## Recommendations', '');
  m.recommendations.forEach((r, i) => out.push(`${i + 1}. **${PRIORITY[r.priority]}: ${md(r.title)}.** ${md(r.detail)}`));
  if (m.recommendations.length === 0) out.push('No recommendation: nothing was measured.');
  out.push('');
  if (m.sweep) {
    out.push('## Cheat-sheet reference', '', md(m.sweep.description), '');
    out.push(...table(
      ['Defense', 'Test accuracy', 'Attack AUC (strongest)', 'TPR @ 1% FPR (strongest)', 'ε'],
      m.sweep.rows.map((r) => [r.label, pct(r.testAccuracy), auc3(r.auc), pct(r.tprAt1), r.epsilon === null ? '∞ (no DP)' : formatEpsilon(r.epsilon)]),
    ));
    out.push('');
  }
  out.push('## Notes', '', ...m.notes.map((n) => `- ${md(n)}`), '');
  return out.join('\n');
}
