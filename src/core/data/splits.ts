/**
 * @fileoverview Splitting one dataset into the disjoint roles of a membership-inference
 * experiment, and copying rows out into smaller datasets or training sets.
 *
 * Roles: the target's members (its training set), target non-members (held out, same size and
 * distribution, so a 50/50 guess is the baseline), the attacker's shadow pool (proxy data from the
 * same distribution, never overlapping the target's rows), the target owner's validation rows
 * (early stopping's hold-out: never trained on, never evaluated), and a population set (for
 * reference statistics such as LiRA-offline or calibration). Splits are stratified by class, so a small
 * member set still has every class in its population share, and members and non-members differ
 * only by membership, not by class mix.
 */

import type { Rng } from '../rng';
import type { TrainingData } from '../models/types';
import type { Dataset } from './types';

export interface SplitSizes {
  /** Rows the target trains on. The non-member set has the same size. */
  readonly targetMembers: number;
  /** Rows the attacker may use for shadow/reference models. */
  readonly shadowPool: number;
  /** The target owner's validation rows for early stopping (default 0). */
  readonly validation?: number;
  /** Extra held-out rows; default: every row left over. */
  readonly population?: number;
  /** Rows that must be members (e.g. row 0, "John Doe"); at most targetMembers of them. */
  readonly alwaysMembers?: readonly number[];
}

/** Row indices into the dataset for each role; pairwise disjoint, each in random order. */
export interface ExperimentSplit {
  readonly targetMembers: Int32Array;
  readonly targetNonMembers: Int32Array;
  readonly shadowPool: Int32Array;
  /** The owner's early-stopping hold-out; empty without early stopping. */
  readonly validation: Int32Array;
  readonly population: Int32Array;
}

/**
 * Splits `dataset`'s rows into disjoint, class-stratified roles. Throws RangeError with the
 * sizes when they don't fit in n. Pure: draws from `rng.fork('split')`, so the result depends only
 * on the seed, the labels and the sizes.
 */
export function splitForExperiment(dataset: Dataset, sizes: SplitSizes, rng: Rng): ExperimentSplit {
  const { n } = dataset;
  const m = sizes.targetMembers;
  const s = sizes.shadowPool;
  const v = sizes.validation ?? 0;
  for (const [name, size] of [['targetMembers', m], ['shadowPool', s], ['validation', v], ['population', sizes.population ?? 0]] as const) {
    if (!Number.isInteger(size) || size < 0) throw new RangeError(`Split size ${name} must be a non-negative integer, got ${size}.`);
  }
  if (m < 1) throw new RangeError('Split size targetMembers must be at least 1.');
  const fixed = 2 * m + s + v;
  const p = sizes.population ?? Math.max(0, n - fixed);
  if (fixed + p > n) {
    throw new RangeError(
      `The split needs ${fixed + p} rows (${m} target members + ${m} non-members + ${s} shadow pool${v ? ` + ${v} validation` : ''} + ${p} population) ` +
        `but the dataset "${dataset.name}" has ${n}.`,
    );
  }
  const pinned = [...new Set(sizes.alwaysMembers ?? [])];
  if (pinned.length > m) throw new RangeError(`${pinned.length} rows must be members but targetMembers is only ${m}.`);
  for (const r of pinned) {
    if (!Number.isInteger(r) || r < 0 || r >= n) throw new RangeError(`alwaysMembers row ${r} is outside 0..${n - 1}.`);
  }

  const splitRng = rng.fork('split');
  const order = stratifiedOrder(dataset.y, dataset.numClasses, splitRng);
  const isPinned = new Uint8Array(n);
  for (const r of pinned) isPinned[r] = 1;
  // Pinned rows go first; the rest keep their stratified order.
  const rest = order.filter((r) => !isPinned[r]);
  const seq = Int32Array.from([...pinned, ...rest]);
  const take = (from: number, count: number): Int32Array =>
    splitRng.shuffle(seq.slice(from, from + count)) as Int32Array;
  return {
    targetMembers: take(0, m),
    targetNonMembers: take(m, m),
    shadowPool: take(2 * m, s),
    validation: take(2 * m + s, v),
    population: take(fixed, p),
  };
}

/**
 * A random order of 0..n-1 in which every prefix and every contiguous chunk has close to the
 * dataset's class proportions: row r gets the key (rank of r within its class + ½) / class size,
 * with ranks from a random permutation, and rows are sorted by key.
 */
function stratifiedOrder(y: Int32Array, k: number, rng: Rng): Int32Array {
  const n = y.length;
  const perm = rng.permutation(n);
  const counts = new Int32Array(k);
  for (let i = 0; i < n; i++) counts[y[i]]++;
  const seen = new Int32Array(k);
  const key = new Float64Array(n);
  for (const r of perm) {
    const c = y[r];
    key[r] = (seen[c]++ + 0.5) / counts[c];
  }
  // Sorting the permutation (stable) breaks ties between classes at random.
  return Int32Array.from(Array.from(perm).sort((a, b) => key[a] - key[b]));
}

function checkRows(dataset: Dataset, rows: ArrayLike<number>): void {
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!Number.isInteger(r) || r < 0 || r >= dataset.n) {
      throw new RangeError(`Row ${r} is outside 0..${dataset.n - 1} of dataset "${dataset.name}".`);
    }
  }
}

/**
 * A new Dataset holding copies of `rows` (in that order; repeats allowed). Per-row extras
 * (rawX, recordNames, outlierRows) follow the rows; everything else is shared. Does not mutate.
 */
export function subset(dataset: Dataset, rows: ArrayLike<number>): Dataset {
  checkRows(dataset, rows);
  const { d } = dataset;
  const n = rows.length;
  const x = new Float32Array(n * d);
  const y = new Int32Array(n);
  const rawX = dataset.rawX ? new Float32Array(n * d) : undefined;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    x.set(dataset.x.subarray(r * d, (r + 1) * d), i * d);
    rawX?.set(dataset.rawX!.subarray(r * d, (r + 1) * d), i * d);
    y[i] = dataset.y[r];
  }
  const outliers = new Set(dataset.outlierRows ?? []);
  const outlierRows: number[] = [];
  for (let i = 0; i < n; i++) if (outliers.has(rows[i])) outlierRows.push(i);
  const names = dataset.recordNames;
  return {
    ...dataset,
    x,
    y,
    n,
    rawX,
    recordNames: names ? Array.from({ length: n }, (_, i) => names[rows[i]]) : undefined,
    outlierRows: dataset.outlierRows ? outlierRows : undefined,
  };
}

/** Copies of `rows` of plain training data (features and labels only), in that order. Pure. */
export function pickRows(data: TrainingData, rows: ArrayLike<number>): TrainingData {
  const { d } = data;
  const x = new Float32Array(rows.length * d);
  const y = new Int32Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    x.set(data.x.subarray(r * d, (r + 1) * d), k * d);
    y[k] = data.y[r];
  }
  return { x, y, n: rows.length, d };
}

/** Copies `rows` into a TrainingData (x n × d, y), the trainer's input. Does not mutate. */
export function toTrainingData(dataset: Dataset, rows: ArrayLike<number>): TrainingData {
  const { x, y, n, d } = subset({ ...dataset, rawX: undefined, recordNames: undefined, outlierRows: undefined }, rows);
  return { x, y, n, d };
}
