/**
 * @fileoverview The MLP forward pass, written out by hand so the backward pass can reuse it.
 *
 * Works on both parameter layouts (see mlp-params.ts): [B, d] inputs with 2-D weights, or
 * [K, B, d] inputs with [K, in, out] weights. Each dense layer is one fused matMul + bias (+ relu
 * or sigmoid), which on wasm is a single XNNPACK call without transpose flags.
 *
 * Every function here returns fresh tensors and none disposes its inputs; call them inside
 * `tf.tidy` (or dispose the cache yourself).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Activation } from '../../core/models/types';
import type { MlpParams } from './mlp-params';

/** What the backward pass needs from the forward pass. */
export interface ForwardCache {
  /** Input of each dense layer: x, then each hidden activation after dropout. [.., B, in_l]. */
  readonly inputs: tf.Tensor[];
  /** Each hidden activation before dropout, [.., B, h_l]; the derivative is computed from it. */
  readonly hidden: tf.Tensor[];
  /** Pre-softmax outputs, [.., B, numClasses]. */
  readonly logits: tf.Tensor;
}

/**
 * Dense layer. Single layout: one fused matMul + bias (+ relu/sigmoid; tanh is not fusable).
 * Stacked: batched matMul, then bias and activation as separate ops, because the wasm fused
 * kernel accepts only rank-1 biases.
 */
function dense(a: tf.Tensor, w: tf.Tensor, b: tf.Tensor, activation: Activation | 'linear'): tf.Tensor {
  const fusable = w.rank === 2 && activation !== 'tanh';
  if (fusable) return tf.fused.matMul({ a, b: w, bias: b, activation });
  const z = w.rank === 2 ? tf.fused.matMul({ a, b: w, bias: b }) : tf.add(tf.matMul(a, w), b);
  if (activation === 'linear') return z;
  const h = activation === 'relu' ? tf.relu(z) : activation === 'sigmoid' ? tf.sigmoid(z) : tf.tanh(z);
  z.dispose();
  return h;
}

/**
 * Runs the MLP on `x` and keeps the intermediate activations.
 * @param x [B, d] (single layout) or [K, B, d] (stacked)
 * @param masks optional inverted-dropout masks, one per hidden layer, shaped like that layer's
 *   activation, holding 0 or 1/keep. Omitted at evaluation time.
 */
export function forward(
  params: MlpParams,
  x: tf.Tensor,
  activation: Activation,
  masks: readonly tf.Tensor[] | null = null,
): ForwardCache {
  const inputs: tf.Tensor[] = [x];
  const hidden: tf.Tensor[] = [];
  const last = params.weights.length - 1;
  let a = x;
  for (let l = 0; l < last; l++) {
    const h = dense(a, params.weights[l], params.biases[l], activation);
    hidden.push(h);
    a = masks ? tf.mul(h, masks[l]) : h;
    inputs.push(a);
  }
  const logits = dense(a, params.weights[last], params.biases[last], 'linear');
  return { inputs, hidden, logits };
}

/** Logits only, without keeping the activations. x: [.., B, d] → [.., B, numClasses]. */
export function forwardLogits(params: MlpParams, x: tf.Tensor, activation: Activation): tf.Tensor {
  return tf.tidy(() => forward(params, x, activation).logits);
}
