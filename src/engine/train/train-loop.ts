/**
 * @fileoverview The epoch loop for one model or a stack of K models trained in lockstep.
 *
 * Sequential training calls this once per model (K = 1, 2-D ops); batched training calls it once
 * with all K (3-D ops). Each model draws from its own named streams of its own Rng, in the same
 * order either way, so both strategies give the same numbers up to float rounding:
 *   init → initial weights, batches → shuffles / Poisson samples, augment → the augmenter,
 *   dropout → dropout masks, dp-noise → DP-SGD noise.
 * Early stopping watches each set's own `validation` rows, which the caller holds out: the model
 * trains on every row of its set, so every row it is later evaluated on as a member was trained on.
 */
import { throwIfAborted } from '../../core/abort';
import { YieldPoint } from '../../core/train/yield-point';
import type { EvalResult, MlpSpec, TrainHooks, TrainOptions, TrainingData, TrainingSet } from '../../core/models/types';
import type { Rng } from '../../core/rng';
import { buildBatch, planEpoch } from '../../core/train/batches';
import { DpNoise } from './dp-sgd';
import { EarlyStopper } from './early-stopping';
import { TrainingDivergedError } from '../../core/train/diverged';
import { anyNonFinite } from './finite';
import { evaluateSets } from './evaluate';
import { disposeParams, initParams, sliceModel, unstackParams, type MlpParams } from './mlp-params';
import { Optimizer } from './optimizers';
import { StepBuffers, trainStep, type DpContext, type StepSettings } from './step';

/** What a group hands back: one single-layout parameter set per model, owned by the caller. */
export interface GroupResult {
  readonly params: MlpParams[];
  readonly stoppedEpoch: number[];
  readonly bestEpoch: number[];
}

/** Evaluates the hook's eval sets on model 0 of `params`. */
async function evaluateHookSets(
  params: MlpParams,
  spec: MlpSpec,
  hooks: TrainHooks,
): Promise<Record<string, EvalResult>> {
  const out: Record<string, EvalResult> = {};
  if (!hooks.evalSets?.length) return out;
  const first = params.k === 1 ? params : sliceModel(params, 0);
  try {
    for (const set of hooks.evalSets) {
      [out[set.name]] = await evaluateSets(first, spec.activation, [set.data], spec.numClasses, !!hooks.confidenceSnapshots);
    }
  } finally {
    if (first !== params) disposeParams(first);
  }
  return out;
}

/**
 * Trains `sets.length` models (K) in lockstep. K = 1 uses the 2-D layout.
 * @param modelOffset index of the first model in reports (sequential training passes m)
 * @returns per-model params, owned by the caller. On abort or error every tensor made here is
 *   disposed before the promise rejects (CancelledError on abort).
 */
export async function trainGroup(
  spec: MlpSpec,
  sets: readonly TrainingSet[],
  options: TrainOptions,
  rngs: readonly Rng[],
  hooks: TrainHooks,
  modelOffset: number,
): Promise<GroupResult> {
  const k = sets.length;
  const es = options.earlyStopping;
  const trains: readonly TrainingData[] = sets;
  const vals = es.enabled ? sets.map((s) => s.validation as TrainingData) : null;
  const batchRngs = rngs.map((r) => r.fork('batches'));
  const augmentRngs = rngs.map((r) => r.fork('augment'));
  const dropoutRngs = rngs.map((r) => r.fork('dropout'));
  const settings: StepSettings = {
    activation: spec.activation,
    d: spec.inputDim,
    numClasses: spec.numClasses,
    hidden: spec.hidden,
    dropout: options.dropout,
    l2: options.l2,
    l1: options.l1,
    dp: options.dp,
  };
  const dp: DpContext | null = options.dp
    ? { noise: new DpNoise(rngs), invExpectedBatch: trains.map((t) => 1 / (options.dp!.sampleRate * t.n)) }
    : null;

  const buffers = new StepBuffers();
  let params = initParams(spec, rngs);
  const optimizer = new Optimizer(
    options.optimizer,
    options.learningRate,
    [...params.weights, ...params.biases].map((t) => t.shape),
  );
  const stopper = new EarlyStopper(k, options.epochs, vals ? es.patience : 0, vals !== null && es.restoreBest);
  try {
    const yieldPoint = new YieldPoint(hooks.signal);
    const sizes = trains.map((t) => t.n);
    for (let epoch = 1; epoch <= options.epochs && stopper.anyActive; epoch++) {
      for (const stepRows of planEpoch(sizes, options, batchRngs)) {
        await yieldPoint.check();
        stepRows.forEach((rows, m) => hooks.onBatch?.({ model: modelOffset + m, data: trains[m], rows }));
        const batches = stepRows.map((idx, m) => buildBatch(trains[m], idx, spec.numClasses, hooks.augment, augmentRngs[m]));
        params = trainStep(params, optimizer, batches, settings, dropoutRngs, dp, stopper.activeMask, buffers);
      }
      // A weight that is NaN or infinite makes every later loss, score and attack NaN: stop here.
      if (await anyNonFinite([...params.weights, ...params.biases])) throw new TrainingDivergedError(epoch);
      const activeThisEpoch = stopper.active.slice();
      const trainRes = hooks.onEpoch ? await evaluateSets(params, spec.activation, trains, spec.numClasses, false) : null;
      if (trainRes?.some((r, m) => stopper.active[m] && !Number.isFinite(r.loss))) throw new TrainingDivergedError(epoch);
      const valRes = vals ? await evaluateSets(params, spec.activation, vals, spec.numClasses, false) : null;
      const evalRes = hooks.onEpoch && modelOffset === 0 ? await evaluateHookSets(params, spec, hooks) : {};
      throwIfAborted(hooks.signal);
      if (valRes) stopper.update(epoch, valRes.map((r) => r.loss), params);
      if (hooks.onEpoch && trainRes) {
        for (let m = 0; m < k; m++) {
          if (!activeThisEpoch[m]) continue;
          hooks.onEpoch({
            model: modelOffset + m,
            epoch,
            trainLoss: trainRes[m].loss,
            trainAccuracy: trainRes[m].accuracy,
            ...(valRes ? { validationLoss: valRes[m].loss, validationAccuracy: valRes[m].accuracy } : {}),
            eval: m === 0 ? evalRes : {},
          });
        }
      }
      yieldPoint.reset();
    }
    throwIfAborted(hooks.signal);
    const best = stopper.takeBest();
    const finalParams = unstackParams(best ?? params);
    if (best) disposeParams(best);
    return { params: finalParams, stoppedEpoch: stopper.stoppedEpoch, bestEpoch: stopper.bestEpoch };
  } finally {
    // Runs on success, abort and error alike: only the returned per-model copies survive.
    disposeParams(params);
    optimizer.dispose();
    stopper.dispose();
  }
}
