/**
 * @fileoverview The shadow-model attack, in its two published variants.
 *
 * The attacker trains shadow models on its own proxy data, so it knows which records each one saw.
 * Their outputs on those IN records and on held-out OUT records form a meta-dataset, and a binary
 * classifier learns to tell IN from OUT; it is then asked about the target's outputs.
 * - Salem et al. (2019, ML-Leaks): the probability vector sorted descending (class identity is
 *   dropped, so one classifier serves every class), cut to the largest few: the top 10 here (Salem
 *   et al. keep 3), which bounds the width for 100-class data; a softmax's tail carries little signal.
 *   Optionally the one-hot true label is appended, or one classifier is trained per class.
 * - Shokri et al. (2017): the full probability vector in class order (`sorted: false`), and one
 *   attack classifier per true class (`perClass: true`).
 * In per-class mode, a class with too few shadow rows, or without both IN and OUT rows, falls back
 * to the classifier trained on every class's rows.
 */

import type { Rng } from '../rng';
import { trainBinaryClassifier, predictInProbability, type BinaryClassifier, type ClassifierOptions } from './attack-classifier';
import { thresholdResult, type AttackResult } from './calibration';
import { requireScores, type LabelledResponse, type ShadowResponse } from './output-api';

export interface MetaFeatureOptions {
  /**
   * true (default): the largest probabilities, sorted descending (Salem et al.). false: the whole
   * vector in class order (Shokri et al.); topK is then ignored.
   */
  readonly sorted?: boolean;
  /** Keep this many of the largest probabilities, sorted descending (default 10, capped at C). */
  readonly topK?: number;
  /** Append the one-hot true label (default false). */
  readonly includeLabel?: boolean;
}

/** The attack model's training data: one row per (shadow model, record) pair. */
export interface MetaDataset {
  readonly rows: number;
  readonly width: number;
  /** rows × width row-major. */
  readonly features: Float64Array;
  /** 1 = IN, 0 = OUT, per row. */
  readonly isMember: Uint8Array;
  readonly trueClass: Int32Array;
  /** Index of the shadow model each row came from. */
  readonly shadowIndex: Int32Array;
  /** One name per feature column, for table headers. */
  readonly featureNames: readonly string[];
  readonly numClasses: number;
  readonly options: Required<MetaFeatureOptions>;
}

/** One meta-dataset row, ready for a table. */
export interface MetaRow {
  readonly index: number;
  readonly shadow: number;
  readonly trueClass: number;
  readonly membership: 'IN' | 'OUT';
  readonly features: number[];
}

export interface ShadowAttackOptions extends MetaFeatureOptions {
  readonly classifier?: ClassifierOptions;
  /** One classifier per true class (default false: one global classifier). */
  readonly perClass?: boolean;
  /** Per-class mode: classes with fewer rows, or without both IN and OUT rows, use the global model (default 100). */
  readonly minRowsPerClass?: number;
}

/** A trained attack model: plain data. perClass[c] is null where class c falls back to `global`. */
export interface ShadowAttackModel {
  readonly features: Required<MetaFeatureOptions>;
  readonly numClasses: number;
  readonly global: BinaryClassifier;
  readonly perClass: readonly (BinaryClassifier | null)[];
}

function resolveOptions(opts: MetaFeatureOptions, C: number): Required<MetaFeatureOptions> {
  const sorted = opts.sorted ?? true;
  const topK = opts.topK ?? 10;
  if (!Number.isInteger(topK) || topK < 1) throw new Error(`topK must be a whole number >= 1, got ${topK}.`);
  return { sorted, topK: sorted ? Math.min(topK, C) : C, includeLabel: opts.includeLabel ?? false };
}

/** Column names for the given options: "top-1 prob", … (or "p(class c)" unsorted), then "label = c". */
export function metaFeatureNames(options: Required<MetaFeatureOptions>, C: number): string[] {
  const names = Array.from({ length: options.topK }, (_, t) => (options.sorted ? `top-${t + 1} prob` : `p(class ${t})`));
  if (options.includeLabel) for (let c = 0; c < C; c++) names.push(`label = ${c}`);
  return names;
}

