/**
 * @fileoverview One CNN training step: ordinary minibatch SGD/Adam, or DP-SGD with exact
 * per-example clipping and seeded Gaussian noise. Each step is one `tf.tidy`; only its small
 * [loss sum, correct count] tensor survives, so the trainer reads metrics once per epoch
 * instead of stalling the backend after every step.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { DpSgdOptions, TrainOptions } from '../../core/models/types';
import type { Rng } from '../../core/rng';
import {
  CNN_PARAM_KEYS, CNN_WEIGHT_KEYS, cnnBackprop, cnnForward, crossEntropyRows, patchTensors, perExampleSqNorms,
  scaleExamples, sumGradients,
} from './cnn-math';
import { withPenalty } from '../train/mlp-backward';
import type { CnnBackprop, CnnDims, CnnForward, CnnParamKey, CnnParams } from './cnn-math';

/** A prepared minibatch: plain arrays, turned into tensors inside the step. */
export interface CnnBatch {
  readonly rows: number;
  /** im2col() patch blocks for the batch. */ readonly patches: Float32Array;
  /** Targets, rows × classes (one-hot, or soft from an augmenter). */ readonly targets: Float32Array;
  /** Clean labels, for the running accuracy. */ readonly labels: Int32Array;
  /** Dropout mask, rows × hidden, or null. */ readonly mask: Float32Array | null;
}

type Grads = Record<CnnParamKey, tf.Tensor>;

function passes(p: CnnParams, batch: CnnBatch, dims: CnnDims): { f: CnnForward; b: CnnBackprop; stats: tf.Tensor1D } {
  const { rows } = batch;
  const mask = batch.mask ? tf.tensor2d(batch.mask, [rows, dims.hidden]) : null;
  const targets = tf.tensor2d(batch.targets, [rows, dims.classes]);
  const f = cnnForward(p, patchTensors(batch.patches, rows, dims), rows, dims, mask);
  const b = cnnBackprop(p, f, targets, dims, mask);
  const correct = tf.sum(tf.cast(tf.equal(tf.argMax(f.logits, 1), tf.tensor1d(batch.labels, 'int32')), 'float32'));
  return { f, b, stats: tf.stack([tf.sum(crossEntropyRows(f.logits, targets)), correct]) as tf.Tensor1D };
}

/** Adds the penalty gradients (2λ·w for L2, λ₁·sign(w) for L1, weights only) and applies the update. */
function apply(p: CnnParams, optimizer: tf.Optimizer, grads: Grads, options: TrainOptions): void {
  for (const k of CNN_WEIGHT_KEYS) grads[k] = withPenalty(grads[k], p[k], options.l2, options.l1);
  // Optimizers find variables by their engine-wide unique names.
  optimizer.applyGradients(CNN_PARAM_KEYS.map((k) => ({ name: p[k].name, tensor: grads[k] })));
}

/** One step on the mean loss of `batch`. Mutates the parameters and the optimizer state. */
export function plainStep(p: CnnParams, optimizer: tf.Optimizer, batch: CnnBatch, dims: CnnDims, options: TrainOptions): tf.Tensor1D {
  return tf.tidy(() => {
    const { f, b, stats } = passes(p, batch, dims);
    const sums = sumGradients(f, b, dims);
    const grads = {} as Grads;
    for (const k of CNN_PARAM_KEYS) grads[k] = tf.div(sums[k], batch.rows);
    apply(p, optimizer, grads, options);
    return stats;
  });
}

/** min(1, C/‖g_i‖) per example; the 1e-6 (as in Opacus) keeps a zero gradient finite and the result ≤ C. */
export function clipFactors(sqNorms: tf.Tensor1D, clipNorm: number): tf.Tensor1D {
  return tf.minimum(1, tf.div(clipNorm, tf.add(tf.sqrt(sqNorms), 1e-6)));
}

/**
 * One DP-SGD step on a Poisson-sampled `batch` (null when no row was sampled): each example's
 * gradient is clipped to L2 norm ≤ C over all parameters, the clipped sum gets N(0, σ²C²) noise
 * per coordinate drawn from `noise` (seeded, so runs repeat; not cryptographic), and the result is
 * divided by the expected batch size q·n, not the realised one, as the privacy accounting assumes.
 * Penalty gradients are data-independent, so they are added after the noise, unclipped.
 * Mutates the parameters, the optimizer state and `noise`.
 */
export function dpStep(
  p: CnnParams, optimizer: tf.Optimizer, batch: CnnBatch | null, dims: CnnDims,
  options: TrainOptions, dp: DpSgdOptions, expectedBatch: number, noise: Rng,
): tf.Tensor1D {
  return tf.tidy(() => {
    let sums: Grads;
    let stats: tf.Tensor1D;
    if (batch && batch.rows > 0) {
      const { f, b, stats: s } = passes(p, batch, dims);
      const factors = clipFactors(perExampleSqNorms(f, b, dims), dp.clipNorm);
      sums = sumGradients(f, scaleExamples(b, factors, dims), dims);
      stats = s;
    } else {
      sums = {} as Grads;
      for (const k of CNN_PARAM_KEYS) sums[k] = tf.zerosLike(p[k]);
      stats = tf.zeros([2]);
    }
    const std = dp.noiseMultiplier * dp.clipNorm;
    const grads = {} as Grads;
    for (const k of CNN_PARAM_KEYS) {
      // Drawn in JS in a fixed key order so a seed reproduces the run on every backend.
      const z = std > 0 ? tf.tensor(noise.fillNormal(new Float32Array(p[k].size), std), p[k].shape) : null;
      grads[k] = tf.div(z ? tf.add(sums[k], z) : sums[k], expectedBatch);
    }
    apply(p, optimizer, grads, options);
    return stats;
  });
}
