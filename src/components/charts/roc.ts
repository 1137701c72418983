/**
 * @fileoverview ROC chart geometry: linear or log–log axes, curve paths, the DP bound's
 * "impossible region", the nearest point to the pointer and TPR at a given FPR. Pure.
 *
 * On log axes zeros have no place, so FPR and TPR are clamped up to the axis floor: a curve's TPR
 * at zero false positives then shows on the left edge instead of vanishing. The floor follows what
 * the data can measure: with N non-members the smallest non-zero FPR is 1/N, so the axis starts
 * one decade step below that, and the strip between the floor and 1/N is marked as not measurable.
 */
import { area, bisectRight, line, scaleLinear, scaleLog } from 'd3';
import { formatEpsilon, formatPercent, formatProb } from '../../present/format';

export type RocScale = 'linear' | 'log';

/** One attack's ROC curve: FPR ascending, TPR non-decreasing, both in [0, 1]. */
export interface RocSeries {
  readonly name: string;
  readonly title: string;
  readonly fpr: ArrayLike<number>;
  readonly tpr: ArrayLike<number>;
  readonly auc: number;
  readonly tprAt1: number;
  readonly tprAt01: number;
}

/** The DP bound on any attack's ROC: TPR ≤ e^ε·FPR + δ (and the symmetric form), as points. */
export interface RocBound {
  readonly fpr: ArrayLike<number>;
  readonly tpr: ArrayLike<number>;
  readonly epsilon: number;
}

/** A continuous d3 scale mapping a rate to pixels, with clamping on. */
export type RateScale = ((v: number) => number) & { ticks(count?: number): number[]; invert(px: number): number };

/**
 * The smallest FPR the evaluation can measure: 1/N with N non-members, or, when N is not known,
 * the smallest positive FPR of any curve (a ROC's FPR steps are multiples of 1/N). Null when
 * neither is known. Pure.
 */
export function fprResolution(curves: readonly { fpr: ArrayLike<number> }[], nonMembers = 0): number | null {
  if (nonMembers > 0) return 1 / nonMembers;
  let min = Infinity;
  for (const c of curves) for (let i = 0; i < c.fpr.length; i++) if (c.fpr[i] > 0 && c.fpr[i] < min) min = c.fpr[i];
  return Number.isFinite(min) ? min : null;
}

/**
 * The log axis' floor: the power of ten at or below half the FPR resolution (150 non-members:
 * 1/150 ≈ 0.67% → 0.1%; 1,000: 0.1% → 0.01%), so the lowest tick sits near 1/N and the strip
 * below 1/N stays visible; 1e-4 when nothing is known. Never below 1e-6. Pure.
 */
export function logFloor(curves: readonly { fpr: ArrayLike<number> }[], nonMembers = 0): number {
  const resolution = fprResolution(curves, nonMembers);
  if (resolution === null) return 1e-4;
  // Number('1e-4') is exact where 10 ** -4 is not.
  return Math.max(1e-6, Number(`1e${Math.floor(Math.log10(resolution / 2) + 1e-9)}`));
}

/** A clamped linear or log scale from rates to the pixel `range`; log starts at `floor`. Pure. */
export function rateScale(kind: RocScale, floor: number, range: [number, number]): RateScale {
  return kind === 'log'
    ? scaleLog().domain([floor, 1]).range(range).clamp(true)
    : scaleLinear().domain([0, 1]).range(range).clamp(true);
}

/** The value a rate is drawn at: itself on linear axes, at least `floor` on log axes. Pure. */
export function plotted(v: number, kind: RocScale, floor: number): number {
  return kind === 'log' ? Math.max(v, floor) : v;
}

/** SVG path data of a curve (ROC or bound), '' when empty. Pure. */
export function rocPath(
  fpr: ArrayLike<number>,
  tpr: ArrayLike<number>,
  x: RateScale,
  y: RateScale,
  kind: RocScale,
  floor: number,
): string {
  const n = Math.min(fpr.length, tpr.length);
  const idx = Array.from({ length: n }, (_, i) => i);
  return (
    line<number>(
      (i) => x(plotted(fpr[i], kind, floor)),
      (i) => y(plotted(tpr[i], kind, floor)),
    )(idx) ?? ''
  );
}

/** The chance diagonal TPR = FPR, a straight line on both linear and log–log axes. Pure. */
export function chancePath(x: RateScale, y: RateScale, kind: RocScale, floor: number): string {
  const lo = kind === 'log' ? floor : 0;
  return `M${x(lo)},${y(lo)}L${x(1)},${y(1)}`;
}

