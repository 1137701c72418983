/**
 * @fileoverview Member vs non-member histograms as shares of each group, so a group of 500
 * members and one of 5,000 non-members still compare bin by bin. Binning reuses the core's
 * signalHistogram so the chart and the CLI agree on edges (values outside the domain land in the
 * end bins; the last bin is closed).
 */
import { max, median } from 'd3';
import { formatPercent, formatProb } from '../../present/format';
import type { ShareBin } from '../../present/chart-geometry';

// Binning is shared with the report's SVG renderer (present/chart-geometry.ts).
export { shareBins, type ShareBin } from '../../present/chart-geometry';

/** The bin a value falls in, as shareBins bins it, or null outside the domain (for the pointer). Pure. */
export function binAt(value: number, bins: number, domain: readonly [number, number]): number | null {
  const [lo, hi] = domain;
  if (!(value >= lo && value <= hi)) return null;
  return Math.min(bins - 1, Math.floor(((value - lo) / (hi - lo)) * bins));
}

/** The largest share in any bin of either group, for the y domain; 0 when all bins are empty. Pure. */
export function maxShare(bins: readonly ShareBin[]): number {
  return max(bins, (b) => Math.max(b.memberShare, b.nonMemberShare)) ?? 0;
}

/** Median of the finite values, NaN when there are none. Pure. */
export function medianOf(values: ArrayLike<number>): number {
  return median(Array.from(values)) ?? Number.NaN;
}

/** "0.90–0.95" for a bin's range. Pure. */
export function binRange(bin: ShareBin): string {
  return `${formatProb(bin.x0)}–${formatProb(bin.x1)}`;
}

/** The tooltip / slider text of one bin: "0.90–0.95: members 62%, non-members 12%". Pure. */
export function binText(bin: ShareBin): string {
  return `${binRange(bin)}: members ${formatPercent(bin.memberShare)}, non-members ${formatPercent(bin.nonMemberShare)}`;
}

/**
 * The one-line text alternative: "Median confidence: members 0.99, non-members 0.71 (500 members,
 * 500 non-members)." `quantity` names the measured value in lower case. Pure.
 */
export function histogramSummary(
  members: ArrayLike<number>,
  nonMembers: ArrayLike<number>,
  quantity: string,
  /** The group sizes when the arrays are a sample of them (a saved result keeps quantiles). */
  counts: { readonly members: number; readonly nonMembers: number } | null = null,
): string {
  if (members.length === 0 && nonMembers.length === 0) return `No ${quantity} values yet.`;
  const m = medianOf(members);
  const n = medianOf(nonMembers);
  const size = counts ?? { members: members.length, nonMembers: nonMembers.length };
  return (
    `Median ${quantity}: members ${formatProb(m)}, non-members ${formatProb(n)} ` +
    `(${size.members.toLocaleString('en-US')} members, ${size.nonMembers.toLocaleString('en-US')} non-members).`
  );
}
