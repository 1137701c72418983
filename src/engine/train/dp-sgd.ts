/**
 * @fileoverview DP-SGD gradients (Abadi et al. 2016): Poisson-sampled batches, exact per-example
 * clipping to norm C over all parameters, Gaussian noise N(0, σ²C²) on the clipped sum, division by
 * the expected batch size q·n.
 *
 * Written once for every architecture (architecture.ts): the architecture gives per-example
 * signals, their exact norms and their weighted sum; this file turns them into the privatised
 * gradient. Noise is drawn in JS by a seeded
 * ziggurat (fast-normal.ts, ≈3 ns a draw) and uploaded as one array per step, which replaced
 * `tf.randomNormal` (≈4.7 ms a step on wasm for 83k parameters). Every step draws fresh noise:
 * independent noise per step is what the privacy accounting assumes. The generator is seeded,
 * not cryptographically secure: runs are repeatable, which a teaching tool wants, but the noise
 * is predictable to anyone who knows the seed. Say so wherever ε is shown.
 *
 * Penalty gradients (L2/L1) are added after the noise by the caller: they do not depend on the
 * data, so they do not affect the guarantee.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { DpSgdOptions } from '../../core/models/types';
import type { Rng } from '../../core/rng';
import { FastNormal } from '../../core/train/fast-normal';
import type { Architecture } from './architecture';
import { logitGrad } from './loss-grads';
import type { StepBuffers } from './step';

export { dpStepsPerEpoch } from '../../core/train/dp-schedule';

/** Throws a one-line error naming the bad DP setting. */
export function validateDp(dp: DpSgdOptions): void {
  if (!(dp.sampleRate > 0 && dp.sampleRate <= 1)) throw new Error(`dp.sampleRate must be in (0, 1], got ${dp.sampleRate}.`);
  if (!(dp.clipNorm > 0)) throw new Error(`dp.clipNorm must be positive, got ${dp.clipNorm}.`);
  if (!(dp.noiseMultiplier >= 0)) throw new Error(`dp.noiseMultiplier must be ≥ 0, got ${dp.noiseMultiplier}.`);
}

/** Fresh Gaussian noise for every parameter of one model or K stacked models, one source per model. */
export class DpNoise {
  private readonly sources: FastNormal[];

  /** Seeds model k's source from `rngs[k].fork('dp-noise')`; the rngs are not advanced. */
  constructor(rngs: readonly Rng[]) {
    this.sources = rngs.map((r) => new FastNormal(r.fork('dp-noise')));
  }

  /**
   * New tensors of N(0, stds[k]²) draws for model k, shaped like `shapes` (single [..] or
   * stacked [K, ..] layout).
   * Model k's values come from source k in parameter order, so a model draws the same noise
   * alone as stacked. Mutates the sources and the 'noise' buffer, which the returned tensors may
   * view until they are disposed (within the step).
   */
  draw(shapes: readonly number[][], stds: readonly number[], buffers: StepBuffers): tf.Tensor[] {
    const k = this.sources.length;
    const sizes = shapes.map((s) => s.reduce((a, b) => a * b, 1));
    // Refilled in full every step: reusing the array is safe, reusing its values would not be.
    const all = buffers.get('noise', sizes.reduce((a, b) => a + b, 0));
    let offset = 0;
    for (let p = 0; p < shapes.length; p++) {
      const perModel = sizes[p] / k;
      for (let m = 0; m < k; m++) this.sources[m].fill(all, stds[m], offset + m * perModel, offset + (m + 1) * perModel);
      offset += sizes[p];
    }
    offset = 0;
    return shapes.map((shape, p) => {
      const t = tf.tensor(all.subarray(offset, offset + sizes[p]), shape);
      offset += sizes[p];
      return t;
    });
  }
}

/**
 * Per-example clip factors min(1, C/‖∇_i‖), times `rowMask` (1 for a real row, 0 for padding).
 * @param sqNorms [.., B] squared per-example gradient norms
 * @param rowMask [.., B] or null
 * @returns [.., B, 1], ready to scale per-example signals row by row
 */
export function clipFactors(sqNorms: tf.Tensor, clipNorm: number, rowMask: tf.Tensor | null = null): tf.Tensor {
  // C / max(‖∇‖, C) is 1 below the clip norm and C/‖∇‖ above it, with no division by zero.
  let factors = tf.div(clipNorm, tf.maximum(tf.sqrt(sqNorms), clipNorm));
  if (rowMask) factors = tf.mul(factors, rowMask);
  return tf.expandDims(factors, -1);
}

/** The tensors one DP step needs besides the forward cache. */
export interface DpStepInput {
  readonly targets: tf.Tensor;
  /** [.., B] with 1 for a sampled row and 0 for padding, or null when there is no padding. */
  readonly rowMask: tf.Tensor | null;
  readonly masks: readonly tf.Tensor[] | null;
  /** Noise tensors in the architecture's `tensors` order, std σ·C/(q·n) (from `DpNoise.draw`). */
  readonly noise: readonly tf.Tensor[];
  /** 1/(q·n): a number, or [K, 1, 1] when stacked models have different n. */
  readonly invExpectedBatch: number | tf.Tensor;
}

/**
 * The privatised gradient (Σ_i clip_C(∇_i) + N(0, σ²C²)) / (q·n) of any architecture, in its
 * `tensors` order and shapes. The division is folded into the per-example clip factors (B numbers
 * instead of every parameter), so `input.noise` must already be drawn with std σ·C/(q·n).
 * Returns fresh tensors (call inside `tf.tidy`); disposes nothing.
 */
export function dpGrads<P, X, C extends { readonly logits: tf.Tensor }, S>(
  arch: Architecture<P, X, C, S>,
  params: P,
  cache: C,
  clipNorm: number,
  input: DpStepInput,
): tf.Tensor[] {
  const signals = arch.backward(params, cache, logitGrad(cache.logits, input.targets), input.masks);
  const factors = tf.mul(clipFactors(arch.sqNorms(cache, signals), clipNorm, input.rowMask), input.invExpectedBatch);
  return arch.gradSum(cache, signals, factors).map((g, i) => tf.add(g, input.noise[i]));
}
