/**
 * @fileoverview The report's two figures as standalone SVG strings: a log–log ROC of every attack
 * (with the DP bound when there is one) and the member vs non-member confidence histogram. Colours
 * are concrete hex values, every text is escaped, and ids carry a prefix so several figures can
 * share one HTML page. Pure.
 */
import { scaleLinear } from 'd3';
import { logFloor, plotted, rateScale, shareBins } from '../present/chart-geometry';
import { CATEGORICAL, DASHES } from '../present/palette';
import { formatEpsilon, formatPercent } from '../present/format';
import { escapeHtml as esc } from './escape';

const INK = '#1b2330';
const MUTED = '#5a6577';
const GRID = '#e3e7ee';
export const MEMBER = '#d9730d';
export const NON_MEMBER = '#2b7bb9';

/** One ROC curve: FPR ascending with its TPR, rates in [0, 1]. */
export interface ReportRoc {
  readonly title: string;
  readonly fpr: ArrayLike<number>;
  readonly tpr: ArrayLike<number>;
  readonly auc: number;
}

const n2 = (v: number) => (Math.round(v * 100) / 100).toString();

function polyline(xs: number[], ys: number[]): string {
  return xs.map((x, i) => `${i ? 'L' : 'M'}${n2(x)},${n2(ys[i])}`).join('');
}

function svgOpen(width: number, height: number, label: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(label)}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" font-size="12">` +
    `<title>${esc(label)}</title><rect width="${width}" height="${height}" fill="#ffffff"/>`;
}

/**
 * A log–log ROC chart of `curves` (the first eight get distinct colours and dashes), floored at
 * `floor` FPR, with the chance diagonal and an optional DP bound. Pure.
 */
