/**
 * @fileoverview A Predictor is what the attacker can query: one trained model, or an ensemble
 * of models trained on disjoint parts of the data whose probabilities are averaged.
 */
import type { ModelSpec, TrainedModel, TrainHooks, TrainingData, TrainingSet, TrainOptions } from '../../core/models/types';
import { trainModels } from '../train/index';
import { trainCnn } from '../models/cnn';
import type { Rng } from '../../core/rng';
import { pickRows } from '../../core/data/splits';
import { disjointParts, type EnsemblePlan } from '../../core/defenses/stacking';
import { makeStackedPredictor, trainSecondLevel, type StackingGroup } from './stacking';
import type { Predictor } from '../../core/experiment/predictor';

export type { Predictor };

async function mean(parts: Promise<Float32Array>[]): Promise<Float32Array> {
  const arrays = await Promise.all(parts);
  if (arrays.length === 1) return arrays[0];
  const out = new Float32Array(arrays[0].length);
  for (const a of arrays) for (let i = 0; i < a.length; i++) out[i] += a[i] / arrays.length;
  return out;
}

/** Wraps trained models (ensemble members) as one Predictor. Takes ownership of `models`. */
export function makePredictor(models: readonly TrainedModel[], numClasses: number): Predictor {
  const probs = (x: Float32Array, n: number) => mean(models.map((m) => m.predictProba(x, n)));
  return {
    models,
    numClasses,
    stoppedEpoch: Math.max(...models.map((m) => m.stoppedEpoch)),
    bestEpoch: Math.max(...models.map((m) => m.bestEpoch)),
    probs,
    async logits(x, n) {
      if (models.length === 1) return models[0].predictLogits(x, n);
      const p = await probs(x, n);
      return p.map((v) => Math.log(Math.max(v, 1e-30)));
    },
    gradNorms: (x, y, n) => mean(models.map((m) => m.perExampleGradNorms(x, y, n))),
    dispose: () => models.forEach((m) => m.dispose()),
  };
}

/** Splits a training set into `parts` disjoint, nearly equal parts (rows in a seeded random order). */
export function splitDisjoint(data: TrainingData, parts: number, rng: Rng): TrainingData[] {
  if (parts === 1) return [data];
  const order = rng.permutation(data.n);
  return Array.from({ length: parts }, (_, p) => {
    return pickRows(data, order.filter((_, k) => k % parts === p));
  });
}

/**
 * Trains one Predictor per training set with the same recipe. Each set gets its own generator
 * forked from `rng` by its model number (its index, or `numbers[index]` when a caller trains a
 * slice of a larger group), so adding a shadow model never changes the others.
 * With `plan.models` > 1 each set is split into that many disjoint parts, one model each; every
 * part early-stops on its set's `validation` rows. With `plan.stacked` the set is split into one
 * part more, on which a second-level model learns to combine the others (stacking.ts).
 */
export async function trainPredictors(
  spec: ModelSpec,
  sets: readonly TrainingSet[],
  options: TrainOptions,
  plan: EnsemblePlan,
  rng: Rng,
  hooks: TrainHooks = {},
  numbers?: readonly number[],
): Promise<Predictor[]> {
  const ensemble = plan.models;
  const parts: TrainingSet[] = [];
  const rngs: Rng[] = [];
  const heldOut: TrainingData[] = [];
  const secondRngs: Rng[] = [];
  sets.forEach((set, s) => {
    const setRng = rng.fork(`model-${numbers?.[s] ?? s}`);
    const split = splitDisjoint(set, disjointParts(plan), setRng.fork('ensemble-split'));
    if (plan.stacked) {
      heldOut.push(split.pop()!);
      secondRngs.push(setRng.fork('second-level'));
    }
    split.forEach((part, e) => {
      parts.push(set.validation ? { ...part, validation: set.validation } : part);
      rngs.push(setRng.fork(`member-${e}`));
    });
  });
  let models: TrainedModel[];
  if (spec.type === 'mlp') {
    models = await trainModels(spec, parts, options, rngs, hooks);
  } else {
    models = [];
    try {
      for (let m = 0; m < parts.length; m++) {
        const modelHooks: TrainHooks = {
          ...hooks,
          evalSets: m === 0 ? hooks.evalSets : undefined,
          onEpoch: hooks.onEpoch && ((r) => hooks.onEpoch!({ ...r, model: m })),
          onEpochDone: hooks.onEpochDone && ((_, epoch) => hooks.onEpochDone!(m, epoch)),
          onBatch: hooks.onBatch && ((b) => hooks.onBatch!({ ...b, model: m })),
        };
        models.push(await trainCnn(spec, parts[m], options, rngs[m], modelHooks));
      }
    } catch (err) {
      models.forEach((m) => m.dispose());
      throw err;
    }
  }
  const firstLevel = sets.map((_, s) => models.slice(s * ensemble, (s + 1) * ensemble));
  if (!plan.stacked) return firstLevel.map((group) => makePredictor(group, spec.numClasses));
  let second: TrainedModel[];
  try {
    const groups: StackingGroup[] = sets.map((set, s) => ({ first: firstLevel[s], heldOut: heldOut[s], validation: set.validation, rng: secondRngs[s] }));
    second = await trainSecondLevel(groups, spec.numClasses, options, hooks, parts.length);
  } catch (err) {
    models.forEach((m) => m.dispose());
    throw err;
  }
  return sets.map((_, s) => makeStackedPredictor(firstLevel[s], second[s], spec.numClasses));
}
