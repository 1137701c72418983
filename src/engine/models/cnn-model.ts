/**
 * @fileoverview A trained glyph CNN: chunked prediction and exact per-example gradient norms,
 * every read asynchronous (sync reads return zeros on some WebGPU adapters).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { CnnSpec, TrainedModel } from '../../core/models/types';
import { CNN_PARAM_KEYS, cnnBackprop, cnnDims, cnnForward, im2col, patchTensors, perExampleSqNorms } from './cnn-math';
import type { CnnDims, CnnParamKey, CnnParams } from './cnn-math';
import { oneHot } from '../../core/train/batches';
import { logitGrad } from '../train/loss-grads';

// Chunks bound peak memory: a chunk's patch matrix is rows·h·w·9c floats (2.4 MB at 256 glyphs).
const PREDICT_CHUNK = 256;
const NORM_CHUNK = 64;

function checkRows(dims: CnnDims, x: Float32Array, n: number): void {
  if (!Number.isInteger(n) || n < 0 || x.length < n * dims.d) {
    throw new Error(`Expected ${n} images of ${dims.h}×${dims.w}×${dims.c} (${n * dims.d} values), got ${x.length}.`);
  }
}

/** Logits or softmax probabilities for n images (n × classes, row-major). Does not mutate. */
export async function cnnOutputs(p: CnnParams, dims: CnnDims, x: Float32Array, n: number, softmax: boolean): Promise<Float32Array> {
  checkRows(dims, x, n);
  const out = new Float32Array(n * dims.classes);
  for (let start = 0; start < n; start += PREDICT_CHUNK) {
    const rows = Math.min(PREDICT_CHUNK, n - start);
    const patches = im2col(x, start, rows, dims);
    // The tensor leaves tidy and is read outside it: returning typed arrays from tidy is slow.
    const t = tf.tidy(() => {
      const f = cnnForward(p, patchTensors(patches, rows, dims), rows, dims, null);
      return softmax ? tf.softmax(f.logits) : f.logits;
    });
    try {
      out.set(await t.data() as Float32Array, start * dims.classes);
    } finally {
      t.dispose();
    }
  }
  return out;
}

/** Exact L2 norm of each example's cross-entropy gradient over all parameters (length n). */
export async function cnnGradNorms(p: CnnParams, dims: CnnDims, x: Float32Array, y: Int32Array, n: number): Promise<Float32Array> {
  checkRows(dims, x, n);
  if (y.length < n) throw new Error(`Expected ${n} labels, got ${y.length}.`);
  const out = new Float32Array(n);
  for (let start = 0; start < n; start += NORM_CHUNK) {
    const rows = Math.min(NORM_CHUNK, n - start);
    const patches = im2col(x, start, rows, dims);
    const targets = oneHot(y.subarray(start, start + rows), dims.classes);
    const t = tf.tidy(() => {
      const f = cnnForward(p, patchTensors(patches, rows, dims), rows, dims, null);
      const b = cnnBackprop(p, f, logitGrad(f.logits, tf.tensor2d(targets, [rows, dims.classes])), dims, null);
      return tf.sqrt(perExampleSqNorms(f, b, dims));
    });
    try {
      out.set(await t.data() as Float32Array, start);
    } finally {
      t.dispose();
    }
  }
  return out;
}

/** A trained CNN that owns its parameter tensors until `dispose()`. */
export class CnnModel implements TrainedModel {
  readonly numParams: number;
  private readonly dims: CnnDims;
  private disposed = false;

  /** Takes ownership of `params` (they are disposed with the model). */
  constructor(
    readonly spec: CnnSpec,
    private readonly params: CnnParams,
    readonly stoppedEpoch: number,
    readonly bestEpoch: number,
  ) {
    this.dims = cnnDims(spec);
    this.numParams = CNN_PARAM_KEYS.reduce((sum, k) => sum + params[k].size, 0);
  }

  /** The parameter tensors, for white-box analyses and tests. Borrowed: do not dispose them. */
  get tensors(): Readonly<CnnParams> {
    return this.live();
  }

  predictProba(x: Float32Array, n: number): Promise<Float32Array> {
    return cnnOutputs(this.live(), this.dims, x, n, true);
  }

  predictLogits(x: Float32Array, n: number): Promise<Float32Array> {
    return cnnOutputs(this.live(), this.dims, x, n, false);
  }

  perExampleGradNorms(x: Float32Array, y: Int32Array, n: number): Promise<Float32Array> {
    return cnnGradNorms(this.live(), this.dims, x, y, n);
  }

  /** Copies of the parameter values, keyed by name (convW as [9·C, filters] row-major). */
  async readWeights(): Promise<Record<CnnParamKey, Float32Array>> {
    const p = this.live();
    const out = {} as Record<CnnParamKey, Float32Array>;
    for (const k of CNN_PARAM_KEYS) out[k] = (await p[k].data() as Float32Array).slice();
    return out;
  }

  /** Frees the parameter tensors. Idempotent; any later call on the model throws. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const k of CNN_PARAM_KEYS) this.params[k].dispose();
  }

  private live(): CnnParams {
    if (this.disposed) throw new Error('This CNN has been disposed.');
    return this.params;
  }
}
