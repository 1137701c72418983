/**
 * @fileoverview The training stage: data → split → target → shadow and reference models, with
 * their outputs cached for the attack stage.
 */
import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '../../core/rng';
import { nowMs } from '../../core/clock';
import type { Dataset } from '../../core/data/types';
import { pickRows, splitForExperiment, toTrainingData } from '../../core/data/splits';
import { JANE_SMITH, JOHN_DOE, placeReservedNames } from '../../core/data/names';
import { coinFlipMembership } from '../../core/data/coin-flip-split';
import { ensemblePlan } from '../../core/defenses/stacking';
import type { EvalResult, TrainHooks, TrainingBatch, TrainingData, TrainingSet } from '../../core/models/types';
import { throwIfAborted, type AbortSignalLike } from '../../core/abort';
import { ConfigError, type ExperimentConfig } from '../../core/experiment/config';
import { attackerAugmenter, attackerOptions, attackerSpec, augmenterFor, modelSpecFor, privacyFor, resolveDataset, rowsPerModel, trainOptionsFor, type PrivacyAccounting } from '../../core/experiment/recipe';
import { trainPredictors, type Predictor } from './predictors';
import { disposeArtifacts, trainingKey, type Artifacts, type ExperimentBase, type ModelGroup, type RecordSet } from '../../core/experiment/artifacts';
import { phaseWeights, type Phase, type ProgressCallback, type TargetEpoch } from '../../core/experiment/progress';
import { needsReferences, needsShadows } from '../../core/experiment/needs';
import { memoryProblem } from '../../core/experiment/memory-budget';
import { planSplit } from '../../core/experiment/split-sizes';
import type { AttackerGroup } from '../../core/experiment/task-plan';

export interface PrepareOptions {
  readonly csv?: Dataset;
  readonly signal?: AbortSignalLike;
  readonly onProgress?: ProgressCallback;
  /** Include per-record confidences in the target's epoch events (for the animated histogram). */
  readonly confidenceSnapshots?: boolean;
  /** Test seam: every training step's rows, per model of each group (see TrainHooks.onBatch). */
  readonly onTrainingBatch?: (group: 'target' | AttackerGroup, batch: TrainingBatch) => void;
}

function concatRows(dataset: Dataset, a: Int32Array, b: Int32Array): { rows: Int32Array; set: RecordSet } {
  const rows = new Int32Array(a.length + b.length);
  rows.set(a);
  rows.set(b, a.length);
  return { rows, set: toTrainingData(dataset, rows) };
}

/**
 * Random halves of `n` rows for the models numbered `indices`: a mask with one row of n IN/OUT
 * flags per listed model, and the training rows of each. Model m's half depends only on m.
 */
function randomHalves(n: number, indices: readonly number[], rng: Rng): { inMask: Uint8Array; rows: Int32Array[] } {
  const inMask = new Uint8Array(indices.length * n);
  const rows = indices.map((m, k) => {
    const chosen = rng.fork(`half-${m}`).permutation(n).slice(0, Math.floor(n / 2)).sort();
    for (const r of chosen) inMask[k * n + r] = 1;
    return chosen;
  });
  return { inMask, rows };
}


/** `data` with early stopping's validation rows attached, when there are any. */
function withValidation(data: TrainingData, validation: TrainingData | null): TrainingSet {
  return validation ? { ...data, validation } : data;
}

/** Tracks overall progress across weighted phases. */
class ProgressTracker {
  private done = 0;
  constructor(private readonly weights: Record<Phase, number>, private readonly report?: ProgressCallback) {}
  emit(phase: Phase, label: string, within: number, targetEpoch?: TargetEpoch, models?: { done: number; total: number }): void {
    const total = Object.values(this.weights).reduce((a, b) => a + b, 0);
    this.report?.({ phase, label, fraction: Math.min(1, (this.done + this.weights[phase] * within) / total), targetEpoch, models });
  }
  finish(phase: Phase): void {
    this.done += this.weights[phase];
  }
}

