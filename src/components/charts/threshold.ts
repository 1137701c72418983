/**
 * @fileoverview Geometry and words for a threshold the learner drags over an attack's scores: the
 * axis the scores are drawn on, how a key press moves the handle, the previous run's outline and
 * the readout's sentences. The counting itself is core's (core/metrics/operating-point). Pure.
 */
import { formatPercent } from '../../present/format';
import type { ShareBin } from './histogram';
import { precisionAtBaseRate, type OperatingPoint, type ThresholdTable } from '../../core/metrics/operating-point';
import { clopperPearson } from '../../core/privacy/audit';
import { auc, logRocSeries, rocCurve, tprAtFpr } from '../../core/metrics/roc';
import type { RocSeries } from './roc';

/** Handle steps across the axis: an arrow key moves one, Shift+arrow or a Page key ten. */
export const THRESHOLD_STEPS = 100;
export const BIG_STEP = 10;

/** What each attack's score measures, as an axis title (higher always means "more likely a member"). */
const SCORE_LABELS: Readonly<Record<string, string>> = {
  gap: 'Correctly classified (1) or not (0)',
  'loss-threshold': 'Minus the loss on the true class',
  'confidence-threshold': 'Model confidence in the true class',
  'entropy-threshold': 'Minus the entropy of the prediction',
  'mentropy-threshold': 'Minus the modified entropy, less its class threshold',
  'shadow-model': "The attack model's probability of IN",
  'lira-online': 'LiRA score (log likelihood ratio, IN vs OUT)',
  'lira-offline': 'LiRA score (z-score against OUT models)',
  rmia: 'RMIA score (share of population records beaten)',
  'label-only': 'Share of perturbed copies still classified correctly',
  'gradient-norm': 'Minus the gradient norm',
};

/** The x-axis title for `attack`'s scores; an unknown attack gets "<title> score". Pure. */
export function scoreAxisLabel(attack: string, title: string): string {
  return SCORE_LABELS[attack] ?? `${title} score`;
}

/**
 * The axis to draw scores on. Its left end is the 2% quantile of both groups together: the long low
 * tail (a LiRA ratio reaches −25 where most scores sit near 0) only holds thresholds that accuse
 * almost everyone. Its right end reaches the highest score, where privacy is lost (low FPR), unless
 * that score lies more than the axis' span beyond the 99.5% quantile (one runaway ratio must not
 * squash every bar into one bin). Values beyond the ends land in the end bins; 2% of padding lets
 * the handle pass the last bar. Non-finite scores are ignored; with no spread the axis is one unit
 * around the value. Pure.
 */
export function scoreDomain(members: ArrayLike<number>, nonMembers: ArrayLike<number>): [number, number] {
  const all: number[] = [];
  for (const g of [members, nonMembers]) for (let i = 0; i < g.length; i++) if (Number.isFinite(g[i])) all.push(g[i]);
  if (all.length === 0) return [0, 1];
  all.sort((a, b) => a - b);
  const at = (q: number) => all[Math.min(all.length - 1, Math.max(0, Math.round(q * (all.length - 1))))];
  let lo = at(0.02);
  const top = at(0.995);
  let hi = Math.min(all[all.length - 1], top + (top - lo));
  if (!(hi > lo)) {
    lo = all[0];
    hi = all[all.length - 1];
  }
  if (!(hi > lo)) return [lo - 0.5, hi + 0.5];
  const pad = (hi - lo) * 0.02;
  return [lo - pad, hi + pad];
}

/** `value` held inside `domain` (a non-finite threshold sits at the matching end). Pure. */
export function clampToDomain(value: number, domain: readonly [number, number]): number {
  if (Number.isNaN(value)) return domain[0];
  return Math.min(domain[1], Math.max(domain[0], value));
}

/**
 * Where a key press moves the handle: arrows one step of THRESHOLD_STEPS across `domain` (ten with
 * Shift), Page keys ten, Home/End the ends. Null for any other key (the browser keeps it). Pure.
 */
export function steppedThreshold(key: string, shift: boolean, value: number, domain: readonly [number, number]): number | null {
  const step = (domain[1] - domain[0]) / THRESHOLD_STEPS;
  const from = clampToDomain(value, domain);
  let next: number;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      next = from + step * (shift ? BIG_STEP : 1);
      break;
    case 'ArrowLeft':
    case 'ArrowDown':
      next = from - step * (shift ? BIG_STEP : 1);
      break;
    case 'PageUp':
      next = from + step * BIG_STEP;
      break;
    case 'PageDown':
      next = from - step * BIG_STEP;
      break;
    case 'Home':
      return domain[0];
    case 'End':
      return domain[1];
    default:
      return null;
  }
  return clampToDomain(next, domain);
}

