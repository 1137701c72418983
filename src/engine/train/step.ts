/**
 * @fileoverview One optimisation step for one model or K stacked models of any architecture
 * (architecture.ts): JS batch arrays in, updated parameters out. Packing, dropout masks, the
 * mean-loss scaling, the DP-SGD wrapper, penalties and the optimizer live here once, for the MLP
 * and the CNN alike.
 *
 * Stacked models may have different row counts in a step (Poisson sampling in DP-SGD); their
 * batches are padded to the largest with zero rows whose weight is 0, so padding never reaches
 * a gradient. A single model is never padded except for an empty Poisson batch (one zero row).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { DpSgdOptions } from '../../core/models/types';
import type { Rng } from '../../core/rng';
import { fillDropoutMask, writeBatch, type BatchRows } from '../../core/train/batches';
import type { Architecture } from './architecture';
import { logitGrad, withPenalty } from './loss-grads';
import { dpGrads, type DpNoise } from './dp-sgd';
import type { Optimizer } from './optimizers';

/** Settings that stay fixed through a run. */
export interface StepSettings {
  readonly dropout: number;
  readonly l2: number;
  readonly l1: number;
  readonly dp: DpSgdOptions | null;
}

/** Per-run DP state: the noise sources and 1/(q·n) per model. */
export interface DpContext {
  readonly noise: DpNoise;
  readonly invExpectedBatch: readonly number[];
}

/**
 * Typed arrays reused from step to step. Reuse is safe because every tensor made from them is
 * disposed within the same step, before the next step overwrites them (the cpu backend keeps a
 * reference to the array instead of copying; wasm copies at once; webgpu uploads on first use,
 * which is within the step).
 */
export class StepBuffers {
  private readonly arrays = new Map<string, Float32Array>();

  /**
   * A view of exactly `length` elements on the array named `name`, grown (never shrunk) as needed,
   * so DP-SGD's varying Poisson batch sizes do not reallocate. Contents are whatever was left.
   */
  get(name: string, length: number): Float32Array {
    let a = this.arrays.get(name);
    if (!a || a.length < length) {
      a = new Float32Array(Math.max(length, Math.ceil((a?.length ?? 0) * 1.5)));
      this.arrays.set(name, a);
    }
    return a.length === length ? a : a.subarray(0, length);
  }
}

/** The K models' batches packed row-major into [K, rows, ..] arrays (K = 1: [rows, ..]). */
interface Packed {
  readonly x: Float32Array;
  readonly targets: Float32Array;
  readonly rows: number;
  readonly masks: Float32Array[] | null;
  /** Per model the real row count; equal counts need no per-row weights. */
  readonly counts: number[];
}

/** The sizes `pack` needs from an architecture. */
type Widths = Pick<Architecture<unknown, unknown, { logits: tf.Tensor }, unknown>, 'inputDim' | 'numClasses' | 'dropoutWidths'>;

function pack(batches: readonly BatchRows[], a: Widths, s: StepSettings, dropoutRngs: readonly Rng[], buffers: StepBuffers): Packed {
  const k = batches.length;
  const { inputDim: d, numClasses: c } = a;
  const counts = batches.map((b) => b.rows);
  const rows = Math.max(1, ...counts);
  const x = buffers.get('x', k * rows * d);
  const targets = buffers.get('targets', k * rows * c);
  batches.forEach((b, m) => {
    writeBatch(b, x, targets, m * rows, d, c);
    // Padding rows carry weight 0; zeroing them keeps stale values (never NaN) out anyway.
    x.fill(0, (m * rows + b.rows) * d, (m + 1) * rows * d);
    targets.fill(0, (m * rows + b.rows) * c, (m + 1) * rows * c);
  });
  let masks: Float32Array[] | null = null;
  if (s.dropout > 0 && a.dropoutWidths.length > 0) {
    // Per model, layer by layer, so a model draws the same masks alone as stacked.
    const out = a.dropoutWidths.map((h, l) => buffers.get(`mask${l}`, k * rows * h));
    for (let m = 0; m < k; m++) {
      a.dropoutWidths.forEach((h, l) => fillDropoutMask(out[l], m * rows * h, counts[m], h, s.dropout, dropoutRngs[m]));
    }
    masks = out;
  }
  return { x, targets, rows, masks, counts };
}