/**
 * Attack features for every queried record (rows × width, row-major; a new array). Throws
 * AttackUnavailableError for a label-only API. Under top-k, hidden entries are 0 (and sort last).
 * `options` must come from resolveOptions (unsorted features have topK = C).
 */
export function metaFeatures(query: LabelledResponse, options: Required<MetaFeatureOptions>): Float64Array {
  const { response, labels } = query;
  const probs = requireScores(response, 'shadow-model');
  const { n, numClasses: C } = response;
  if (labels.length !== n) throw new Error(`Expected ${n} labels, got ${labels.length}.`);
  const width = options.topK + (options.includeLabel ? C : 0);
  const out = new Float64Array(n * width);
  const row = new Float64Array(C);
  for (let i = 0; i < n; i++) {
    row.set(probs.subarray(i * C, (i + 1) * C));
    if (options.sorted) {
      row.sort(); // ascending; read back from the end
      for (let t = 0; t < options.topK; t++) out[i * width + t] = row[C - 1 - t];
    } else {
      out.set(row, i * width);
    }
    if (options.includeLabel) {
      if (labels[i] < 0 || labels[i] >= C) throw new Error(`Label ${labels[i]} of row ${i} is outside 0..${C - 1}.`);
      out[i * width + options.topK + labels[i]] = 1;
    }
  }
  return out;
}

/** Builds the meta-dataset from the shadow models' responses on their own IN/OUT records. */
export function buildMetaDataset(shadows: readonly ShadowResponse[], opts: MetaFeatureOptions = {}): MetaDataset {
  if (shadows.length === 0) throw new Error('The shadow-model attack needs at least one shadow model.');
  const C = shadows[0].response.numClasses;
  const options = resolveOptions(opts, C);
  const width = options.topK + (options.includeLabel ? C : 0);
  const rows = shadows.reduce((t, s) => t + s.response.n, 0);
  const features = new Float64Array(rows * width);
  const isMember = new Uint8Array(rows), trueClass = new Int32Array(rows), shadowIndex = new Int32Array(rows);
  let at = 0;
  shadows.forEach((s, k) => {
    if (s.response.numClasses !== C) throw new Error('Every shadow model must have the same number of classes.');
    if (s.isMember.length !== s.response.n) throw new Error('Each shadow needs one membership flag per record.');
    features.set(metaFeatures(s, options), at * width);
    isMember.set(s.isMember, at);
    trueClass.set(s.labels, at);
    shadowIndex.fill(k, at, at + s.response.n);
    at += s.response.n;
  });
  return { rows, width, features, isMember, trueClass, shadowIndex, featureNames: metaFeatureNames(options, C), numClasses: C, options };
}

/** Rows start .. start+count−1 of the meta-dataset (clipped to its end), as table rows. */
export function metaDatasetRows(meta: MetaDataset, start: number, count: number): MetaRow[] {
  const out: MetaRow[] = [];
  for (let r = Math.max(0, start); r < Math.min(meta.rows, start + count); r++) {
    out.push({
      index: r, shadow: meta.shadowIndex[r], trueClass: meta.trueClass[r], membership: meta.isMember[r] ? 'IN' : 'OUT',
      features: Array.from(meta.features.subarray(r * meta.width, (r + 1) * meta.width)),
    });
  }
  return out;
}

/**
 * Trains the attack model on `meta`. Deterministic: the global model uses rng.fork('global') and
 * class c uses rng.fork(`class-${c}`), so results don't depend on how many classes train.
 */
