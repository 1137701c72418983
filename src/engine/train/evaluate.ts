/**
 * @fileoverview Loss, accuracy and true-class confidence of one or K stacked models, in chunks.
 *
 * Results stay on the device until the end and come back in one asynchronous read per call
 * (plus one for confidences), because each read is a GPU round trip on WebGPU.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Activation, EvalResult, TrainingData } from '../../core/models/types';
import { oneHot } from '../../core/train/batches';
import { forwardLogits } from './mlp-forward';
import type { MlpParams } from './mlp-params';

/** Rows per forward pass for one model; K stacked models share it (at least 128 rows each). */
export const EVAL_CHUNK_ROWS = 2048;

/**
 * Copies rows [start, end) of each set into [K·rows·d] arrays (K = sets.length). A set with fewer
 * rows is padded with zero rows, flagged 0 in `valid` (null when no set needed padding).
 */
function packRows(sets: readonly TrainingData[], start: number, end: number) {
  const rows = end - start;
  const d = sets[0].d;
  const x = new Float32Array(sets.length * rows * d);
  const y = new Int32Array(sets.length * rows);
  const padded = sets.some((set) => set.n < end);
  const valid = padded ? new Float32Array(sets.length * rows) : null;
  sets.forEach((set, m) => {
    const stop = Math.min(end, set.n);
    if (stop <= start) return;
    x.set(set.x.subarray(start * d, stop * d), m * rows * d);
    y.set(set.y.subarray(start, stop), m * rows);
    valid?.fill(1, m * rows, m * rows + stop - start);
  });
  return { x, y, valid };
}

/**
 * Evaluates model k of `params` on `sets[k]` (no dropout); sets may differ in size.
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
  const nMax = Math.max(...sets.map((s) => s.n));
  // Bounds memory at about EVAL_CHUNK_ROWS × widest layer floats however many models are stacked.
  const chunkRows = Math.max(128, Math.floor(EVAL_CHUNK_ROWS / k));
  const lead = k === 1 ? [] : [k];
  let totals: tf.Tensor = tf.zeros([2, k]);
  const confidences: tf.Tensor[] = [];
  try {
    for (let start = 0; start < nMax; start += chunkRows) {
      const end = Math.min(nMax, start + chunkRows);
      const rows = end - start;
      const { x, y, valid } = packRows(sets, start, end);
      const onehot = oneHot(y, numClasses);
      const next = tf.tidy(() => {
        const logits = forwardLogits(params, tf.tensor(x, [...lead, rows, sets[0].d]), activation);
        let trueLogProb = tf.sum(tf.mul(tf.logSoftmax(logits), tf.tensor(onehot, [...lead, rows, numClasses])), -1);
        let hits = tf.cast(tf.equal(tf.argMax(logits, -1), tf.tensor(y, [...lead, rows], 'int32')), 'float32');
        if (withConfidence) confidences.push(tf.keep(tf.reshape(tf.exp(trueLogProb), [k, rows])));
        if (valid) {
          const mask = tf.tensor(valid, [...lead, rows]);
          trueLogProb = tf.mul(trueLogProb, mask);
          hits = tf.mul(hits, mask);
        }
        const chunk = tf.reshape(tf.stack([tf.neg(tf.sum(trueLogProb, -1)), tf.sum(hits, -1)]), [2, k]);
        return tf.add(totals, chunk);
      });
      totals.dispose();
      totals = next;
    }
    const sums = await totals.data();
    let conf: Float32Array | null = null;
    if (withConfidence && confidences.length > 0) {
      const all = confidences.length === 1 ? confidences[0] : tf.concat(confidences, 1);
      conf = (await all.data()) as Float32Array;
      if (all !== confidences[0]) all.dispose();
    }
    return sets.map((set, m) => ({
      loss: set.n > 0 ? sums[m] / set.n : NaN,
      accuracy: set.n > 0 ? sums[k + m] / set.n : NaN,
      ...(withConfidence ? { confidence: conf ? conf.slice(m * nMax, m * nMax + set.n) : new Float32Array(0) } : {}),
    }));
  } finally {
    totals.dispose();
    tf.dispose(confidences);
  }
}
