/**
 * @fileoverview MLP parameter layout and initialisation.
 *
 * One layout serves a single model and a stack of K models trained together:
 * - single (K = 1): weight l is [in, out] and bias l is [out], so every matMul is the plain
 *   2-D kind that XNNPACK accelerates on wasm, fused with its bias (wasm fuses rank-1 biases only);
 * - stacked (K > 1): weight l is [K, in, out] and bias l is [K, 1, out] (batched matMul), the unit
 *   axis letting the bias broadcast over each model's rows.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { MlpSpec } from '../../core/models/types';
import type { Rng } from '../../core/rng';

/** Trainable tensors of one model or of K stacked models. Owned by whoever holds the object. */
export interface MlpParams {
  /** Per layer: [in, out] (single) or [K, in, out] (stacked). */
  readonly weights: tf.Tensor[];
  /** Per layer: [out] (single) or [K, 1, out] (stacked). */
  readonly biases: tf.Tensor[];
  /** Number of stacked models; 1 means the 2-D single layout. */
  readonly k: number;
}

/** [in, out] for each dense layer, input layer first. */
export function layerDims(spec: MlpSpec): Array<[number, number]> {
  const widths = [spec.inputDim, ...spec.hidden, spec.numClasses];
  return widths.slice(1).map((out, l) => [widths[l], out]);
}

/** Total trainable parameters of one model (weights + biases). */
export function countParams(spec: MlpSpec): number {
  return layerDims(spec).reduce((sum, [i, o]) => sum + i * o + o, 0);
}

/** Throws a one-line error naming the problem when `spec` is not a trainable MLP. */
export function validateSpec(spec: MlpSpec): void {
  if (spec.type !== 'mlp') throw new Error(`Only MLPs train here, got model type "${spec.type}".`);
  if (spec.hidden.length > 3) throw new Error(`An MLP has 0–3 hidden layers, got ${spec.hidden.length}.`);
  for (const w of [spec.inputDim, spec.numClasses, ...spec.hidden]) {
    if (!Number.isInteger(w) || w < 1) throw new Error(`Layer widths must be positive integers, got ${w}.`);
  }
}

/**
 * Glorot-uniform weights and zero biases drawn in JS from each model's generator, so a model's
 * initial weights depend only on its own Rng (not on K or on the backend).
 * Draws from `rngs[k].fork('init')` only; the rngs themselves are not advanced.
 * @param rngs one generator per model; K = rngs.length selects the layout.
 */
export function initParams(spec: MlpSpec, rngs: readonly Rng[]): MlpParams {
  const k = rngs.length;
  const inits = rngs.map((r) => r.fork('init'));
  const weights: tf.Tensor[] = [];
  const biases: tf.Tensor[] = [];
  for (const [fanIn, fanOut] of layerDims(spec)) {
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    const size = fanIn * fanOut;
    const w = new Float32Array(k * size);
    for (let m = 0; m < k; m++) {
      for (let i = m * size; i < (m + 1) * size; i++) w[i] = inits[m].uniform(-limit, limit);
    }
    weights.push(tf.tensor(w, k === 1 ? [fanIn, fanOut] : [k, fanIn, fanOut]));
    biases.push(tf.zeros(k === 1 ? [fanOut] : [k, 1, fanOut]));
  }
  return { weights, biases, k };
}

/** Disposes every tensor in `params`. */
export function disposeParams(params: MlpParams): void {
  tf.dispose([...params.weights, ...params.biases]);
}

/** A deep copy (new tensors) of `params`. */
export function cloneParams(params: MlpParams): MlpParams {
  return { weights: params.weights.map((t) => t.clone()), biases: params.biases.map((t) => t.clone()), k: params.k };
}

/**
 * Splits stacked params into K single-layout params (new tensors). Does not dispose the input.
 * A single-layout input is cloned into a one-element list.
 */
export function unstackParams(params: MlpParams): MlpParams[] {
  if (params.k === 1) return [cloneParams(params)];
  const ws = params.weights.map((w) => tf.unstack(w));
  const bs = params.biases.map((b) => tf.tidy(() => tf.unstack(tf.reshape(b, [params.k, -1]))));
  return Array.from({ length: params.k }, (_, m) => ({
    weights: ws.map((list) => list[m]),
    biases: bs.map((list) => list[m]),
    k: 1,
  }));
}

/** Model `m` of stacked params in the single layout (new tensors). */
export function sliceModel(params: MlpParams, m: number): MlpParams {
  if (params.k === 1) return cloneParams(params);
  const pick = (t: tf.Tensor, shape: number[]) => tf.tidy(() => tf.reshape(tf.slice(t, [m, 0, 0], [1, -1, -1]), shape));
  return {
    weights: params.weights.map((w) => pick(w, w.shape.slice(1))),
    biases: params.biases.map((b) => pick(b, [b.shape[2] as number])),
    k: 1,
  };
}