/** The region above the bound's curve up to TPR = 1, which no attack's ROC can enter. Pure. */
export function impossibleRegionPath(bound: RocBound, x: RateScale, y: RateScale, kind: RocScale, floor: number): string {
  const n = Math.min(bound.fpr.length, bound.tpr.length);
  const idx = Array.from({ length: n }, (_, i) => i);
  return (
    area<number>()
      .x((i) => x(plotted(bound.fpr[i], kind, floor)))
      .y0(() => y(1))
      .y1((i) => y(plotted(bound.tpr[i], kind, floor)))(idx) ?? ''
  );
}

/**
 * TPR at `atFpr`: the highest TPR among points with FPR ≤ atFpr (the attacker may pick any
 * threshold that keeps false positives that low), 0 when none. Assumes FPR ascending. Pure.
 */
export function tprAt(fpr: ArrayLike<number>, tpr: ArrayLike<number>, atFpr: number): number {
  const i = bisectRight(fpr, atFpr + 1e-12);
  return i === 0 ? 0 : tpr[i - 1];
}

/** The nearest point of any curve to a pointer, in pixels. */
export interface NearestPoint {
  readonly curve: number;
  readonly index: number;
  readonly distance: number;
}

/** Screen coordinates of every point of every curve, for pointer hit-testing. Pure. */
export function screenPoints(
  curves: readonly { fpr: ArrayLike<number>; tpr: ArrayLike<number> }[],
  x: RateScale,
  y: RateScale,
  kind: RocScale,
  floor: number,
): { xs: Float32Array; ys: Float32Array }[] {
  return curves.map((c) => {
    const n = Math.min(c.fpr.length, c.tpr.length);
    const xs = new Float32Array(n);
    const ys = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      xs[i] = x(plotted(c.fpr[i], kind, floor));
      ys[i] = y(plotted(c.tpr[i], kind, floor));
    }
    return { xs, ys };
  });
}

/** The point nearest (px, py) within `maxDistance` pixels, or null. Earlier curves win ties. Pure. */
export function nearestPoint(
  screens: readonly { xs: Float32Array; ys: Float32Array }[],
  px: number,
  py: number,
  maxDistance = 24,
): NearestPoint | null {
  let best: NearestPoint | null = null;
  let bestD2 = maxDistance * maxDistance;
  for (let curve = 0; curve < screens.length; curve++) {
    const { xs, ys } = screens[curve];
    for (let index = 0; index < xs.length; index++) {
      const d2 = (xs[index] - px) ** 2 + (ys[index] - py) ** 2;
      if (d2 < bestD2 || (d2 === bestD2 && best === null)) {
        bestD2 = d2;
        best = { curve, index, distance: Math.sqrt(d2) };
      }
    }
  }
  return best;
}

/** FPRs the keyboard cursor steps through: 1-2-5 per decade on log axes, steps of 0.05 on linear. Pure. */
export function probeFprs(kind: RocScale, floor: number): number[] {
  if (kind === 'linear') return Array.from({ length: 21 }, (_, i) => Math.round(i * 5) / 100);
  const out: number[] = [];
  for (let decade = floor; decade < 1; decade *= 10) {
    for (const m of [1, 2, 5]) out.push(Number((decade * m).toPrecision(3)));
  }
  out.push(1);
  return out;
}

/** "FPR 0.1% · TPR 4.2%". Pure. */
export function pointText(fpr: number, tpr: number): string {
  return `FPR ${formatPercent(fpr)} · TPR ${formatPercent(tpr)}`;
}

/** Every curve's TPR at one FPR, for the keyboard cursor: "At 1% FPR: LiRA 12%, Loss 4.6%". Pure. */
export function probeText(curves: readonly Pick<RocSeries, 'title' | 'fpr' | 'tpr'>[], fpr: number): string {
  return `At ${formatPercent(fpr)} FPR: ${curves.map((c) => `${c.title} ${formatPercent(tprAt(c.fpr, c.tpr, fpr))}`).join(', ')}`;
}

/** The one-line text alternative: the strongest attack by AUC, its low-FPR numbers and the bound. Pure. */
export function rocSummary(curves: readonly RocSeries[], bound: RocBound | null | undefined): string {
  const b = bound ? ` A DP bound with ε = ${formatEpsilon(bound.epsilon)} caps every attack's true rates.` : '';
  if (curves.length === 0) return `No attack results yet.${b}`;
  const best = curves.reduce((a, c) => (c.auc > a.auc ? c : a));
  const others = curves.length > 1 ? ` (the highest AUC of ${curves.length} attacks)` : '';
  return (
    `${best.title}${others}: AUC ${formatProb(best.auc)}, ` +
    `TPR ${formatPercent(best.tprAt1)} at 1% FPR and ${formatPercent(best.tprAt01)} at 0.1% FPR.${b}`
  );
}