export function trainShadowAttackModel(meta: MetaDataset, opts: ShadowAttackOptions, rng: Rng): ShadowAttackModel {
  const clfOpts = opts.classifier ?? {};
  const global = trainBinaryClassifier(meta.features, meta.isMember, meta.rows, meta.width, clfOpts, rng.fork('global'));
  const perClass: (BinaryClassifier | null)[] = [];
  if (opts.perClass) {
    const minRows = opts.minRowsPerClass ?? 100;
    for (let c = 0; c < meta.numClasses; c++) {
      const idx = rowsOfClass(meta.trueClass, c);
      let ins = 0;
      for (const r of idx) ins += meta.isMember[r];
      if (idx.length < minRows || ins === 0 || ins === idx.length) { perClass.push(null); continue; }
      const x = gatherRows(meta.features, meta.width, idx);
      const y = Uint8Array.from(idx, (r) => meta.isMember[r]);
      perClass.push(trainBinaryClassifier(x, y, idx.length, meta.width, clfOpts, rng.fork(`class-${c}`)));
    }
  }
  return { features: meta.options, numClasses: meta.numClasses, global, perClass };
}

/** P(IN) for feature rows (rows × width) whose true classes are `trueClass`. Returns a new array. */
export function scoreMetaRows(model: ShadowAttackModel, features: Float64Array, trueClass: Int32Array, rows: number): Float64Array {
  const width = model.global.width;
  if (model.perClass.every((m) => m === null)) return predictInProbability(model.global, features, rows);
  const out = new Float64Array(rows);
  const groups = new Map<BinaryClassifier, number[]>();
  for (let r = 0; r < rows; r++) {
    const clf = model.perClass[trueClass[r]] ?? model.global;
    let g = groups.get(clf);
    if (!g) groups.set(clf, (g = []));
    g.push(r);
  }
  for (const [clf, idx] of groups) {
    const p = predictInProbability(clf, gatherRows(features, width, idx), idx.length);
    idx.forEach((r, k) => { out[r] = p[k]; });
  }
  return out;
}

/** The attack model's P(IN) for each record of a response (e.g. the target's). New array. */
export function shadowAttackScores(model: ShadowAttackModel, query: LabelledResponse): Float64Array {
  if (query.response.numClasses !== model.numClasses) throw new Error('The response and the attack model disagree on the number of classes.');
  return scoreMetaRows(model, metaFeatures(query, model.features), query.labels, query.response.n);
}

/** The options of each published variant, for the attack stage and the lessons. */
export function shadowVariantOptions(variant: 'salem' | 'shokri', C: number, salem: { includeLabel?: boolean; perClass?: boolean } = {}): ShadowAttackOptions {
  return variant === 'shokri'
    ? { sorted: false, perClass: true, includeLabel: false }
    : { sorted: true, topK: Math.min(10, C), includeLabel: salem.includeLabel ?? false, perClass: salem.perClass ?? false };
}

/**
 * The whole attack: meta-dataset, attack model, scores P(IN) on the target. The threshold maximises
 * accuracy on the meta-dataset (the attacker's own data, in-sample; with balanced IN/OUT it lands
 * near 0.5). Returns the meta-dataset and model too, for the UI.
 */
export function shadowModelAttack(
  target: LabelledResponse, shadows: readonly ShadowResponse[], opts: ShadowAttackOptions, rng: Rng,
): AttackResult & { readonly meta: MetaDataset; readonly model: ShadowAttackModel } {
  const meta = buildMetaDataset(shadows, opts);
  const model = trainShadowAttackModel(meta, opts, rng);
  const scores = shadowAttackScores(model, target);
  const own = scoreMetaRows(model, meta.features, meta.trueClass, meta.rows);
  return { ...thresholdResult('shadow-model', scores, { scores: own, isMember: meta.isMember }), meta, model };
}

function rowsOfClass(trueClass: Int32Array, c: number): number[] {
  const idx: number[] = [];
  for (let r = 0; r < trueClass.length; r++) if (trueClass[r] === c) idx.push(r);
  return idx;
}

function gatherRows(x: Float64Array, width: number, idx: readonly number[]): Float64Array {
  const out = new Float64Array(idx.length * width);
  idx.forEach((r, k) => out.set(x.subarray(r * width, (r + 1) * width), k * width));
  return out;
}
