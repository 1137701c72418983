/**
 * @fileoverview The natural picture of differential privacy: train the same model with and without
 * one record (same seed, same split, same everything else) and see how much that record's score
 * moves, next to how much it moves anyway when only the training randomness changes. Without DP
 * a memorized record's score jumps far outside that run-to-run spread; DP-SGD is built to keep
 * the jump inside it. Trains 2 + `noiseRuns` targets; the caller's config is not changed.
 */
import { Rng } from '../../core/rng';
import { prepareBase, trainTargetModel, type ExperimentBase } from './prepare';
import type { ExperimentConfig } from '../../core/experiment/config';

export interface OneRecordEffect {
  /** Position of the record among the target's members. */
  readonly member: number;
  /** ln p(true label) for the record, trained with it and without it. */
  readonly withRecord: number;
  readonly withoutRecord: number;
  /** The same score over `noiseRuns` retrainings with the record, each with other training randomness. */
  readonly noise: readonly number[];
  /** withRecord − withoutRecord: what the record itself did. */
  readonly effect: number;
  /** Standard deviation of `noise`: what changes anyway. */
  readonly noiseStd: number;
}

/** ln p(label) of candidate `row` in a flat probability matrix; clamped so a zero stays finite. */
function logConfidence(probs: Float32Array, classes: number, row: number, label: number): number {
  return Math.log(Math.max(probs[row * classes + label], 1e-12));
}

async function scoreOf(base: ExperimentBase, candidate: number): Promise<number> {
  const { target, targetProbs } = await trainTargetModel(base);
  target.dispose();
  return logConfidence(targetProbs, base.dataset.numClasses, candidate, base.candidates.y[candidate]);
}

/**
 * Trains `config`'s target with and without member `member`, and `noiseRuns` more times with it
 * under training seeds 1000, 1001, … (the data and split stay those of config.seed). Async; the
 * models are disposed. Needs a tfjs backend (initNodeBackend in Node).
 */
export async function oneRecordEffect(config: ExperimentConfig, member: number, noiseRuns = 4): Promise<OneRecordEffect> {
  const base = prepareBase(config);
  if (!(member >= 0 && member < base.split.targetMembers.length)) throw new Error(`member must be in 0..${base.split.targetMembers.length - 1}.`);
  // Members come first among the candidates, so member k is candidate row k.
  const withRecord = await scoreOf(base, member);
  const kept = base.split.targetMembers.filter((_, k) => k !== member);
  const withoutRecord = await scoreOf({ ...base, split: { ...base.split, targetMembers: kept } }, member);
  const noise: number[] = [];
  for (let k = 0; k < noiseRuns; k++) noise.push(await scoreOf({ ...base, rng: new Rng(1000 + k) }, member));
  const mean = noise.reduce((s, v) => s + v, 0) / Math.max(1, noise.length);
  const noiseStd = noise.length > 1 ? Math.sqrt(noise.reduce((s, v) => s + (v - mean) ** 2, 0) / (noise.length - 1)) : 0;
  return { member, withRecord, withoutRecord, noise, effect: withRecord - withoutRecord, noiseStd };
}