function toTargetEpoch(epoch: number, trainLoss: number, trainAccuracy: number, ev: Readonly<Record<string, EvalResult>>): TargetEpoch {
  return {
    epoch,
    trainLoss,
    trainAccuracy,
    memberLoss: ev.members.loss,
    memberAccuracy: ev.members.accuracy,
    nonMemberLoss: ev.nonMembers.loss,
    nonMemberAccuracy: ev.nonMembers.accuracy,
    memberConfidence: ev.members.confidence,
    nonMemberConfidence: ev.nonMembers.confidence,
  };
}

/** The two attacker model groups: shadows train on the pool, references on the candidates. */
export type { AttackerGroup };

/**
 * Trains models `indices` (numbered 0..count−1 within the group) of an attacker group on random
 * halves of its query set, and caches their outputs there (references also keep logits for
 * LiRA). Each model's halves and weights come from streams named by its number, so training
 * the group in slices, in any order or on several workers, gives the same models as at once.
 * The returned group holds only the listed models, in the order given.
 */
export async function trainGroupModels(
  a: Pick<ExperimentBase, 'spec' | 'options' | 'augment' | 'config' | 'rng' | 'pool' | 'candidates' | 'validation'>,
  group: AttackerGroup,
  indices: readonly number[],
  hooks: TrainHooks,
): Promise<ModelGroup> {
  const queries = group === 'shadows' ? a.pool : a.candidates;
  const rng = a.rng.fork(group);
  const { inMask, rows } = randomHalves(queries.n, indices, rng.fork('halves'));
  // Early stopping watches the attacker's own validation slice, outside the pool and the candidates,
  // so every record in a model's IN half was trained on.
  const sets = rows.map((r) => withValidation(pickRows(queries, r), a.validation.attacker));
  // The attacker trains its models the way it believes the target was trained (recipe.ts).
  const predictors = await trainPredictors(attackerSpec(a.config, a.spec), sets, attackerOptions(a.config, a.options), ensemblePlan(a.config), rng.fork('models'), hooks, indices);
  const probs: Float32Array[] = [];
  const logits: Float32Array[] = [];
  try {
    for (const p of predictors) {
      probs.push(await p.probs(queries.x, queries.n));
      if (group === 'references') logits.push(await p.logits(queries.x, queries.n));
    }
  } catch (err) {
    predictors.forEach((p) => p.dispose());
    throw err;
  }
  return { predictors, inMask, probs, logits };
}

/** 0, 1, …, count − 1. */
function upTo(count: number): number[] {
  return Array.from({ length: count }, (_, m) => m);
}

/** Trains shadow models on the attacker's pool if they do not exist yet. */
export async function ensureShadows(a: Artifacts, opts: PrepareOptions = {}, tracker?: ProgressTracker): Promise<ModelGroup> {
  if (a.shadows) return a.shadows;
  const K = a.config.attack.shadows;
  const t0 = nowMs();
  let epochs = 0;
  const label = `training ${K} shadow model${K > 1 ? 's' : ''}`;
  const total = K * a.config.train.ensemble * (a.config.attack.guessEpochs ?? a.config.train.epochs);
  a.shadows = await trainGroupModels(a, 'shadows', upTo(K), {
    signal: opts.signal,
    augment: attackerAugmenter(a.config, a.augment),
    // Models finished so far, counted in planned epochs (early stopping may end one sooner).
    onEpochDone: () => tracker?.emit('shadows', label, ++epochs / total, undefined, { done: Math.floor((epochs * K) / total), total: K }),
    onBatch: opts.onTrainingBatch && ((b) => opts.onTrainingBatch!('shadows', b)),
  });
  // All K are trained, also when early stopping ended some before their planned epochs.
  tracker?.emit('shadows', label, 1, undefined, { done: K, total: K });
  a.timingsMs.shadows = nowMs() - t0;
  return a.shadows;
}