export function rocSvg(curves: readonly ReportRoc[], opts: { bound?: { fpr: ArrayLike<number>; tpr: ArrayLike<number>; epsilon: number } | null; floor?: number } = {}): string {
  const floor = opts.floor ?? 1e-3;
  const W = 460, legendH = 18 * curves.length + (opts.bound ? 18 : 0) + 8;
  const M = { top: 12, right: 16, bottom: 46, left: 58 };
  const side = 300;
  const H = M.top + side + M.bottom + legendH;
  // The same log axes as the page's RocChart (present/chart-geometry.ts).
  const x = rateScale('log', floor, [M.left, M.left + side]);
  const y = rateScale('log', floor, [M.top + side, M.top]);
  const clampRate = (v: number) => Math.min(1, plotted(v, 'log', floor));
  const decades: number[] = [];
  for (let d = floor; d <= 1 + 1e-12; d *= 10) decades.push(Number(d.toPrecision(3)));
  const parts: string[] = [svgOpen(W, H, 'ROC curves of every attack on log–log axes')];
  for (const d of decades) {
    parts.push(`<line x1="${n2(x(d))}" x2="${n2(x(d))}" y1="${M.top}" y2="${M.top + side}" stroke="${GRID}"/>`);
    parts.push(`<line x1="${M.left}" x2="${M.left + side}" y1="${n2(y(d))}" y2="${n2(y(d))}" stroke="${GRID}"/>`);
    parts.push(`<text x="${n2(x(d))}" y="${M.top + side + 16}" text-anchor="middle" fill="${MUTED}">${esc(formatPercent(d))}</text>`);
    parts.push(`<text x="${M.left - 6}" y="${n2(y(d))}" dy="0.32em" text-anchor="end" fill="${MUTED}">${esc(formatPercent(d))}</text>`);
  }
  parts.push(`<rect x="${M.left}" y="${M.top}" width="${side}" height="${side}" fill="none" stroke="${MUTED}"/>`);
  parts.push(`<text x="${M.left + side / 2}" y="${M.top + side + 36}" text-anchor="middle" fill="${INK}">False positive rate (non-members flagged)</text>`);
  parts.push(`<text transform="translate(${M.left - 44},${M.top + side / 2}) rotate(-90)" text-anchor="middle" fill="${INK}">True positive rate (members caught)</text>`);
  parts.push(`<path d="M${n2(x(floor))},${n2(y(floor))}L${n2(x(1))},${n2(y(1))}" stroke="${MUTED}" stroke-dasharray="3 4" fill="none"/>`);
  if (opts.bound) {
    const b = opts.bound;
    const xs: number[] = [], ys: number[] = [];
    for (let i = 0; i < b.fpr.length; i++) if (b.fpr[i] >= floor) { xs.push(x(b.fpr[i])); ys.push(y(clampRate(b.tpr[i]))); }
    parts.push(`<path d="${polyline(xs, ys)}" stroke="${INK}" stroke-width="1.5" fill="none"/>`);
  }
  curves.forEach((c, i) => {
    const xs: number[] = [], ys: number[] = [];
    for (let k = 0; k < c.fpr.length; k++) { xs.push(x(clampRate(c.fpr[k]))); ys.push(y(clampRate(c.tpr[k]))); }
    const dash = DASHES[i % DASHES.length];
    parts.push(`<path d="${polyline(xs, ys)}" stroke="${CATEGORICAL[i % CATEGORICAL.length]}" stroke-width="2.25" fill="none" stroke-linejoin="round"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
  });
  let ly = M.top + side + M.bottom + 8;
  curves.forEach((c, i) => {
    const dash = DASHES[i % DASHES.length];
    parts.push(`<line x1="${M.left}" x2="${M.left + 24}" y1="${ly}" y2="${ly}" stroke="${CATEGORICAL[i % CATEGORICAL.length]}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
    parts.push(`<text x="${M.left + 30}" y="${ly}" dy="0.32em" fill="${INK}">${esc(c.title)} (AUC ${esc(c.auc.toFixed(3))})</text>`);
    ly += 18;
  });
  if (opts.bound) {
    parts.push(`<line x1="${M.left}" x2="${M.left + 24}" y1="${ly}" y2="${ly}" stroke="${INK}" stroke-width="1.5"/>`);
    parts.push(`<text x="${M.left + 30}" y="${ly}" dy="0.32em" fill="${INK}">DP bound at ε = ${esc(formatEpsilon(opts.bound.epsilon))}: no attack can lie above it</text>`);
  }
  parts.push('</svg>');
  return parts.join('');
}

/** Member (solid orange) vs non-member (striped blue) histograms of the target's confidence. Pure. */
export function confidenceSvg(members: ArrayLike<number>, nonMembers: ArrayLike<number>, opts: { bins?: number; idPrefix?: string } = {}): string {
  const bins = opts.bins ?? 20;
  const id = `${opts.idPrefix ?? 'r'}-stripes`;
  const W = 460, H = 300;
  const M = { top: 34, right: 14, bottom: 46, left: 54 };
  // The same bins as the page's ConfidenceHistogram (present/chart-geometry.ts).
  const shares = shareBins(members, nonMembers, bins, [0, 1]);
  const m = shares.map((b) => b.memberShare), o = shares.map((b) => b.nonMemberShare);
  const x = scaleLinear().domain([0, 1]).range([M.left, W - M.right]);
  const y = scaleLinear().domain([0, Math.max(0.05, ...m, ...o)]).nice().range([H - M.bottom, M.top]);
  const parts: string[] = [svgOpen(W, H, 'Histogram of the model’s confidence in the true class, members vs non-members')];
  parts.push(`<defs><pattern id="${esc(id)}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="${NON_MEMBER}" opacity="0.18"/><line x1="0" y1="0" x2="0" y2="6" stroke="${NON_MEMBER}" stroke-width="2.5"/></pattern></defs>`);
  for (const t of y.ticks(5)) {
    parts.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${n2(y(t))}" y2="${n2(y(t))}" stroke="${GRID}"/>`);
    parts.push(`<text x="${M.left - 6}" y="${n2(y(t))}" dy="0.32em" text-anchor="end" fill="${MUTED}">${esc(formatPercent(t))}</text>`);
  }
  for (const t of x.ticks(5)) parts.push(`<text x="${n2(x(t))}" y="${H - M.bottom + 16}" text-anchor="middle" fill="${MUTED}">${esc(String(t))}</text>`);
  for (let b = 0; b < bins; b++) {
    const x0 = x(b / bins), w = Math.max(1, (x((b + 1) / bins) - x0 - 3) / 2);
    parts.push(`<rect x="${n2(x0 + 1)}" y="${n2(y(m[b]))}" width="${n2(w)}" height="${n2(y(0) - y(m[b]))}" fill="${MEMBER}"/>`);
    parts.push(`<rect x="${n2(x0 + 2 + w)}" y="${n2(y(o[b]))}" width="${n2(w)}" height="${n2(y(0) - y(o[b]))}" fill="url(#${esc(id)})" stroke="${NON_MEMBER}" stroke-width="0.75"/>`);
  }
  parts.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${y(0)}" y2="${y(0)}" stroke="${MUTED}"/>`);
  parts.push(`<text x="${(M.left + W - M.right) / 2}" y="${H - 10}" text-anchor="middle" fill="${INK}">Model confidence in the true class</text>`);
  parts.push(`<text transform="translate(14,${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle" fill="${INK}">Share of group</text>`);
  parts.push(`<rect x="${M.left}" y="8" width="14" height="12" fill="${MEMBER}"/><text x="${M.left + 20}" y="14" dy="0.32em" fill="${INK}">Members (${members.length})</text>`);
  parts.push(`<rect x="${M.left + 150}" y="8" width="14" height="12" fill="url(#${esc(id)})" stroke="${NON_MEMBER}"/><text x="${M.left + 170}" y="14" dy="0.32em" fill="${INK}">Non-members (${nonMembers.length})</text>`);
  parts.push('</svg>');
  return parts.join('');
}
