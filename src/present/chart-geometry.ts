/**
 * @fileoverview Chart geometry shared by the two renderers of the same charts: the Svelte charts
 * (src/components/charts) and the report's SVG strings (src/report/svg.ts). The ROC's axes (which
 * rates a log axis can show, its floor, the clamped scales) and the confidence histogram's bins
 * are computed here once, so the page and the report draw the same chart from the same numbers.
 * Pure.
 */
import { scaleLinear, scaleLog } from 'd3';
import { signalHistogram } from '../core/metrics/histogram';

export type RocScale = 'linear' | 'log';

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

/** One bin: its edges, raw counts and each group's share (count / group size, 0 for an empty group). */
export interface ShareBin {
  readonly index: number;
  readonly x0: number;
  readonly x1: number;
  readonly memberCount: number;
  readonly nonMemberCount: number;
  readonly memberShare: number;
  readonly nonMemberShare: number;
}

/**
 * `bins` equal-width bins over `domain` of both groups. NaN values are skipped (a chart should
 * not throw mid-training); `bins` must be an integer ≥ 1 and domain[0] < domain[1]. Pure.
 */
export function shareBins(
  members: ArrayLike<number>,
  nonMembers: ArrayLike<number>,
  bins: number,
  domain: readonly [number, number],
): ShareBin[] {
  const values: number[] = [];
  const isMember: boolean[] = [];
  for (const [group, flag] of [
    [members, true],
    [nonMembers, false],
  ] as const) {
    for (let i = 0; i < group.length; i++) {
      if (Number.isNaN(group[i])) continue;
      values.push(group[i]);
      isMember.push(flag);
    }
  }
  const h = signalHistogram(values, isMember, { bins, domain });
  const totalMembers = h.memberCounts.reduce((a, b) => a + b, 0);
  const totalNonMembers = h.nonMemberCounts.reduce((a, b) => a + b, 0);
  return Array.from(h.memberCounts, (memberCount, index) => ({
    index,
    x0: h.edges[index],
    x1: h.edges[index + 1],
    memberCount,
    nonMemberCount: h.nonMemberCounts[index],
    memberShare: totalMembers === 0 ? 0 : memberCount / totalMembers,
    nonMemberShare: totalNonMembers === 0 ? 0 : h.nonMemberCounts[index] / totalNonMembers,
  }));
}
