/**
 * @fileoverview A trained MLP held in tfjs memory: predictions, logits and per-example gradient
 * norms (the white-box attack's signal), computed in chunks and read back asynchronously.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { MlpSpec, TrainedModel } from '../../core/models/types';
import { forwardLogits } from './mlp-forward';
import { countParams, disposeParams, type MlpParams } from './mlp-params';
import { perExampleNormsTensor } from './per-example';

/** Which way a group of models was trained (see strategy.ts). */
export type TrainingStrategy = 'batched' | 'sequential';

/** Rows per chunk for inference: bounds memory at chunk × widest layer floats. */
export const PREDICT_CHUNK_ROWS = 4096;

/** Plain copies of a model's parameters: weights [in·out] row-major, biases [out], per layer. */
export interface MlpWeights {
  readonly weights: Float32Array[];
  readonly biases: Float32Array[];
}

/** One trained MLP. Owns its single-layout parameter tensors until `dispose`. */
export class MlpModel implements TrainedModel {
  readonly spec: MlpSpec;
  readonly numParams: number;
  readonly stoppedEpoch: number;
  readonly bestEpoch: number;
  /** How the group this model belonged to was trained. */
  readonly strategy: TrainingStrategy;
  private params: MlpParams | null;

  /** Takes ownership of `params` (single layout). */
  constructor(spec: MlpSpec, params: MlpParams, stoppedEpoch: number, bestEpoch: number, strategy: TrainingStrategy) {
    if (params.k !== 1) throw new Error('MlpModel holds one model; unstack stacked params first.');
    this.spec = spec;
    this.params = params;
    this.numParams = countParams(spec);
    this.stoppedEpoch = stoppedEpoch;
    this.bestEpoch = bestEpoch;
    this.strategy = strategy;
  }

  private live(): MlpParams {
    if (!this.params) throw new Error('This model has been disposed.');
    return this.params;
  }

  /** Runs `perChunk` on row chunks of x (n × inputDim) and concatenates `width` floats per row. */
  private async chunked(
    x: Float32Array,
    n: number,
    width: number,
    perChunk: (params: MlpParams, xs: tf.Tensor, start: number, rows: number) => tf.Tensor,
  ): Promise<Float32Array> {
    const params = this.live();
    const d = this.spec.inputDim;
    if (x.length < n * d) throw new Error(`Expected ${n}×${d} features, got ${x.length} values.`);
    const out = new Float32Array(n * width);
    for (let start = 0; start < n; start += PREDICT_CHUNK_ROWS) {
      const rows = Math.min(PREDICT_CHUNK_ROWS, n - start);
      // slice() copies: the cpu backend would otherwise keep a view into the caller's array.
      const result = tf.tidy(() => perChunk(params, tf.tensor(x.slice(start * d, (start + rows) * d), [rows, d]), start, rows));
      try {
        out.set(await result.data(), start * width);
      } finally {
        result.dispose();
      }
    }
    return out;
  }

  /** Softmax probabilities for rows of x (n × inputDim): n × numClasses, row-major. Pure. */
  predictProba(x: Float32Array, n: number): Promise<Float32Array> {
    const act = this.spec.activation;
    return this.chunked(x, n, this.spec.numClasses, (p, xs) => tf.softmax(forwardLogits(p, xs, act)));
  }

  /** Logits (pre-softmax) for rows of x: n × numClasses, row-major. Pure. */
  predictLogits(x: Float32Array, n: number): Promise<Float32Array> {
    const act = this.spec.activation;
    return this.chunked(x, n, this.spec.numClasses, (p, xs) => forwardLogits(p, xs, act));
  }

  /**
   * Exact per-example L2 norm of the cross-entropy gradient over all parameters (no penalty terms),
   * via the dense-layer identity: length n. Pure.
   */
  perExampleGradNorms(x: Float32Array, y: Int32Array, n: number): Promise<Float32Array> {
    const { activation, numClasses } = this.spec;
    return this.chunked(x, n, 1, (p, xs, start, rows) =>
      perExampleNormsTensor(p, activation, xs, y.subarray(start, start + rows), numClasses),
    );
  }

  /** Copies of the parameters (asynchronous read), e.g. to compare runs or export. */
  async readWeights(): Promise<MlpWeights> {
    const p = this.live();
    // slice(): on the cpu backend data() can hand back the tensor's own storage.
    const read = (ts: tf.Tensor[]) => Promise.all(ts.map(async (t) => ((await t.data()) as Float32Array).slice()));
    return { weights: await read(p.weights), biases: await read(p.biases) };
  }

  /** Frees the parameter tensors. Safe to call twice. */
  dispose(): void {
    if (this.params) disposeParams(this.params);
    this.params = null;
  }
}