/** Trains LiRA's reference models on random halves of the candidates if they do not exist yet. */
export async function ensureReferences(a: Artifacts, opts: PrepareOptions = {}, tracker?: ProgressTracker): Promise<ModelGroup> {
  if (a.references) return a.references;
  const M = a.config.attack.references;
  const t0 = nowMs();
  let epochs = 0;
  const total = M * a.config.train.ensemble * (a.config.attack.guessEpochs ?? a.config.train.epochs);
  a.references = await trainGroupModels(a, 'references', upTo(M), {
    signal: opts.signal,
    augment: attackerAugmenter(a.config, a.augment),
    onEpochDone: () => tracker?.emit('references', `training ${M} reference models`, ++epochs / total, undefined, { done: Math.floor((epochs * M) / total), total: M }),
    onBatch: opts.onTrainingBatch && ((b) => opts.onTrainingBatch!('references', b)),
  });
  tracker?.emit('references', `training ${M} reference models`, 1, undefined, { done: M, total: M });
  a.timingsMs.references = nowMs() - t0;
  return a.references;
}

/**
 * Throws ConfigError if `config` on `dataset` needs more memory than the limit (memory-budget.ts).
 * The config validator checks generated data up front; a CSV's shape is only known here.
 */
export function assertMemoryFits(config: ExperimentConfig, dataset: Dataset): void {
  const problem = memoryProblem(config, { n: dataset.n, d: dataset.d, classes: dataset.numClasses, imageShape: dataset.imageShape });
  if (problem) throw new ConfigError([problem]);
}

/**
 * What every model of an experiment shares, derived from the config (and a loaded CSV) alone:
 * the data, the split, the recipe, and DP accounting for the planned epochs.
 */
export type { ExperimentBase };

/** Data → split → recipe for `config`. Pure and seeded: every call gives the same base. */
export function prepareBase(config: ExperimentConfig, csv?: Dataset): ExperimentBase {
  const rng = new Rng(config.seed);
  const members = config.split.targetMembers;
  const generated = resolveDataset(config, rng, csv);
  assertMemoryFits(config, generated);
  const plan = planSplit(config, generated.n, `the data has ${generated.n} rows`);
  if (typeof plan === 'string') throw new ConfigError([plan]);
  const drawn = splitForExperiment(generated, { targetMembers: members, shadowPool: plan.pool, validation: plan.ownerValidation }, rng.fork('split'));
  // The one-run audit needs each candidate's membership drawn by its own coin (coin-flip-split.ts).
  const split = config.split.oneRunAudit ? coinFlipMembership(drawn, rng.fork('one-run-coins')) : drawn;
  // The lessons' two patients: John Doe is the split's first member, Jane Smith its first non-member.
  const names = generated.recordNames;
  const dataset = names?.[0] === JOHN_DOE && names[1] === JANE_SMITH ? { ...generated, recordNames: placeReservedNames(names, split.targetMembers[0], split.targetNonMembers[0]) } : generated;
  const { rows: candidateRows, set: candidates } = concatRows(dataset, split.targetMembers, split.targetNonMembers);
  const isMember = new Uint8Array(candidates.n).fill(1, 0, split.targetMembers.length);
  // The attacker mirrors the owner: with early stopping it sets a slice of its pool aside as
  // validation rows for its shadow and reference models, and draws IN/OUT halves from the rest.
  const held = plan.attackerValidation;
  const pool = toTrainingData(dataset, split.shadowPool.subarray(held));
  const validation = {
    target: split.validation.length > 0 ? toTrainingData(dataset, split.validation) : null,
    attacker: held > 0 ? toTrainingData(dataset, split.shadowPool.subarray(0, held)) : null,
  };
  const spec = modelSpecFor(config, dataset);
  const privacy = privacyFor(config, rowsPerModel(config));
  const options = trainOptionsFor(config, privacy);
  const augment = augmenterFor(config, dataset);
  return { config, key: trainingKey(config), dataset, split, spec, options, augment, rng, candidates, isMember, candidateRows, pool, validation, privacy };
}

