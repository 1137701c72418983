/**
 * @fileoverview Member vs non-member histograms of one signal (confidence, loss, score).
 *
 * The picture at the heart of the playground: two overlapping distributions sharing one set
 * of bin edges. Pure numbers only; d3 scales and SVG live in the components.
 */
import { assertNoNaN, membershipBits, type MembershipArray, type ScoreArray } from './inputs';

/** Options for {@link signalHistogram}. */
export interface HistogramOptions {
  /** Number of equal-width bins, an integer ≥ 1. */
  readonly bins: number;
  /**
   * [lo, hi] range of the edges with lo < hi, e.g. [0, 1] for confidences. Defaults to the
   * finite min and max of the values. Values outside it fall into the end bins.
   */
  readonly domain?: readonly [number, number];
}

/** Shared bins with counts and densities per class. */
export interface SignalHistogram {
  /** Bin edges, length bins + 1, ascending; bin b covers [edges[b], edges[b+1]), the last bin is closed. */
  readonly edges: Float64Array;
  readonly memberCounts: Uint32Array;
  readonly nonMemberCounts: Uint32Array;
  /** count / (members · binWidth), so each class integrates to 1 and classes of unequal size compare; 0 if no members. */
  readonly memberDensity: Float64Array;
  readonly nonMemberDensity: Float64Array;
}

/**
 * Bins `values` by membership. Every value lands in some bin, so the counts sum to n:
 * ±Infinity and values outside `domain` are clamped into the end bins (a loss of +Infinity
 * is "very large", not missing). When the default domain is degenerate (all values equal)
 * it is widened to value ± 0.5, and when no value is finite it is [0, 1]. Throws on NaN
 * values, a bad `bins`, or a domain with lo ≥ hi. Pure.
 */
export function signalHistogram(
  values: ScoreArray,
  isMember: MembershipArray,
  options: HistogramOptions,
): SignalHistogram {
  const { bins } = options;
  if (!(Number.isInteger(bins) && bins >= 1)) throw new Error(`signalHistogram: bins must be an integer ≥ 1, got ${bins}`);
  assertNoNaN('signalHistogram', values, 'value');
  const bits = membershipBits('signalHistogram', isMember, values.length);
  const [lo, hi] = options.domain ? checkedDomain(options.domain) : finiteDomain(values);

  if (!Number.isFinite(hi - lo)) throw new Error(`signalHistogram: range [${lo}, ${hi}] is too wide to bin`);
  const width = (hi - lo) / bins;
  const edges = new Float64Array(bins + 1);
  for (let b = 0; b <= bins; b++) edges[b] = lo + b * width;
  edges[bins] = hi; // exact end despite rounding in lo + bins·width

  const memberCounts = new Uint32Array(bins);
  const nonMemberCounts = new Uint32Array(bins);
  let members = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // Comparisons first so ±Infinity never reaches the arithmetic.
    let b = v <= lo ? 0 : v >= hi ? bins - 1 : Math.floor(((v - lo) / (hi - lo)) * bins);
    b = Math.min(bins - 1, Math.max(0, b));
    if (bits[i] === 1) {
      memberCounts[b]++;
      members++;
    } else nonMemberCounts[b]++;
  }
  const nonMembers = values.length - members;
  const density = (counts: Uint32Array, total: number): Float64Array =>
    Float64Array.from(counts, (c, b) => (total === 0 ? 0 : c / (total * (edges[b + 1] - edges[b]))));
  return {
    edges,
    memberCounts,
    nonMemberCounts,
    memberDensity: density(memberCounts, members),
    nonMemberDensity: density(nonMemberCounts, nonMembers),
  };
}

function checkedDomain([lo, hi]: readonly [number, number]): [number, number] {
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) {
    throw new Error(`signalHistogram: domain must be finite with lo < hi, got [${lo}, ${hi}]`);
  }
  return [lo, hi];
}

/** Finite min and max of the values, widened when they coincide so bins have width. */
function finiteDomain(values: ScoreArray): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo > hi) return [0, 1];
  if (lo === hi) return [lo - 0.5, hi + 0.5];
  return [lo, hi];
}
