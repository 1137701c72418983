/**
 * @fileoverview The trained part of an experiment: data, split, target, shadow and reference
 * models and their cached outputs. Attacks and API changes reuse it without retraining; a change
 * to data, model, training or defenses makes a new one (see trainingKey). Types and two small
 * helpers, pure: the models are Predictors, real ones in the engine or handles to a worker's.
 */
import type { Dataset } from '../data/types';
import type { ExperimentSplit } from '../data/splits';
import type { ModelSpec, TrainOptions, Augmenter } from '../models/types';
import type { Rng } from '../rng';
import type { ExperimentConfig } from './config';
import type { Predictor } from './predictor';
import type { PrivacyAccounting } from './recipe';
import type { TargetEpoch } from './progress';

export { trainingKey } from './training-key';

/** Rows as flat arrays, with their membership where it is known. */
export interface RecordSet {
  readonly x: Float32Array;
  readonly y: Int32Array;
  readonly n: number;
  readonly d: number;
}

/** One group of attacker models (shadows or references) with their outputs on their query set. */
export interface ModelGroup {
  readonly predictors: Predictor[];
  /** M × n: 1 where the record was in that model's training set. */
  readonly inMask: Uint8Array;
  /** M × n × C probabilities on the query set (pool for shadows, candidates for references). */
  readonly probs: Float32Array[];
  /** M × n × C logits (references only, for LiRA's φ). */
  readonly logits: Float32Array[];
}

export interface Artifacts {
  readonly config: ExperimentConfig;
  readonly key: string;
  readonly dataset: Dataset;
  readonly split: ExperimentSplit;
  readonly spec: ModelSpec;
  readonly options: TrainOptions;
  readonly augment: Augmenter | undefined;
  readonly rng: Rng;
  /** The queried records: the target's members, then as many non-members. */
  readonly candidates: RecordSet;
  readonly isMember: Uint8Array;
  /** Dataset row of each candidate (for names and features in the record inspector). */
  readonly candidateRows: Int32Array;
  /** The attacker's proxy data (without its validation slice). */
  readonly pool: RecordSet;
  /**
   * Early stopping's validation rows, or null without it: the target owner's hold-out (disjoint
   * from members, non-members and the pool) and the slice of its pool the attacker set aside for
   * its shadow and reference models. Never trained on, never evaluated as members.
   */
  readonly validation: { readonly target: RecordSet | null; readonly attacker: RecordSet | null };
  readonly target: Predictor;
  /** The target's full probabilities on the candidates, before any output API. */
  readonly targetProbs: Float32Array;
  readonly history: TargetEpoch[];
  readonly privacy: PrivacyAccounting | null;
  shadows: ModelGroup | null;
  references: ModelGroup | null;
  /** Lazily computed extras for label-only and white-box attacks. */
  readonly cache: Map<string, unknown>;
  readonly timingsMs: Record<string, number>;
  readonly backend: string;
}

/** The value cached on `a` under `key`, made (once) by `make` if missing. Mutates `a.cache`. */
export async function cachedOn<T>(a: Pick<Artifacts, 'cache'>, key: string, make: () => Promise<T>): Promise<T> {
  if (!a.cache.has(key)) a.cache.set(key, await make());
  return a.cache.get(key) as T;
}

/** Frees every tensor the artifacts hold. Safe to call twice. */
export function disposeArtifacts(a: Artifacts): void {
  a.target.dispose();
  a.shadows?.predictors.forEach((p) => p.dispose());
  a.references?.predictors.forEach((p) => p.dispose());
  a.shadows = null;
  a.references = null;
}

/** The data, split and recipe of an experiment, before any model is trained (prepare.ts makes it). */
export type ExperimentBase = Pick<
  Artifacts,
  'config' | 'key' | 'dataset' | 'split' | 'spec' | 'options' | 'augment' | 'rng' | 'candidates' | 'isMember' | 'candidateRows' | 'pool' | 'validation' | 'privacy'
>;
