/**
 * @fileoverview Small helpers shared by the generators: balanced labels, outlier picking and
 * column standardization. Internal to src/core/data (index.ts does not re-export them).
 */

import type { Rng } from '../rng';
import type { FeatureScaling } from './types';

/**
 * Labels 0..k-1 with counts differing by at most one, in random order. Generators draw labels
 * this way (not i.i.d.) so every class is present even at small n and balance tests are exact.
 */
export function balancedLabels(n: number, k: number, rng: Rng): Int32Array {
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) y[i] = i % k;
  return rng.shuffle(y) as Int32Array;
}

/**
 * Resolves the `outliers` option: a value in (0, 1) is a fraction of n, a value ≥ 1 a count.
 * Always leaves at least one ordinary row, and returns 0 for 0/undefined.
 */
export function outlierCount(n: number, outliers: number | undefined): number {
  if (outliers === undefined || !(outliers > 0)) return 0;
  const count = outliers < 1 ? Math.round(outliers * n) : Math.floor(outliers);
  return Math.min(count, Math.max(0, n - 1));
}

/** `count` distinct row indices in 0..n-1, sorted ascending (so outlierRows reads nicely). */
export function pickRows(n: number, count: number, rng: Rng): number[] {
  const perm = rng.permutation(n);
  return Array.from(perm.subarray(0, count)).sort((a, b) => a - b);
}

/** A class other than `own`, uniformly among the k−1 others. Requires k ≥ 2. */
export function otherClass(own: number, k: number, rng: Rng): number {
  const c = rng.int(k - 1);
  return c >= own ? c + 1 : c;
}

/**
 * Standardizes the columns of a row-major n × d matrix: returns the new matrix and the
 * mean/std used. Constant columns get std 1 so they map to 0 instead of NaN. Does not mutate `raw`.
 * Columns flagged in `keep` are copied unscaled (mean 0, std 1), e.g. one-hot indicators.
 */
export function standardize(
  raw: Float32Array,
  n: number,
  d: number,
  keep?: readonly boolean[],
): { x: Float32Array; scaling: FeatureScaling } {
  // Accumulate in float64: float32 sums over 50k rows lose digits that std depends on.
  const mean = new Float64Array(d);
  const sq = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    for (let j = 0; j < d; j++) mean[j] += raw[o + j];
  }
  for (let j = 0; j < d; j++) mean[j] = n > 0 ? mean[j] / n : 0;
  for (let i = 0; i < n; i++) {
    const o = i * d;
    for (let j = 0; j < d; j++) {
      const t = raw[o + j] - mean[j];
      sq[j] += t * t;
    }
  }
  const outMean = new Float32Array(d);
  const outStd = new Float32Array(d);
  for (let j = 0; j < d; j++) {
    const std = n > 0 ? Math.sqrt(sq[j] / n) : 0;
    const unscaled = keep?.[j] === true;
    outMean[j] = unscaled ? 0 : mean[j];
    outStd[j] = unscaled || !(std > 1e-12) ? 1 : std;
  }
  const x = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    for (let j = 0; j < d; j++) x[o + j] = (raw[o + j] - outMean[j]) / outStd[j];
  }
  return { x, scaling: { mean: outMean, std: outStd } };
}

/** Clamps v into [lo, hi]. */
export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
