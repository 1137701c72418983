/**
 * @fileoverview Hand-written backpropagation for the MLP with softmax cross-entropy.
 *
 * Autodiff in tfjs emits matMuls with transpose flags, which fall off XNNPACK's fast path on wasm
 * (about 4× slower overall, measured). Here every matMul is 2-D (or batched 3-D in the stacked
 * layout) with an explicit `tf.transpose` first. The backward pass is split in two so DP-SGD can
 * rescale each example's pre-activation gradients before they are summed into weight gradients:
 * `backwardDeltas` (per-example signals) then `weightGrads` (summed over the batch).
 *
 * Shapes use ".." for the optional leading model axis K of the stacked layout.
 * Functions return fresh tensors and never dispose their inputs; call them inside `tf.tidy`.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Activation } from '../../core/models/types';
import type { ForwardCache } from './mlp-forward';
import type { MlpParams } from './mlp-params';
import { logitGrad, withPenalty } from './loss-grads';

/**
 * Gradients in the parameter layout: the same shapes as `params.weights` / `params.biases`.
 * A type alias rather than an interface so `tf.tidy` accepts it as a TensorContainer.
 */
export type Grads = {
  readonly weights: tf.Tensor[];
  readonly biases: tf.Tensor[];
};

/** Swaps the last two axes (explicitly, so the following matMul needs no transpose flag). */
export function transposeLast(t: tf.Tensor): tf.Tensor {
  return t.rank === 2 ? tf.transpose(t) : tf.transpose(t, [0, 2, 1]);
}

/** d activation / d pre-activation, written in terms of the activation's output h. */
function activationSlope(h: tf.Tensor, activation: Activation): tf.Tensor {
  switch (activation) {
    case 'relu':
      return tf.step(h); // 1 where h > 0; relu'(0) is taken as 0
    case 'tanh':
      return tf.sub(1, tf.square(h));
    case 'sigmoid':
      return tf.mul(h, tf.sub(1, h));
  }
}

/**
 * Back-propagates `dLogits` to the pre-activation gradient of every layer.
 * Row i of the result for layer l is d loss_i / d z_l for example i (so it stays per-example).
 * @param masks the dropout masks used in the forward pass, or null
 * @returns one tensor per layer, [.., B, out_l], input layer first (the last one is dLogits itself)
 */
export function backwardDeltas(
  params: MlpParams,
  cache: ForwardCache,
  dLogits: tf.Tensor,
  activation: Activation,
  masks: readonly tf.Tensor[] | null = null,
): tf.Tensor[] {
  const layers = params.weights.length;
  const deltas: tf.Tensor[] = new Array(layers);
  deltas[layers - 1] = dLogits;
  for (let l = layers - 1; l > 0; l--) {
    let dInput = tf.matMul(deltas[l], transposeLast(params.weights[l]));
    if (masks) dInput = tf.mul(dInput, masks[l - 1]);
    deltas[l - 1] = tf.mul(dInput, activationSlope(cache.hidden[l - 1], activation));
  }
  return deltas;
}

/**
 * Sums per-example signals into parameter gradients: dW_l = inputs_lᵀ · delta_l and
 * db_l = Σ_rows delta_l. Rows already scaled (by 1/B, a clip factor or 0) sum accordingly.
 */
export function weightGrads(cache: ForwardCache, deltas: readonly tf.Tensor[]): Grads {
  return {
    weights: deltas.map((d, l) => tf.matMul(transposeLast(cache.inputs[l]), d)),
    // Single layout: [B, out] → [out]; stacked: [K, B, out] → [K, 1, out].
    biases: deltas.map((d) => tf.sum(d, -2, d.rank === 3)),
  };
}

/**
 * Mean-loss gradients for one minibatch: forward cache + targets → Grads. The same ops, in the
 * same order, as a plain step of the shared trainer (step.ts), in one call that gradients.test.ts
 * pins against autodiff.
 * @param rowScale see `logitGrad`; use 1/B for the batch mean.
 */
export function meanLossGrads(
  params: MlpParams,
  cache: ForwardCache,
  targets: tf.Tensor,
  activation: Activation,
  rowScale: number | tf.Tensor,
  masks: readonly tf.Tensor[] | null = null,
): Grads {
  const dLogits = logitGrad(cache.logits, targets, rowScale);
  return weightGrads(cache, backwardDeltas(params, cache, dLogits, activation, masks));
}

/**
 * Adds the penalty gradients to the weight gradients (biases are not penalised):
 * d/dw [λ₂·Σw² + λ₁·Σ|w|] = 2λ₂·w + λ₁·sign(w) (the L1 subgradient is 0 at w = 0).
 * Returns new Grads; does not dispose `grads`.
 */
export function addPenaltyGrads(grads: Grads, weights: readonly tf.Tensor[], l2: number, l1: number): Grads {
  if (l2 === 0 && l1 === 0) return grads;
  return { weights: grads.weights.map((g, l) => withPenalty(g, weights[l], l2, l1)), biases: grads.biases };
}
