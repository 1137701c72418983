/**
 * @fileoverview The MLP training engine's public API: train one or K models of one architecture.
 *
 * Hand-written forward/backward (no autodiff, no tf.layers), SGD/Adam, L1/L2, dropout, early
 * stopping, DP-SGD and batched training of K models. Backend-agnostic: reads are always
 * asynchronous, and every random choice comes from the caller's Rng.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { MlpSpec, TrainHooks, TrainOptions, TrainingSet } from '../../core/models/types';
import type { Rng } from '../../core/rng';
import { validateDp } from './dp-sgd';
import { mlpArchitecture } from './mlp-architecture';
import { validateSpec, type MlpParams } from './mlp-params';
import { resolveStrategy } from './strategy';
import { trainGroup, type GroupResult } from './train-loop';
import { MlpModel } from './trained-model';

export { MlpModel, type MlpWeights, type TrainingStrategy } from './trained-model';
export { canStack, defaultStrategy, resolveStrategy, type StrategyRequest } from './strategy';
export { countParams, layerDims } from './mlp-params';
export { perExampleClippedGradSum } from './per-example';
export { dpStepsPerEpoch } from './dp-sgd';

/** Throws a one-line error naming the first problem with the inputs. */
function validate(spec: MlpSpec, sets: readonly TrainingSet[], options: TrainOptions, rngs: readonly Rng[]): void {
  validateSpec(spec);
  if (sets.length === 0) throw new Error('trainModels needs at least one training set.');
  if (rngs.length !== sets.length) throw new Error(`Got ${sets.length} training sets but ${rngs.length} generators.`);
  const { epochs, batchSize, learningRate, dropout, l1, l2 } = options;
  if (options.optimizer !== 'adam' && options.optimizer !== 'sgd') throw new Error(`optimizer must be "adam" or "sgd", got "${options.optimizer}".`);
  if (!Number.isInteger(epochs) || epochs < 0) throw new Error(`epochs must be a whole number ≥ 0, got ${epochs}.`);
  if (!options.dp && (!Number.isInteger(batchSize) || batchSize < 1)) throw new Error(`batchSize must be ≥ 1, got ${batchSize}.`);
  if (!(learningRate > 0)) throw new Error(`learningRate must be positive, got ${learningRate}.`);
  if (!(dropout >= 0 && dropout < 1)) throw new Error(`dropout must be in [0, 1), got ${dropout}.`);
  if (!(l1 >= 0) || !(l2 >= 0)) throw new Error(`l1 and l2 must be ≥ 0, got ${l1} and ${l2}.`);
  if (options.earlyStopping.enabled) {
    const { patience } = options.earlyStopping;
    if (!Number.isInteger(patience) || patience < 1) throw new Error(`patience must be a whole number ≥ 1, got ${patience}.`);
    sets.forEach((s, m) => {
      // The rows early stopping watches must come from outside the training set (a hold-out the
      // caller keeps apart), never from rows that will be evaluated as members.
      if (!s.validation || s.validation.n < 1) throw new Error(`Early stopping needs validation rows held out from training; set ${m} has none.`);
      if (s.validation.d !== spec.inputDim) throw new Error(`Set ${m}'s validation rows have ${s.validation.d} features; the model expects ${spec.inputDim}.`);
    });
  }
  if (options.dp) validateDp(options.dp);
  sets.forEach((s, m) => {
    if (s.d !== spec.inputDim) throw new Error(`Set ${m} has ${s.d} features; the model expects ${spec.inputDim}.`);
    if (s.x.length < s.n * s.d || s.y.length < s.n) throw new Error(`Set ${m} is shorter than n = ${s.n} rows.`);
    if (s.n === 0) throw new Error(`Set ${m} is empty.`);
    for (let i = 0; i < s.n; i++) {
      if (!(s.y[i] >= 0 && s.y[i] < spec.numClasses)) throw new Error(`Set ${m} row ${i} has label ${s.y[i]}, outside 0..${spec.numClasses - 1}.`);
    }
  });
}

/**
 * Trains one MLP per training set, all with architecture `spec` and the same options.
 * Model m uses `sets[m]` and draws all its randomness from `rngs[m]` (only forks; the rngs are
 * not advanced), so the result does not depend on the strategy or on the other models.
 * @param sets training data per model (not mutated). Every row is trained on; with early stopping
 *   each set must carry its own `validation` rows, held out by the caller.
 * @param hooks progress, eval sets (model 0), abort signal, augmenter, strategy ('auto' default:
 *   batched on webgpu/webgl, sequential on wasm/cpu; see `resolveStrategy`). With `onEpoch`, each
 *   model is evaluated after every epoch on its clean training rows without dropout (one forward
 *   pass over them, about a sixth of an epoch's cost); without it, only early stopping evaluates.
 *   Under DP-SGD `batchSize` is unused: batches are Poisson samples at `dp.sampleRate`.
 * @returns one model per set, each owning its tensors until `dispose()`. Rejects with
 *   CancelledError on abort, after freeing every tensor it made.
 */
export async function trainModels(
  spec: MlpSpec,
  sets: readonly TrainingSet[],
  options: TrainOptions,
  rngs: readonly Rng[],
  hooks: TrainHooks = {},
): Promise<MlpModel[]> {
  validate(spec, sets, options, rngs);
  const { strategy } = resolveStrategy(hooks.strategy, tf.getBackend(), sets, options);
  const arch = mlpArchitecture(spec);
  const toModels = (r: GroupResult<MlpParams>): MlpModel[] =>
    r.params.map((p, m) => new MlpModel(spec, p, r.stoppedEpoch[m], r.bestEpoch[m], strategy));
  if (strategy === 'batched') return toModels(await trainGroup(arch, sets, options, rngs, hooks, 0));
  const models: MlpModel[] = [];
  try {
    for (let m = 0; m < sets.length; m++) {
      models.push(...toModels(await trainGroup(arch, [sets[m]], options, [rngs[m]], hooks, m)));
    }
  } catch (error) {
    models.forEach((model) => model.dispose());
    throw error;
  }
  return models;
}

/** Trains a single MLP on `data` with `rng`; see `trainModels`. */
export async function trainModel(
  spec: MlpSpec,
  data: TrainingSet,
  options: TrainOptions,
  rng: Rng,
  hooks: TrainHooks = {},
): Promise<MlpModel> {
  const [model] = await trainModels(spec, [data], options, [rng], hooks);
  return model;
}
