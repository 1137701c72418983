/**
 * @fileoverview The gradient pieces every architecture shares: softmax cross-entropy with respect
 * to the logits (where each backward pass starts) and the L1/L2 penalty terms. The shared step
 * (step.ts) and DP-SGD wrapper (dp-sgd.ts) use them for the MLP and the CNN alike.
 *
 * Functions return fresh tensors and never dispose their inputs; call them inside `tf.tidy`.
 */
import * as tf from '@tensorflow/tfjs-core';

/**
 * Gradient of softmax cross-entropy with respect to the logits, per row: softmax(logits) − target.
 * Soft targets (rows summing to 1, e.g. from mixup) are exact for this formula.
 * @param logits [.., B, C]
 * @param targets [.., B, C], rows summing to 1
 * @param rowScale multiplies each row: a number (e.g. 1/B for the batch-mean loss) or a tensor that
 *   broadcasts against [.., B, 1] (per-row weights; 0 removes a padding row).
 */
export function logitGrad(logits: tf.Tensor, targets: tf.Tensor, rowScale: number | tf.Tensor = 1): tf.Tensor {
  const diff = tf.sub(tf.softmax(logits), targets);
  return rowScale === 1 ? diff : tf.mul(diff, rowScale);
}

/**
 * One weight tensor's gradient plus its penalty terms, 2·l2·w (L2) and l1·sign(w) (L1): the one
 * place the penalties are written (the shared step, step.ts, adds them for every architecture).
 * Returns `grad` itself when both are 0.
 */
export function withPenalty(grad: tf.Tensor, weight: tf.Tensor, l2: number, l1: number): tf.Tensor {
  let out = grad;
  if (l2 !== 0) out = tf.add(out, tf.mul(weight, 2 * l2));
  if (l1 !== 0) out = tf.add(out, tf.mul(tf.sign(weight), l1));
  return out;
}
