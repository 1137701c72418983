/**
 * @fileoverview Minibatch assembly in plain JS: row schedules, row copying, targets, dropout masks.
 *
 * Rows are copied into typed arrays and handed to `tf.tensor` once per step: on wasm this cost
 * about 0.05 ms against 2–3 ms for `tf.gather` (measured on wasm). The step packs them into arrays it
 * reuses (see step.ts): allocating a fresh 150–330 kB array every step cost about 0.5 ms in Node.
 *
 * Every random choice is drawn from the calling model's own generator, in a fixed order, so a model
 * sees the same batches, augmentations and masks whether it trains alone or stacked with others.
 */
import type { Augmenter, TrainingData, TrainOptions } from '../models/types';
import type { Rng } from '../rng';
import { dpStepsPerEpoch } from './dp-schedule';

/**
 * One model's minibatch: either rows `idx` of `data` with hard labels (copied straight into the
 * step's buffers), or rows the augmenter produced with soft targets.
 */
export type BatchRows =
  | { readonly kind: 'rows'; readonly data: TrainingData; readonly idx: ArrayLike<number>; readonly rows: number }
  | { readonly kind: 'augmented'; readonly x: Float32Array; readonly targets: Float32Array; readonly rows: number };

/** Splits 0..n-1 into shuffled minibatches of `batchSize` (the last may be smaller). Mutates `rng`. */
export function epochSchedule(n: number, batchSize: number, rng: Rng): Int32Array[] {
  const order = rng.permutation(n);
  const batches: Int32Array[] = [];
  for (let s = 0; s < n; s += batchSize) batches.push(order.subarray(s, Math.min(n, s + batchSize)));
  return batches;
}

/** Poisson sampling for DP-SGD: each row joins independently with probability q. Mutates `rng`. */
export function poissonSample(n: number, q: number, rng: Rng): Int32Array {
  const picked: number[] = [];
  for (let i = 0; i < n; i++) if (rng.next() < q) picked.push(i);
  return Int32Array.from(picked);
}

/**
 * The row indices each of K models trains on in each step of one epoch: steps[s][m], for training
 * sets of `sizes[m]` rows. Ordinary training walks a fresh shuffle in minibatches of `batchSize`;
 * DP-SGD takes round(1/q) Poisson samples instead (the step count the accountant assumes) and
 * ignores `batchSize`. Both trainers (MLP and CNN) plan their epochs here. Mutates `rngs[m]`,
 * each model drawing only from its own generator.
 */
export function planEpoch(sizes: readonly number[], options: Pick<TrainOptions, 'batchSize' | 'dp'>, rngs: readonly Rng[]): Int32Array[][] {
  if (options.dp) {
    const q = options.dp.sampleRate;
    return Array.from({ length: dpStepsPerEpoch(q) }, () => sizes.map((n, m) => poissonSample(n, q, rngs[m])));
  }
  const perModel = sizes.map((n, m) => epochSchedule(n, options.batchSize, rngs[m]));
  return perModel[0].map((_, s) => perModel.map((schedule) => schedule[s]));
}

/** Copies rows `idx` of `data` into a new array (rows × d) and their labels. */
export function gatherRows(data: TrainingData, idx: ArrayLike<number>): { x: Float32Array; y: Int32Array } {
  const { d } = data;
  const x = new Float32Array(idx.length * d);
  const y = new Int32Array(idx.length);
  for (let r = 0; r < idx.length; r++) {
    const src = idx[r] * d;
    x.set(data.x.subarray(src, src + d), r * d);
    y[r] = data.y[idx[r]];
  }
  return { x, y };
}

/** One-hot targets, rows × numClasses. */
export function oneHot(y: Int32Array, numClasses: number): Float32Array {
  const t = new Float32Array(y.length * numClasses);
  for (let r = 0; r < y.length; r++) t[r * numClasses + y[r]] = 1;
  return t;
}

/**
 * The rows `idx` of `data`, augmented by `augment` (drawing from `rng`) when given.
 * The augmenter returns new arrays, so nothing here mutates `data`.
 */
export function buildBatch(
  data: TrainingData,
  idx: ArrayLike<number>,
  numClasses: number,
  augment: Augmenter | undefined,
  rng: Rng,
): BatchRows {
  if (!augment || idx.length === 0) return { kind: 'rows', data, idx, rows: idx.length };
  const { x, y } = gatherRows(data, idx);
  const out = augment(x, y, idx.length, data.d, numClasses, rng);
  if (out.x.length !== idx.length * data.d || out.targets.length !== idx.length * numClasses) {
    throw new Error(`The augmenter returned ${out.x.length} features and ${out.targets.length} targets for ${idx.length} rows.`);
  }
  return { kind: 'augmented', x: out.x, targets: out.targets, rows: idx.length };
}

/**
 * Writes a batch's features and targets into row `offset` onward of packed arrays
 * (x: rows × d, targets: rows × numClasses). Mutates `x` and `targets` in that range only.
 */
export function writeBatch(b: BatchRows, x: Float32Array, targets: Float32Array, offset: number, d: number, numClasses: number): void {
  if (b.kind === 'augmented') {
    x.set(b.x, offset * d);
    targets.set(b.targets, offset * numClasses);
    return;
  }
  targets.fill(0, offset * numClasses, (offset + b.rows) * numClasses);
  for (let r = 0; r < b.rows; r++) {
    const src = b.idx[r] * d;
    x.set(b.data.x.subarray(src, src + d), (offset + r) * d);
    targets[(offset + r) * numClasses + b.data.y[b.idx[r]]] = 1;
  }
}

/**
 * Inverted-dropout mask values for `rows` real rows of width `width`, written at `out[offset..]`:
 * 0 with probability `rate`, else 1/(1−rate), so activations keep their expected value and nothing
 * changes at evaluation time. Drawn in JS from `rng` (not tf.randomUniform) so the mask, and thus
 * the run, is identical on every backend and for sequential and stacked training. Mutates `out`, `rng`.
 */
export function fillDropoutMask(out: Float32Array, offset: number, rows: number, width: number, rate: number, rng: Rng): void {
  const keep = 1 / (1 - rate);
  const end = offset + rows * width;
  for (let i = offset; i < end; i++) out[i] = rng.next() < rate ? 0 : keep;
}