/**
 * SVG path data of one group's bars as a stepped outline (the previous run's ghost), over the
 * bins' full width so it reads as a shape rather than as more bars. '' without bins. Pure.
 */
export function outlinePath(bins: readonly ShareBin[], share: (b: ShareBin) => number, x: (v: number) => number, y: (v: number) => number): string {
  if (bins.length === 0) return '';
  let d = `M${x(bins[0].x0)},${y(0)}`;
  for (const b of bins) d += `V${y(share(b))}H${x(b.x1)}`;
  return `${d}V${y(0)}`;
}

/** "12 of 300 members" (or "about 12 of 300" when the rates rest on a sample). Pure. */
export function countText(rate: number, count: number, total: number, group: string, approximate = false): string {
  const n = approximate ? Math.round(rate * total) : count;
  return `${approximate ? 'about ' : ''}${n.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ${group}`;
}

/** The handle's spoken value: "threshold 0.93: TPR 40% (120 of 300 members), FPR 1% (3 of 300 non-members)". Pure. */
export function thresholdValueText(threshold: string, p: OperatingPoint, totals: { members: number; nonMembers: number }, approximate = false): string {
  return (
    `threshold ${threshold}: TPR ${formatPercent(p.tpr)} (${countText(p.tpr, p.tp, totals.members, 'members', approximate)}), ` +
    `FPR ${formatPercent(p.fpr)} (${countText(p.fpr, p.fp, totals.nonMembers, 'non-members', approximate)})`
  );
}

/** A threshold for the handle's label: three significant digits, or words for ±∞. Pure. */
export function formatThreshold(t: number): string {
  if (t === Number.POSITIVE_INFINITY) return 'above every score';
  if (t === Number.NEGATIVE_INFINITY) return 'below every score';
  if (Number.isNaN(t)) return '–';
  const a = Math.abs(t);
  if (a !== 0 && (a >= 1e4 || a < 1e-3)) return t.toExponential(2);
  return String(Number(t.toPrecision(3)));
}

/**
 * The ROC of the scores in `table` on linear and log–log axes, as the ROC chart draws it. Every
 * threshold's operating point is a vertex of the linear curve (up to 2,000 points; longer curves
 * keep every k-th). Pure.
 */
export function tableRoc(table: ThresholdTable, name: string, title: string): { linear: RocSeries; log: RocSeries } {
  const scores = new Float64Array(table.members.length + table.nonMembers.length);
  scores.set(table.members);
  scores.set(table.nonMembers, table.members.length);
  const isMember = new Uint8Array(scores.length).fill(1, 0, table.members.length);
  const roc = rocCurve(scores, isMember);
  const every = Math.max(1, Math.ceil(roc.fpr.length / 2000));
  const keep = (a: Float64Array) => (every === 1 ? a : a.filter((_, i) => i % every === 0 || i === a.length - 1));
  const log = logRocSeries(roc, 1e-4, 200);
  const base = { name, title, auc: auc(scores, isMember), tprAt1: tprAtFpr(roc, 0.01), tprAt01: tprAtFpr(roc, 0.001) };
  return { linear: { ...base, fpr: keep(roc.fpr), tpr: keep(roc.tpr) }, log: { ...base, fpr: log.fpr, tpr: log.tpr } };
}

/**
 * When nobody innocent is accused (0 false positives) precision reads 100%, yet N non-members
 * cannot tell an FPR of 0 from one up to the 95% Clopper–Pearson bound (≈ 3/N). This says so, with
 * the precision at a 1-in-100 base rate at that bound. Null when a non-member is accused or nobody
 * at all is. Pure.
 */
export function zeroFalsePositiveNote(p: OperatingPoint): string | null {
  if (p.fp !== 0 || p.tp === 0) return null;
  const upper = clopperPearson(0, p.nonMembers).upper;
  const worst = precisionAtBaseRate(p.tpr, upper, 0.01)!;
  return (
    `No non-member is accused here, but ${p.nonMembers.toLocaleString('en-US')} non-members cannot tell an FPR of 0 from one ` +
    `up to ${formatPercent(upper)} (95% bound); at that FPR a MEMBER verdict would be right only ${formatPercent(worst)} of the time ` +
    'if 1 in 100 of those queried are members.'
  );
}