/** A [K, rows, 1] (or [rows, 1]) tensor of per-row values `value(m)` on real rows and 0 on padding. */
function rowValues(counts: readonly number[], rows: number, value: (m: number) => number, trailingOne: boolean): tf.Tensor {
  const k = counts.length;
  const v = new Float32Array(k * rows);
  counts.forEach((c, m) => v.fill(value(m), m * rows, m * rows + c));
  const shape = k === 1 ? [rows] : [k, rows];
  return tf.tensor(v, trailingOne ? [...shape, 1] : shape);
}

/**
 * Runs one step of any architecture: forward, backward (plain or DP), penalties, optimizer
 * update. The plain gradient is the batch mean: dLogits are scaled by 1/rows before the backward
 * pass, then summed. Consumes `params`: its tensors are disposed and the updated params returned.
 * @param k the number of stacked models in `params` (batches.length)
 * @param active [K, 1, 1] 0/1 mask of models still training (stacked early stopping), or null
 */
export function trainStep<P, X, C extends { readonly logits: tf.Tensor }, S>(
  arch: Architecture<P, X, C, S>,
  params: P,
  optimizer: Optimizer,
  batches: readonly BatchRows[],
  s: StepSettings,
  dropoutRngs: readonly Rng[],
  dp: DpContext | null,
  active: tf.Tensor | null,
  buffers: StepBuffers,
): P {
  const k = batches.length;
  const p = pack(batches, arch, s, dropoutRngs, buffers);
  const lead = k === 1 ? [] : [k];
  const tensors = arch.tensors(params);
  const noiseStd = s.dp ? s.dp.noiseMultiplier * s.dp.clipNorm : 0;
  const noise = dp && s.dp ? dp.noise.draw(tensors.map((t) => t.shape), dp.invExpectedBatch.map((inv) => noiseStd * inv), buffers) : null;
  let grads: tf.Tensor[];
  try {
    grads = tf.tidy(() => {
      const x = arch.input(p.x, p.rows, lead);
      const targets = tf.tensor(p.targets, [...lead, p.rows, arch.numClasses]);
      const masks = p.masks ? p.masks.map((m, l) => tf.tensor(m, [...lead, p.rows, arch.dropoutWidths[l]])) : null;
      const cache = arch.forward(params, x, masks);
      const padded = p.counts.some((c) => c !== p.rows);
      let g: tf.Tensor[];
      if (dp && s.dp && noise) {
        const inv = dp.invExpectedBatch;
        const sameInv = inv.every((v) => v === inv[0]);
        g = dpGrads(arch, params, cache, s.dp.clipNorm, {
          targets,
          rowMask: padded ? rowValues(p.counts, p.rows, () => 1, false) : null,
          masks,
          noise,
          invExpectedBatch: sameInv ? inv[0] : tf.tensor(inv as number[], [k, 1, 1]),
        });
      } else {
        const scale = padded ? rowValues(p.counts, p.rows, (m) => 1 / p.counts[m], true) : 1 / p.rows;
        const dLogits = logitGrad(cache.logits, targets, scale);
        g = arch.gradSum(cache, arch.backward(params, cache, dLogits, masks), null);
      }
      // Penalties do not depend on the data, so under DP they come after the noise, unclipped.
      return g.map((gi, i) => (arch.penalized[i] ? withPenalty(gi, tensors[i], s.l2, s.l1) : gi));
    });
  } finally {
    if (noise) tf.dispose(noise);
  }
  let next: tf.Tensor[];
  try {
    next = optimizer.step(tensors, grads, active);
  } finally {
    // Freed also when the update throws; the parameters stay with the caller then, to dispose.
    tf.dispose(grads);
  }
  tf.dispose(tensors);
  return arch.fromTensors(next, k);
}
