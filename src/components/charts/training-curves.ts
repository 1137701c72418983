/**
 * @fileoverview Train (members) vs test (non-members) curves over epochs: the points, the paths,
 * the shaded gap between them and the one-line summary. Pure; the component only draws.
 */
import { area, bisector, extent, line } from 'd3';
import { formatNumber, formatPercent } from '../../present/format';

export type CurveMetric = 'accuracy' | 'loss';

/** One epoch of the target's training history. Accuracies in [0, 1]; losses ≥ 0 (cross-entropy, nats). */
export interface EpochRecord {
  readonly epoch: number;
  readonly memberAccuracy: number;
  readonly nonMemberAccuracy: number;
  readonly memberLoss: number;
  readonly nonMemberLoss: number;
}

/** One epoch's value of the chosen metric for each group. */
export interface CurvePoint {
  readonly epoch: number;
  readonly member: number;
  readonly nonMember: number;
}

/** The chosen metric per epoch, dropping epochs with a non-finite value, in epoch order. Pure. */
export function curvePoints(history: readonly EpochRecord[], metric: CurveMetric): CurvePoint[] {
  return history
    .map((h) =>
      metric === 'accuracy'
        ? { epoch: h.epoch, member: h.memberAccuracy, nonMember: h.nonMemberAccuracy }
        : { epoch: h.epoch, member: h.memberLoss, nonMember: h.nonMemberLoss },
    )
    .filter((p) => Number.isFinite(p.member) && Number.isFinite(p.nonMember))
    .sort((a, b) => a.epoch - b.epoch);
}

/**
 * The y domain: accuracy runs up to 1 from a round 0.1 below the lowest value (so the gap is not
 * squashed against a [0, 1] axis); loss runs from 0 to 10% above the highest value. Pure.
 */
export function curveYDomain(points: readonly CurvePoint[], metric: CurveMetric): [number, number] {
  const [lo, hi] = extent(points.flatMap((p) => [p.member, p.nonMember]));
  if (metric === 'accuracy') {
    const floor = lo === undefined ? 0 : Math.max(0, Math.floor((lo - 0.02) * 10) / 10);
    return [Math.min(floor, 0.9), 1];
  }
  return [0, hi === undefined || hi <= 0 ? 1 : hi * 1.1];
}

type Scale = (v: number) => number;

/** SVG path data of both lines and of the gap area between them ('' when there are no points). Pure. */
export function curvePaths(points: readonly CurvePoint[], x: Scale, y: Scale): { member: string; nonMember: string; gap: string } {
  const member = line<CurvePoint>((p) => x(p.epoch), (p) => y(p.member));
  const nonMember = line<CurvePoint>((p) => x(p.epoch), (p) => y(p.nonMember));
  const gap = area<CurvePoint>()
    .x((p) => x(p.epoch))
    .y0((p) => y(p.nonMember))
    .y1((p) => y(p.member));
  return { member: member(points) ?? '', nonMember: nonMember(points) ?? '', gap: gap(points) ?? '' };
}

const byEpoch = bisector((p: CurvePoint) => p.epoch);

/** Index of the point whose epoch is closest to `epoch`, or null when there are none. Pure. */
export function nearestEpochIndex(points: readonly CurvePoint[], epoch: number): number | null {
  if (points.length === 0) return null;
  const i = byEpoch.center(points, epoch);
  return Math.min(points.length - 1, Math.max(0, i));
}

/** A metric value as text: a percentage for accuracy, three significant digits for loss. Pure. */
export function formatMetric(v: number, metric: CurveMetric): string {
  return metric === 'accuracy' ? formatPercent(v) : formatNumber(v);
}

/** Whether the early-stopping marker shows: a best epoch before the last planned one. Pure. */
export function showsEarlyStop(bestEpoch: number | null | undefined, totalEpochs: number): bestEpoch is number {
  return typeof bestEpoch === 'number' && Number.isFinite(bestEpoch) && bestEpoch < totalEpochs;
}

/** The train/test gap: accuracy points ("17 pts") or extra test loss ("0.31"). Pure. */
export function gapText(p: CurvePoint, metric: CurveMetric): string {
  return metric === 'accuracy' ? `${formatNumber((p.member - p.nonMember) * 100)} pts` : formatNumber(p.nonMember - p.member);
}

/** "Epoch 12: train 98%, test 81% (gap 17 pts)" for the slider and tooltip. Pure. */
export function epochText(p: CurvePoint, metric: CurveMetric): string {
  return `Epoch ${p.epoch}: train ${formatMetric(p.member, metric)}, test ${formatMetric(p.nonMember, metric)} (gap ${gapText(p, metric)})`;
}

/** The one-line text alternative of the chart. Pure. */
export function curvesSummary(
  points: readonly CurvePoint[],
  metric: CurveMetric,
  totalEpochs: number,
  bestEpoch: number | null | undefined,
): string {
  if (points.length === 0) return `No epochs trained yet (of ${totalEpochs} planned).`;
  const last = points[points.length - 1];
  const stop = showsEarlyStop(bestEpoch, totalEpochs) ? ` Early stopping kept the best epoch, ${bestEpoch}.` : '';
  return `${epochText(last, metric)}, of ${totalEpochs} planned epochs.${stop}`;
}
