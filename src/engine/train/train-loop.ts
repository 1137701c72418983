/**
 * @fileoverview The epoch loop for one model or a stack of K models trained in lockstep, written
 * once for every architecture (architecture.ts: the MLP and the CNN).
 *
 * Sequential training calls this once per model (K = 1, 2-D ops); batched training calls it once
 * with all K (3-D ops). Each model draws from its own named streams of its own Rng, in the same
 * order either way, so both strategies give the same numbers up to float rounding:
 *   init → initial weights, batches → shuffles / Poisson samples, augment → the augmenter,
 *   dropout → dropout masks, dp-noise → DP-SGD noise.
 * Early stopping watches each set's own `validation` rows, which the caller holds out: the model
 * trains on every row of its set, so every row it is later evaluated on as a member was trained on.
 */
import * as tf from '@tensorflow/tfjs-core';
import { throwIfAborted } from '../../core/abort';
import { YieldPoint } from '../../core/train/yield-point';
import type { EvalResult, TrainHooks, TrainOptions, TrainingData, TrainingSet } from '../../core/models/types';
import type { Rng } from '../../core/rng';
import { buildBatch, planEpoch } from '../../core/train/batches';
import type { Architecture } from './architecture';
import { DpNoise } from './dp-sgd';
import { EarlyStopper } from './early-stopping';
import { TrainingDivergedError } from '../../core/train/diverged';
import { anyNonFinite } from './finite';
import { Optimizer } from './optimizers';
import { StepBuffers, trainStep, type DpContext, type StepSettings } from './step';

/** What a group hands back: one single-layout parameter set per model, owned by the caller. */
export interface GroupResult<P> {
  readonly params: P[];
  readonly stoppedEpoch: number[];
  readonly bestEpoch: number[];
}

type Arch<P> = Architecture<P, unknown, { readonly logits: tf.Tensor }, unknown>;

/** Evaluates the hook's eval sets on model 0 of `params` (K models stacked). */
async function evaluateHookSets<P>(arch: Arch<P>, params: P, k: number, hooks: TrainHooks): Promise<Record<string, EvalResult>> {
  const out: Record<string, EvalResult> = {};
  if (!hooks.evalSets?.length) return out;
  const first = k === 1 ? params : arch.slice(params, 0);
  try {
    for (const set of hooks.evalSets) {
      [out[set.name]] = await arch.evaluate(first, [set.data], !!hooks.confidenceSnapshots);
    }
  } finally {
    if (first !== params) tf.dispose(arch.tensors(first));
  }
  return out;
}

/**
 * Trains `sets.length` models (K) of architecture `arch` in lockstep. K = 1 uses the 2-D layout;
 * K > 1 needs `arch.canStack`.
 * @param modelOffset index of the first model in reports (sequential training passes m)
 * @returns per-model params, owned by the caller. On abort or error every tensor made here is
 *   disposed before the promise rejects (CancelledError on abort).
 */
export async function trainGroup<P, X, C extends { readonly logits: tf.Tensor }, S>(
  arch: Architecture<P, X, C, S>,
  sets: readonly TrainingSet[],
  options: TrainOptions,
  rngs: readonly Rng[],
  hooks: TrainHooks,
  modelOffset: number,
): Promise<GroupResult<P>> {
  const k = sets.length;
  if (k > 1 && !arch.canStack) throw new Error(`This architecture trains one model at a time, got ${k}.`);
  const es = options.earlyStopping;
  const trains: readonly TrainingData[] = sets;
  const vals = es.enabled ? sets.map((s) => s.validation as TrainingData) : null;
  const batchRngs = rngs.map((r) => r.fork('batches'));
  const augmentRngs = rngs.map((r) => r.fork('augment'));
  const dropoutRngs = rngs.map((r) => r.fork('dropout'));
  const settings: StepSettings = { dropout: options.dropout, l2: options.l2, l1: options.l1, dp: options.dp };
  const dp: DpContext | null = options.dp
    ? { noise: new DpNoise(rngs), invExpectedBatch: trains.map((t) => 1 / (options.dp!.sampleRate * t.n)) }
    : null;

  const buffers = new StepBuffers();
  let params = arch.init(rngs);
  const optimizer = new Optimizer(options.optimizer, options.learningRate, arch.tensors(params).map((t) => t.shape));
  const stopper = new EarlyStopper(k, options.epochs, vals ? es.patience : 0, vals !== null && es.restoreBest);
  try {
    const yieldPoint = new YieldPoint(hooks.signal);
    const sizes = trains.map((t) => t.n);
    for (let epoch = 1; epoch <= options.epochs && stopper.anyActive; epoch++) {
      for (const stepRows of planEpoch(sizes, options, batchRngs)) {
        await yieldPoint.check();
        stepRows.forEach((rows, m) => hooks.onBatch?.({ model: modelOffset + m, data: trains[m], rows }));
        const batches = stepRows.map((idx, m) => buildBatch(trains[m], idx, arch.numClasses, hooks.augment, augmentRngs[m]));
        params = trainStep(arch, params, optimizer, batches, settings, dropoutRngs, dp, stopper.activeMask, buffers);
      }
      // A weight that is NaN or infinite makes every later loss, score and attack NaN: stop here.
      if (await anyNonFinite(arch.tensors(params))) throw new TrainingDivergedError(epoch);
      const activeThisEpoch = stopper.active.slice();
      const trainRes = hooks.onEpoch ? await arch.evaluate(params, trains, false) : null;
      if (trainRes?.some((r, m) => stopper.active[m] && !Number.isFinite(r.loss))) throw new TrainingDivergedError(epoch);
      const valRes = vals ? await arch.evaluate(params, vals, false) : null;
      const evalRes = hooks.onEpoch && modelOffset === 0 ? await evaluateHookSets(arch, params, k, hooks) : {};
      throwIfAborted(hooks.signal);
      if (valRes) stopper.update(epoch, valRes.map((r) => r.loss), arch.tensors(params));
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
      activeThisEpoch.forEach((active, m) => active && hooks.onEpochDone?.(modelOffset + m, epoch));
      yieldPoint.reset();
    }
    throwIfAborted(hooks.signal);
    const best = stopper.takeBest();
    const finalParams = arch.unstack(best ? arch.fromTensors(best, k) : params);
    if (best) tf.dispose(best);
    return { params: finalParams, stoppedEpoch: stopper.stoppedEpoch, bestEpoch: stopper.bestEpoch };
  } finally {
    // Runs on success, abort and error alike: only the returned per-model copies survive.
    tf.dispose(arch.tensors(params));
    optimizer.dispose();
    stopper.dispose();
  }
}
