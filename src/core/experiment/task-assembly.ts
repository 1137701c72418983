/**
 * @fileoverview The training stage cut into tasks that can run anywhere (one worker each, in any
 * order), and the artifacts put back together from what the tasks return. Pure: no tensors. The
 * tasks themselves run in engine/experiment/tasks.ts; this half runs where the attacks run (the
 * page, or a test), and the plan is task-plan.ts.
 *
 * Each model's randomness is named by its number (shadow 3 is always `shadows/…/model-3`), so the
 * assembled artifacts hold the same numbers whatever the pool size or finishing order.
 */
import { Rng } from '../rng';
import type { ExperimentConfig } from './config';
import { trainingKey, type Artifacts, type ExperimentBase, type ModelGroup } from './artifacts';
import type { Predictor } from './predictor';
import type { PrivacyAccounting } from './recipe';
import { augmenterFor } from './recipe';
import type { TargetEpoch } from './progress';
import { modelLabel, type AttackerGroup } from './task-plan';

export { groupSizes, modelLabel, planTasks, runnableAttacks, type TaskSpec } from './task-plan';

/** What a trained model's owner reports about it (its tensors stay where it was trained). */
export interface ModelFacts {
  readonly numClasses: number;
  readonly stoppedEpoch: number;
  readonly bestEpoch: number;
}

/** The base as plain data: the generator and the augmenter are rebuilt from the config. */
export type PlainBase = Omit<ExperimentBase, 'config' | 'key' | 'rng' | 'augment'>;

/** What the target task returns: the data every attack reads, and the target's outputs. */
export interface TargetOutput {
  readonly kind: 'target';
  readonly base: PlainBase;
  readonly targetProbs: Float32Array;
  readonly history: TargetEpoch[];
  readonly privacy: PrivacyAccounting | null;
  readonly model: ModelFacts;
  /** Milliseconds spent preparing the data and training (with the outputs). */
  readonly ms: { readonly data: number; readonly train: number };
  readonly backend: string;
}

/** What a shadow or reference task returns for its models, in the order of `indices`. */
export interface GroupOutput {
  readonly kind: AttackerGroup;
  readonly indices: readonly number[];
  /** One row of n IN/OUT flags per model. */
  readonly inMask: Uint8Array;
  readonly probs: Float32Array[];
  /** References only (LiRA's φ). */
  readonly logits: Float32Array[];
  readonly models: ModelFacts[];
  readonly ms: number;
}

export type TaskOutput = TargetOutput | GroupOutput;

function groupOf(kind: AttackerGroup, outputs: readonly GroupOutput[], predictorFor: (label: string, facts: ModelFacts) => Predictor): ModelGroup | null {
  const rows = outputs
    .filter((o) => o.kind === kind)
    .flatMap((o) => o.indices.map((index, k) => ({ index, k, o })))
    .sort((a, b) => a.index - b.index);
  if (rows.length === 0) return null;
  const n = rows[0].o.inMask.length / rows[0].o.indices.length;
  const inMask = new Uint8Array(rows.length * n);
  rows.forEach((r, m) => inMask.set(r.o.inMask.subarray(r.k * n, (r.k + 1) * n), m * n));
  return {
    predictors: rows.map((r) => predictorFor(modelLabel(kind, r.index), r.o.models[r.k])),
    inMask,
    probs: rows.map((r) => r.o.probs[r.k]),
    logits: kind === 'references' ? rows.map((r) => r.o.logits[r.k]) : [],
  };
}

/**
 * Artifacts from task outputs: the target's, and whichever group tasks have finished (any order;
 * models are put in number order). `predictorFor` stands in for each trained model: the real one
 * where it lives, or a handle that queries it there. A result from all tasks equals
 * prepareExperiment's for the same config and seed.
 */
export function assembleArtifacts(parts: {
  readonly config: ExperimentConfig;
  readonly target: TargetOutput;
  readonly groups: readonly GroupOutput[];
  readonly predictorFor: (label: string, facts: ModelFacts) => Predictor;
  readonly timingsMs?: Record<string, number>;
  /** The attack stage's cache to reuse (its entries are per model, so they stay valid as models arrive). */
  readonly cache?: Map<string, unknown>;
}): Artifacts {
  const { config, target, groups, predictorFor } = parts;
  return {
    ...target.base,
    config,
    key: trainingKey(config),
    rng: new Rng(config.seed),
    augment: augmenterFor(config, target.base.dataset),
    target: predictorFor(modelLabel('target'), target.model),
    targetProbs: target.targetProbs,
    history: target.history,
    privacy: target.privacy,
    shadows: groupOf('shadows', groups, predictorFor),
    references: groupOf('references', groups, predictorFor),
    cache: parts.cache ?? new Map<string, unknown>(),
    timingsMs: parts.timingsMs ?? { data: target.ms.data, target: target.ms.train },
    backend: target.backend,
  };
}
