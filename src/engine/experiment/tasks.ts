/**
 * @fileoverview Runs one training task (core/experiment/task-plan.ts): the target, or some shadow or
 * reference models, on a base prepared from the config. A worker of the pool runs these; the CLI
 * and prepareExperiment train the same models in one go. Returns the models (the caller owns and
 * disposes them) and their outputs as plain arrays.
 */
import * as tf from '@tensorflow/tfjs-core';
import { nowMs } from '../../core/clock';
import type { AbortSignalLike } from '../../core/abort';
import type { Predictor } from '../../core/experiment/predictor';
import type { TargetEpoch } from '../../core/experiment/progress';
import { trainGroupModels, trainTargetModel, type ExperimentBase } from './prepare';
import { attackerAugmenter } from '../../core/experiment/recipe';
import { modelLabel, type ModelFacts, type TaskOutput, type TaskSpec } from '../../core/experiment/task-assembly';

export interface TaskHooks {
  readonly signal?: AbortSignalLike;
  /** Per-record confidences in the target's epoch points (for the animated histogram). */
  readonly confidenceSnapshots?: boolean;
  /** After each epoch of each model: epochs done and planned in this task, and the target's point. */
  readonly onProgress?: (p: TaskProgress) => void;
}

export interface TaskProgress {
  readonly epochsDone: number;
  readonly epochsTotal: number;
  readonly targetEpoch?: TargetEpoch;
}

/** A finished task: its plain outputs, and its models by label (see modelLabel), owned by the caller. */
export interface TaskRun {
  readonly output: TaskOutput;
  readonly models: Map<string, Predictor>;
}

const facts = (p: Predictor): ModelFacts => ({ numClasses: p.numClasses, stoppedEpoch: p.stoppedEpoch, bestEpoch: p.bestEpoch });

/**
 * Trains what `spec` names on `base` (made by prepareBase; `dataMs` is what making it cost).
 * Rejects with CancelledError on abort, after freeing every tensor it made.
 */
export async function runTrainingTask(base: ExperimentBase, spec: TaskSpec, hooks: TaskHooks = {}, dataMs = 0): Promise<TaskRun> {
  const t0 = nowMs();
  const { epochs, ensemble } = base.config.train;
  if (spec.kind === 'target') {
    const trained = await trainTargetModel(base, {
      signal: hooks.signal,
      confidenceSnapshots: hooks.confidenceSnapshots,
      onEpoch: (point) => hooks.onProgress?.({ epochsDone: point.epoch, epochsTotal: epochs, targetEpoch: point }),
    });
    const { config: _c, key: _k, rng: _r, augment: _a, ...plain } = base;
    return {
      output: {
        kind: 'target', base: plain, targetProbs: trained.targetProbs, history: trained.history, privacy: trained.privacy,
        model: facts(trained.target), ms: { data: dataMs, train: nowMs() - t0 }, backend: tf.getBackend(),
      },
      models: new Map([[modelLabel('target'), trained.target]]),
    };
  }
  const total = spec.indices.length * ensemble * (base.config.attack.guessEpochs ?? epochs);
  let done = 0;
  const group = await trainGroupModels(base, spec.kind, spec.indices, {
    signal: hooks.signal,
    augment: attackerAugmenter(base.config, base.augment),
    onEpochDone: () => hooks.onProgress?.({ epochsDone: ++done, epochsTotal: total }),
  });
  return {
    output: {
      kind: spec.kind, indices: [...spec.indices], inMask: group.inMask, probs: group.probs, logits: group.logits,
      models: group.predictors.map(facts), ms: nowMs() - t0,
    },
    models: new Map(group.predictors.map((p, k) => [modelLabel(spec.kind, spec.indices[k]), p])),
  };
}