/** The trained target with its outputs on the candidates and its per-epoch history. */
export interface TrainedTarget {
  readonly target: Predictor;
  readonly targetProbs: Float32Array;
  readonly history: TargetEpoch[];
  /**
   * DP accounting for the planned epochs, also when early stopping ended training sooner: when to
   * stop depends on the model's own outputs, so the steps actually taken give no smaller ε.
   */
  readonly privacy: PrivacyAccounting | null;
}

/**
 * Trains the target on the base's members, evaluating members and non-members after each epoch
 * (`onEpoch` gets each point as it is made). The caller owns `target`: dispose it.
 */
export async function trainTargetModel(
  base: ExperimentBase,
  opts: Pick<PrepareOptions, 'signal' | 'confidenceSnapshots' | 'onTrainingBatch'> & { readonly onEpoch?: (point: TargetEpoch) => void } = {},
): Promise<TrainedTarget> {
  const { config, dataset, split, spec, options, augment, rng, candidates } = base;
  const history: TargetEpoch[] = [];
  const membersSet = toTrainingData(dataset, split.targetMembers);
  const nonMembersSet = toTrainingData(dataset, split.targetNonMembers);
  // Early stopping watches the owner's hold-out, never a member: every member is trained on.
  const [target] = await trainPredictors(spec, [withValidation(membersSet, base.validation.target)], options, ensemblePlan(config), rng.fork('target'), {
    signal: opts.signal,
    augment,
    confidenceSnapshots: opts.confidenceSnapshots,
    onBatch: opts.onTrainingBatch && ((b) => opts.onTrainingBatch!('target', b)),
    evalSets: [{ name: 'members', data: membersSet }, { name: 'nonMembers', data: nonMembersSet }],
    onEpoch: (r) => {
      if (r.model !== 0 || !r.eval.members) return;
      const point = toTargetEpoch(r.epoch, r.trainLoss, r.trainAccuracy, r.eval);
      history.push(point);
      opts.onEpoch?.(point);
    },
  });
  try {
    return { target, targetProbs: await target.probs(candidates.x, candidates.n), history, privacy: base.privacy };
  } catch (err) {
    target.dispose();
    throw err;
  }
}

/**
 * Runs the training stage for `config`. Rejects with CancelledError when `opts.signal` aborts,
 * after freeing every tensor it made. The caller owns the result: call disposeArtifacts.
 */
export async function prepareExperiment(config: ExperimentConfig, opts: PrepareOptions = {}): Promise<Artifacts> {
  const t0 = nowMs();
  const K = needsShadows(config) ? config.attack.shadows : 0;
  const M = needsReferences(config) ? config.attack.references : 0;
  const tracker = new ProgressTracker(phaseWeights({ target: 1, shadows: K, references: M }), opts.onProgress);
  tracker.emit('data', 'preparing data', 0);
  const base = prepareBase(config, opts.csv);
  tracker.finish('data');
  throwIfAborted(opts.signal);

  const tTarget = nowMs();
  const epochs = config.train.epochs;
  const trained = await trainTargetModel(base, {
    signal: opts.signal,
    confidenceSnapshots: opts.confidenceSnapshots,
    onTrainingBatch: opts.onTrainingBatch,
    onEpoch: (point) => tracker.emit('target', 'training the target model', point.epoch / epochs, point, { done: point.epoch, total: epochs }),
  });
  const artifacts: Artifacts = {
    ...base, ...trained, cache: new Map<string, unknown>(), backend: tf.getBackend(),
    timingsMs: { data: tTarget - t0, target: nowMs() - tTarget } as Record<string, number>,
    shadows: null, references: null,
  };
  try {
    tracker.finish('target');
    if (K > 0) await ensureShadows(artifacts, opts, tracker);
    tracker.finish('shadows');
    if (M > 0) await ensureReferences(artifacts, opts, tracker);
    tracker.finish('references');
    return artifacts;
  } catch (err) {
    disposeArtifacts(artifacts);
    throw err;
  }
}
