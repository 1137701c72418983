/**
 * @fileoverview ROC chart geometry: linear or log–log axes, curve paths, the DP bound's
 * "impossible region", the nearest point to the pointer and TPR at a given FPR. Pure.
 *
 * On log axes zeros have no place, so FPR and TPR are clamped up to the axis floor: a curve's TPR
 * at zero false positives then shows on the left edge instead of vanishing. The floor follows what
 * the data can measure: with N non-members the smallest non-zero FPR is 1/N, so the axis starts
 * one decade step below that, and the strip between the floor and 1/N is marked as not measurable.
 */
import { area, bisectRight, line } from 'd3';
import { formatEpsilon, formatPercent, formatProb } from '../../present/format';
import { plotted, type RateScale, type RocScale } from '../../present/chart-geometry';

// The axes are shared with the report's SVG renderer (present/chart-geometry.ts).
export type { RocScale, RateScale } from '../../present/chart-geometry';
export { fprResolution, logFloor, plotted, rateScale } from '../../present/chart-geometry';

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
