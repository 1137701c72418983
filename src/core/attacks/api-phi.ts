/**
 * @fileoverview LiRA's φ = log(p_y / (1 − p_y)) as far as an output API reveals it. The target and
 * its reference models must go through the same function, so φ means the same thing for both.
 */
import type { OutputApi } from './output-api';
import { phiFromProbs } from './signals';

/** Float32's resolution near 1: a revealed p_y is kept within [P_FLOOR, 1 − P_FLOOR]. */
const P_FLOOR = 1e-6;

/**
 * φ per row of an API response (n × C row-major, as applyOutputApi returns it). Top-k and rounded
 * outputs hide the other classes' mass (top-1 shows none of it), so 1 − p_y stands in for it, with
 * p_y clamped to what the API can resolve: half a rounding step, or float32's resolution near 1.
 *
 * A top-k response that hides p_y (the entry reads 0) still bounds it: p_y is at most the smallest
 * revealed entry and at most the unrevealed mass 1 − Σ revealed. φ is read at that bound. A fixed
 * stand-in far below every revealed value (log(1e-6) ≈ −13.8) put a quarter of the OUT references'
 * φ in a separate cluster, inflated the pooled OUT spread about fivefold and left LiRA weaker than a
 * loss threshold at low FPR (lesson-mystery, top-3). Returns a new array.
 */
export function apiPhi(probs: ArrayLike<number>, labels: Int32Array, n: number, C: number, api: OutputApi): Float64Array {
  if (api.kind === 'full') return phiFromProbs(probs, labels, n, C);
  const u = api.kind === 'rounded' ? Math.min(0.25, 0.5 * 10 ** -api.decimals) : P_FLOOR;
  const out = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const py = probs[r * C + labels[r]];
    const revealed = api.kind === 'top-k' && py <= 0 ? hiddenBound(probs, r, C) : py;
    const p = Math.min(Math.max(revealed, u), 1 - u);
    out[r] = Math.log(p) - Math.log(1 - p);
  }
  return out;
}

/** The largest value a hidden entry of row r can have: min(smallest revealed entry, 1 − Σ revealed). */
function hiddenBound(probs: ArrayLike<number>, r: number, C: number): number {
  let smallest = 1;
  let mass = 0;
  for (let c = 0; c < C; c++) {
    const v = probs[r * C + c];
    if (v > 0) {
      smallest = Math.min(smallest, v);
      mass += v;
    }
  }
  return Math.min(smallest, 1 - mass);
}
