/**
 * @fileoverview Loss, accuracy and true-class confidence of one or K stacked models, in chunks.
 *
 * Results stay on the device until the end and come back in one asynchronous read per call
 * (plus one for confidences), because each read is a GPU round trip on WebGPU.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Activation, EvalResult, TrainingData } from '../models/types';
import { oneHot } from './batches';
import { forwardLogits } from './mlp-forward';
import type { MlpParams } from './mlp-params';

/** Rows per forward pass: bounds memory at chunk × widest layer × K floats. */
export const EVAL_CHUNK_ROWS = 2048;

/** Copies rows [start, end) of each set into one [K·rows·d] array (K = sets.length). */
function packRows(sets: readonly TrainingData[], start: number, end: number): { x: Float32Array; y: Int32Array } {
  const rows = end - start;
  const d = sets[0].d;
  const x = new Float32Array(sets.length * rows * d);
  const y = new Int32Array(sets.length * rows);
  sets.forEach((set, m) => {
    x.set(set.x.subarray(start * d, end * d), m * rows * d);
    y.set(set.y.subarray(start, end), m * rows);
  });
  return { x, y };
}

/**
 * Evaluates model k of `params` on `sets[k]` (no dropout). All sets must have the same n.
 * Mean cross-entropy, accuracy (argmax = label) and, when asked, p(true class) per row.
 * Reads nothing synchronously; disposes every tensor it makes.
 */
export async function evaluateSets(
  params: MlpParams,
  activation: Activation,
  sets: readonly TrainingData[],
  numClasses: number,
  withConfidence: boolean,
): Promise<EvalResult[]> {
  const k = params.k;
  if (sets.length !== k) throw new Error(`evaluateSets needs ${k} sets, got ${sets.length}.`);
  const n = sets[0].n;
  if (sets.some((s) => s.n !== n)) throw new Error('Stacked evaluation needs sets of equal size.');
  if (n === 0) return sets.map(() => ({ loss: NaN, accuracy: NaN, ...(withConfidence ? { confidence: new Float32Array(0) } : {}) }));
  const lead = k === 1 ? [] : [k];
  let totals: tf.Tensor = tf.zeros([2, k]);
  const confidences: tf.Tensor[] = [];
  try {
    for (let start = 0; start < n; start += EVAL_CHUNK_ROWS) {
      const end = Math.min(n, start + EVAL_CHUNK_ROWS);
      const rows = end - start;
      const { x, y } = packRows(sets, start, end);
      const onehot = oneHot(y, numClasses);
      const next = tf.tidy(() => {
        const logits = forwardLogits(params, tf.tensor(x, [...lead, rows, sets[0].d]), activation);
        const trueLogProb = tf.sum(tf.mul(tf.logSoftmax(logits), tf.tensor(onehot, [...lead, rows, numClasses])), -1);
        const hits = tf.cast(tf.equal(tf.argMax(logits, -1), tf.tensor(y, [...lead, rows], 'int32')), 'float32');
        const chunk = tf.reshape(tf.stack([tf.neg(tf.sum(trueLogProb, -1)), tf.sum(hits, -1)]), [2, k]);
        if (withConfidence) confidences.push(tf.keep(tf.reshape(tf.exp(trueLogProb), [k, rows])));
        return tf.add(totals, chunk);
      });
      totals.dispose();
      totals = next;
    }
    const sums = await totals.data();
    let conf: Float32Array | null = null;
    if (withConfidence) {
      const all = confidences.length === 1 ? confidences[0] : tf.concat(confidences, 1);
      conf = (await all.data()) as Float32Array;
      if (all !== confidences[0]) all.dispose();
    }
    return sets.map((_, m) => ({
      loss: sums[m] / n,
      accuracy: sums[k + m] / n,
      ...(conf ? { confidence: conf.slice(m * n, (m + 1) * n) } : {}),
    }));
  } finally {
    totals.dispose();
    tf.dispose(confidences);
  }
}
