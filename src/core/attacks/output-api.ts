/**
 * @fileoverview What the target's prediction API reveals, and the guard that keeps attacks honest.
 *
 * Lesson 3 ("black-box vs white-box") hinges on this: the more an API returns, the more it leaks.
 * Every black-box attack reads the target only through an ApiResponse, and an attack that needs
 * scores calls requireScores, which throws rather than quietly reading probabilities the API hides.
 */
import { attackTitle } from './registry';

/** The four API shapes the playground offers. */
export type OutputApi =
  | { readonly kind: 'full' }
  | { readonly kind: 'top-k'; readonly k: number }
  | { readonly kind: 'rounded'; readonly decimals: number }
  | { readonly kind: 'label' };

/** Everything the attacker sees from one batch of queries. */
export interface ApiResponse {
  readonly kind: OutputApi['kind'];
  readonly n: number;
  readonly numClasses: number;
  /**
   * n × numClasses row-major, or undefined for 'label'. 'full': as the model computed them;
   * 'rounded': each value rounded to `decimals` places (rows no longer sum exactly to 1);
   * 'top-k': the k largest values per row kept in place and every other entry set to 0, so a 0
   * means "not revealed" (a softmax output is never exactly 0 in practice).
   */
  readonly probs?: Float32Array;
  /** The top-1 class per row (argmax of the model's unrounded output; ties go to the lower index). */
  readonly predictedLabel: Int32Array;
}

/** The response for one set of queries, together with the true labels the attacker holds for them. */
export interface LabelledResponse {
  readonly response: ApiResponse;
  /** The true class of each queried record, length response.n. */
  readonly labels: Int32Array;
}

/** A shadow (or reference) model's response on records whose membership the attacker knows. */
export interface ShadowResponse extends LabelledResponse {
  /** 1 = the record was in this shadow model's training set, 0 = it wasn't; length response.n. */
  readonly isMember: Uint8Array;
}

/** Thrown when an attack needs more than the target API reveals (e.g. scores from a label-only API). */
export class AttackUnavailableError extends Error {
  override readonly name = 'AttackUnavailableError';
  constructor(message: string, readonly attack: string) {
    super(message);
  }
}

/**
 * Passes the model's softmax output through `api`. `probs` is n × C row-major; it is not mutated,
 * and the returned arrays are new. Throws on a shape mismatch or an invalid k / decimals.
 */
export function applyOutputApi(probs: Float32Array, n: number, C: number, api: OutputApi): ApiResponse {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(C) || C < 1 || probs.length !== n * C) {
    throw new Error(`Expected ${n} × ${C} probabilities, got ${probs.length} values.`);
  }
  const predictedLabel = argmaxRows(probs, n, C);
  const base = { kind: api.kind, n, numClasses: C, predictedLabel };
  switch (api.kind) {
    case 'full':
      return { ...base, probs: probs.slice() };
    case 'label':
      return base;
    case 'rounded': {
      if (!Number.isInteger(api.decimals) || api.decimals < 0 || api.decimals > 8) {
        throw new Error(`Rounded API needs an integer number of decimals in 0..8, got ${api.decimals}.`);
      }
      const scale = 10 ** api.decimals;
      const out = new Float32Array(probs.length);
      for (let i = 0; i < probs.length; i++) out[i] = Math.round(probs[i] * scale) / scale;
      return { ...base, probs: out };
    }
    case 'top-k': {
      if (!Number.isInteger(api.k) || api.k < 1) {
        throw new Error(`Top-k API needs an integer k >= 1, got ${api.k}.`);
      }
      return { ...base, probs: keepTopK(probs, n, C, Math.min(api.k, C)) };
    }
  }
}

/**
 * Returns the response's probabilities, or throws AttackUnavailableError naming `attackName`
 * when the API reveals labels only. Every attack that reads scores goes through this.
 */
export function requireScores(response: ApiResponse, attackName: string): Float32Array {
  if (response.probs === undefined) {
    throw new AttackUnavailableError(
      `${attackTitle(attackName)} needs probability scores, but the target API returns labels only.`,
      attackName,
    );
  }
  return response.probs;
}

/**
 * Whether `response` holds every class's probability as the model computed it. Only then may a
 * signal combine several entries (e.g. the loss's 1 − p_y from the other classes' mass): top-k
 * hides entries as 0 and rounding breaks their sum. (A top-k response with k ≥ C counts as not
 * full too; that costs only the loss's extra precision near p_y = 1.)
 */
export function revealsFullVector(response: ApiResponse): boolean {
  return response.kind === 'full';
}

/** Argmax per row of an n × C matrix; ties go to the lower class index. Returns a new array. */
export function argmaxRows(values: ArrayLike<number>, n: number, C: number): Int32Array {
  const out = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    let best = 0;
    let bestValue = values[r * C];
    for (let c = 1; c < C; c++) {
      const v = values[r * C + c];
      if (v > bestValue) { bestValue = v; best = c; }
    }
    out[r] = best;
  }
  return out;
}

/** Copies `probs` keeping only the k largest entries of each row (ties: lower index first). */
function keepTopK(probs: Float32Array, n: number, C: number, k: number): Float32Array {
  const out = new Float32Array(probs.length);
  const order = new Int32Array(C);
  for (let r = 0; r < n; r++) {
    const row = r * C;
    for (let c = 0; c < C; c++) order[c] = c;
    // Stable on ties because the comparator falls back to the index.
    order.sort((a, b) => probs[row + b] - probs[row + a] || a - b);
    for (let t = 0; t < k; t++) out[row + order[t]] = probs[row + order[t]];
  }
  return out;
}
