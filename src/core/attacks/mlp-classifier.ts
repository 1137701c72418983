/**
 * @fileoverview A one-hidden-layer MLP (ReLU, sigmoid output) trained with Adam, for the
 * shadow-model attack. Plain float64 loops: the attack classifier is tiny, and keeping it out of
 * tfjs makes it deterministic on every backend. Inputs are expected to be standardised already.
 */

import type { Rng } from '../rng';

/** Logistic function, written so neither branch can overflow. */
export function sigmoid(s: number): number {
  if (s >= 0) return 1 / (1 + Math.exp(-s));
  const e = Math.exp(s);
  return e / (1 + e);
}

export interface MlpTrainOptions {
  readonly hidden: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  /** L2 penalty (λ/2)·‖W‖² on both weight matrices, not on biases. */
  readonly l2: number;
}

/**
 * Trains on z (rows × width, standardised) with labels y (1 = IN). Returns the flat parameters
 * [W1 (hidden × width, row-major), b1 (hidden), w2 (hidden), b2]. Deterministic for a given `rng` state;
 * `rng` advances (He initialisation, then one shuffle per epoch).
 */
export function trainMlp(
  z: Float64Array, y: ArrayLike<number>, rows: number, width: number, opts: MlpTrainOptions, rng: Rng,
): Float64Array {
  const H = opts.hidden;
  if (!Number.isInteger(H) || H < 1) throw new Error(`The attack MLP needs at least one hidden unit, got ${H}.`);
  const oB1 = width * H, oW2 = oB1 + H, oB2 = oW2 + H, size = oB2 + 1;
  const params = new Float64Array(size);
  const std1 = Math.sqrt(2 / width), std2 = Math.sqrt(1 / H);
  for (let k = 0; k < oB1; k++) params[k] = rng.normal(0, std1);
  for (let k = 0; k < H; k++) params[oW2 + k] = rng.normal(0, std2);

  const target = Uint8Array.from({ length: rows }, (_, r) => (y[r] ? 1 : 0)); // monomorphic reads in the hot loop
  const grad = new Float64Array(size), m = new Float64Array(size), v = new Float64Array(size);
  const h = new Float64Array(H), dh = new Float64Array(H);
  const beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
  let step = 0;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    const order = rng.permutation(rows);
    for (let start = 0; start < rows; start += opts.batchSize) {
      const end = Math.min(rows, start + opts.batchSize);
      grad.fill(0);
      for (let b = start; b < end; b++) {
        const r = order[b];
        const row = r * width;
        let s = params[oB2];
        for (let k = 0; k < H; k++) {
          let a = params[oB1 + k];
          for (let j = 0, w = k * width; j < width; j++) a += z[row + j] * params[w + j];
          h[k] = a > 0 ? a : 0;
          s += params[oW2 + k] * h[k];
        }
        const d = sigmoid(s) - target[r]; // d(log-loss)/ds
        grad[oB2] += d;
        for (let k = 0; k < H; k++) {
          grad[oW2 + k] += d * h[k];
          dh[k] = h[k] > 0 ? d * params[oW2 + k] : 0;
          grad[oB1 + k] += dh[k];
        }
        for (let k = 0; k < H; k++) {
          const dk = dh[k];
          if (dk === 0) continue; // inactive ReLU: no gradient flows to its weights
          for (let j = 0, w = k * width; j < width; j++) grad[w + j] += z[row + j] * dk;
        }
      }
      const count = end - start;
      step++;
      const c1 = 1 - beta1 ** step, c2 = 1 - beta2 ** step;
      for (let k = 0; k < size; k++) {
        const isWeight = k < oB1 || (k >= oW2 && k < oB2);
        const gk = grad[k] / count + (isWeight ? opts.l2 * params[k] : 0);
        m[k] = beta1 * m[k] + (1 - beta1) * gk;
        v[k] = beta2 * v[k] + (1 - beta2) * gk * gk;
        params[k] -= (opts.learningRate * (m[k] / c1)) / (Math.sqrt(v[k] / c2) + eps);
      }
    }
  }
  return params;
}

/** P(IN) for standardised rows z (rows × width) under `params` (layout as trainMlp). New array. */
export function mlpForward(params: Float64Array, z: Float64Array, rows: number, width: number, H: number): Float64Array {
  const oB1 = width * H, oW2 = oB1 + H, oB2 = oW2 + H;
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let s = params[oB2];
    for (let k = 0; k < H; k++) {
      let a = params[oB1 + k];
      for (let j = 0, w = k * width; j < width; j++) a += z[r * width + j] * params[w + j];
      if (a > 0) s += params[oW2 + k] * a;
    }
    out[r] = sigmoid(s);
  }
  return out;
}
