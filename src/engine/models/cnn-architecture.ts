/**
 * @fileoverview The glyph CNN as an Architecture for the shared trainer (train/train-loop.ts):
 * its forward pass, backward pass, exact per-example norms and gradient sum from cnn-math.ts.
 * Batching, dropout masks, the optimizer, penalties, early stopping and the DP-SGD wrapper are
 * the MLP's, written once in train/.
 *
 * The CNN trains one model at a time (canStack false): its convolution runs as im2col + 2-D
 * matMuls, and a stacked [K, ..] layout would turn them into batched matMuls, which are slow on
 * wasm (PERFORMANCE.md); no caller trains several CNNs together.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { CnnSpec } from '../../core/models/types';
import { scoreLogits } from '../../core/train/score-logits';
import type { Architecture } from '../train/architecture';
import {
  CNN_PARAM_KEYS, CNN_WEIGHT_KEYS, cnnBackprop, cnnDims, cnnForward, im2col, initCnnParams, patchTensors,
  perExampleSqNorms, scaleExamples, sumGradients,
} from './cnn-math';
import type { CnnBackprop, CnnForward, CnnParams } from './cnn-math';
import { cnnOutputs } from './cnn-model';

/** A batch as the CNN's forward pass takes it: the im2col patch blocks and the row count. */
export interface CnnInput {
  readonly patches: tf.Tensor2D[];
  readonly rows: number;
}

export type CnnArchitecture = Architecture<CnnParams, CnnInput, CnnForward, CnnBackprop>;

function fromList(flat: readonly tf.Tensor[]): CnnParams {
  const p = {} as CnnParams;
  CNN_PARAM_KEYS.forEach((key, i) => (p[key] = flat[i]));
  return p;
}

function copy(p: CnnParams): CnnParams {
  return fromList(CNN_PARAM_KEYS.map((key) => p[key].clone()));
}

/** The architecture for `spec`; throws if the spec is degenerate (see `cnnDims`). */
export function cnnArchitecture(spec: CnnSpec): CnnArchitecture {
  const dims = cnnDims(spec);
  return {
    inputDim: dims.d,
    numClasses: dims.classes,
    canStack: false,
    dropoutWidths: [dims.hidden],
    // Parameter order CNN_PARAM_KEYS fixes the optimizer state and the DP noise draws.
    penalized: CNN_PARAM_KEYS.map((key) => CNN_WEIGHT_KEYS.includes(key)),
    init(rngs) {
      if (rngs.length !== 1) throw new Error(`A CNN trains one model at a time, got ${rngs.length} generators.`);
      return initCnnParams(dims, rngs[0].fork('init'));
    },
    tensors: (p) => CNN_PARAM_KEYS.map((key) => p[key]),
    fromTensors: fromList,
    slice: copy,
    unstack: (p) => [copy(p)],
    input: (features, rows) => ({ patches: patchTensors(im2col(features, 0, rows, dims), rows, dims), rows }),
    forward: (p, x, masks) => cnnForward(p, x.patches, x.rows, dims, masks ? masks[0] : null),
    backward: (p, f, dLogits, masks) => cnnBackprop(p, f, dLogits, dims, masks ? masks[0] : null),
    sqNorms: (f, b) => perExampleSqNorms(f, b, dims),
    gradSum(f, b, rowFactors) {
      const sums = sumGradients(f, rowFactors ? scaleExamples(b, rowFactors, dims) : b, dims);
      return CNN_PARAM_KEYS.map((key) => sums[key]);
    },
    async evaluate(p, sets, withConfidence) {
      const out = [];
      for (const set of sets) {
        const logits = await cnnOutputs(p, dims, set.x, set.n, false);
        out.push(scoreLogits(logits, set.y, set.n, dims.classes, withConfidence));
      }
      return out;
    },
  };
}
