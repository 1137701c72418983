/**
 * @fileoverview Plain-JS helpers for the CNN trainer: minibatch copies, targets, dropout masks,
 * Poisson sampling and scoring logits. No tensors here: building batches
 * by copying rows into typed arrays is far cheaper than tf.gather (measured on wasm).
 */
import type { EvalResult, TrainingData } from './types';
import type { Rng } from '../rng';

/** A subset of rows copied out of a TrainingData (new arrays; the source is not mutated). */
export function copyRows(data: TrainingData, idx: ArrayLike<number>, start = 0, end = idx.length): { x: Float32Array; y: Int32Array } {
  const rows = end - start, d = data.d;
  const x = new Float32Array(rows * d);
  const y = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const i = idx[start + r];
    x.set(data.x.subarray(i * d, (i + 1) * d), r * d);
    y[r] = data.y[i];
  }
  return { x, y };
}

/** One-hot targets, rows × k. */
export function oneHot(y: Int32Array, k: number): Float32Array {
  const out = new Float32Array(y.length * k);
  for (let r = 0; r < y.length; r++) out[r * k + y[r]] = 1;
  return out;
}

/**
 * Inverted-dropout mask, rows × width: each entry is 0 with probability `rate`, else 1/(1−rate),
 * so activations keep their expected value and prediction needs no rescaling. Mutates `rng`.
 */
export function dropoutMask(rows: number, width: number, rate: number, rng: Rng): Float32Array {
  const out = new Float32Array(rows * width);
  const keep = 1 / (1 - rate);
  for (let i = 0; i < out.length; i++) out[i] = rng.next() < rate ? 0 : keep;
  return out;
}

/**
 * Poisson sampling for DP-SGD: each of `pool`'s rows joins independently with probability `q`.
 * The batch size varies (it may be 0); the privacy analysis assumes exactly this. Mutates `rng`.
 */
export function poissonSample(pool: Int32Array, q: number, rng: Rng): Int32Array {
  const picked: number[] = [];
  for (let i = 0; i < pool.length; i++) if (rng.next() < q) picked.push(pool[i]);
  return Int32Array.from(picked);
}

/**
 * Mean cross-entropy, accuracy and (optionally) the true-class confidence of row-major logits
 * (n × k) against labels. Uses log-sum-exp so confident models don't produce log(0).
 */
export function scoreLogits(logits: Float32Array, y: Int32Array, n: number, k: number, withConfidence: boolean): EvalResult {
  const confidence = withConfidence ? new Float32Array(n) : undefined;
  let loss = 0, correct = 0;
  for (let r = 0; r < n; r++) {
    const o = r * k;
    let max = -Infinity, arg = 0;
    for (let j = 0; j < k; j++) if (logits[o + j] > max) { max = logits[o + j]; arg = j; }
    let sum = 0;
    for (let j = 0; j < k; j++) sum += Math.exp(logits[o + j] - max);
    const logP = logits[o + y[r]] - max - Math.log(sum);
    loss -= logP;
    if (arg === y[r]) correct++;
    if (confidence) confidence[r] = Math.exp(logP);
  }
  return n === 0 ? { loss: 0, accuracy: 0, confidence } : { loss: loss / n, accuracy: correct / n, confidence };
}
