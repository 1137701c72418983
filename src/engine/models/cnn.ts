/**
 * @fileoverview Trains the small glyph CNN (see cnn-math.ts for the architecture) on one
 * TrainingData: SGD or Adam, L1/L2, dropout, augmentation, early stopping, per-epoch evaluation,
 * cancellation between steps, and DP-SGD. Every random choice comes from named forks of `rng`,
 * so spec + data + options + seed fix the trained model.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { CnnSpec, EpochReport, EvalResult, TrainHooks, TrainOptions, TrainingData, TrainingSet } from '../../core/models/types';
import type { Rng } from '../../core/rng';
import { throwIfAborted } from '../../core/abort';
import { CNN_PARAM_KEYS, cnnDims, im2col, initCnnParams } from './cnn-math';
import type { CnnDims, CnnParamKey, CnnParams } from './cnn-math';
import { buildBatch, fillDropoutMask, planEpoch, writeBatch } from '../../core/train/batches';
import { Patience } from '../../core/train/patience';
import { scoreLogits } from '../../core/train/score-logits';
import { YieldPoint } from '../../core/train/yield-point';
import { validateDp } from '../train/dp-sgd';
import { dpStep, plainStep } from './cnn-step';
import type { CnnBatch } from './cnn-step';
import { CnnModel, cnnOutputs } from './cnn-model';
import { TrainingDivergedError } from '../../core/train/diverged';
import { anyNonFinite } from '../train/finite';

export { CnnModel } from './cnn-model';

interface Run {
  readonly dims: CnnDims;
  readonly data: TrainingData;
  readonly options: TrainOptions;
  readonly hooks: TrainHooks;
  readonly params: CnnParams;
  readonly optimizer: tf.Optimizer;
  readonly rngs: Record<'shuffle' | 'dropout' | 'augment' | 'sample' | 'noise', Rng>;
  readonly yieldPoint: YieldPoint;
}

function validate(dims: CnnDims, data: TrainingSet, o: TrainOptions, hooks: TrainHooks): void {
  const d = dims.d;
  if (data.d !== d || data.x.length < data.n * d || data.y.length < data.n || data.n < 1) {
    throw new Error(`Training data must hold n ≥ 1 images of ${dims.h}×${dims.w}×${dims.c} (d = ${d}); got n = ${data.n}, d = ${data.d}.`);
  }
  for (let i = 0; i < data.n; i++) {
    if (!(data.y[i] >= 0 && data.y[i] < dims.classes)) throw new Error(`Label ${data.y[i]} at row ${i} is outside 0..${dims.classes - 1}.`);
  }
  for (const set of hooks.evalSets ?? []) {
    if (set.data.d !== d) throw new Error(`Eval set "${set.name}" has d = ${set.data.d}, not ${d}.`);
  }
  if (o.earlyStopping.enabled && !(data.validation && data.validation.n >= 1 && data.validation.d === d)) {
    throw new Error(`Early stopping needs validation images (d = ${d}) held out from training.`);
  }
  if (!(o.batchSize >= 1) || !(o.epochs >= 0) || !(o.dropout >= 0 && o.dropout < 1) || !(o.learningRate > 0)) {
    throw new Error('Training options need batchSize ≥ 1, epochs ≥ 0, learningRate > 0 and 0 ≤ dropout < 1.');
  }
  if (o.dp) validateDp(o.dp);
}

/**
 * Rows `idx` as one CNN batch: the shared batch builder (copy, augmentation) and dropout masks,
 * then im2col. The same helpers, drawing in the same order, build the MLP's batches.
 */
function makeBatch(run: Run, idx: Int32Array): CnnBatch {
  const { dims, data, options, hooks, rngs } = run;
  const rows = idx.length;
  hooks.onBatch?.({ model: 0, data, rows: idx });
  const built = buildBatch(data, idx, dims.classes, hooks.augment, rngs.augment);
  const features = new Float32Array(rows * data.d);
  const targets = new Float32Array(rows * dims.classes);
  writeBatch(built, features, targets, 0, data.d, dims.classes);
  const labels = Int32Array.from(idx, (i) => data.y[i]);
  let mask: Float32Array | null = null;
  if (options.dropout > 0) {
    mask = new Float32Array(rows * dims.hidden);
    fillDropoutMask(mask, 0, rows, dims.hidden, options.dropout, rngs.dropout);
  }
  return { rows, patches: im2col(features, 0, rows, dims), targets, labels, mask };
}

/**
 * One epoch as planned by the shared `planEpoch` (shuffled minibatches, or Poisson samples under
 * DP-SGD); returns the running mean training loss and accuracy.
 */
async function runEpoch(run: Run): Promise<{ loss: number; accuracy: number }> {
  const { options, params, optimizer, dims, data } = run;
  let totals: tf.Tensor = tf.zeros([2]);
  let seen = 0;
  const add = (step: tf.Tensor) => {
    const next = tf.add(totals, step);
    totals.dispose();
    step.dispose();
    totals = next;
  };
  try {
    const dp = options.dp;
    for (const [idx] of planEpoch([data.n], options, [dp ? run.rngs.sample : run.rngs.shuffle])) {
      await run.yieldPoint.check();
      if (dp) {
        const batch = idx.length ? makeBatch(run, idx) : null;
        add(dpStep(params, optimizer, batch, dims, options, dp, dp.sampleRate * data.n, run.rngs.noise));
      } else {
        add(plainStep(params, optimizer, makeBatch(run, idx), dims, options));
      }
      seen += idx.length;
    }
    const [lossSum, correct] = await totals.data();
    return seen ? { loss: lossSum / seen, accuracy: correct / seen } : { loss: NaN, accuracy: NaN };
  } finally {
    totals.dispose();
  }
}

async function evaluate(run: Run, x: Float32Array, y: Int32Array, n: number, confidence: boolean): Promise<EvalResult> {
  const logits = await cnnOutputs(run.params, run.dims, x, n, false);
  return scoreLogits(logits, y, n, run.dims.classes, confidence);
}

function snapshot(p: CnnParams): Record<CnnParamKey, tf.Tensor> {
  const out = {} as Record<CnnParamKey, tf.Tensor>;
  for (const k of CNN_PARAM_KEYS) out[k] = tf.clone(p[k]);
  return out;
}

function disposeParams(p: Partial<Record<CnnParamKey, tf.Tensor>> | null): void {
  if (p) for (const k of CNN_PARAM_KEYS) p[k]?.dispose();
}

/**
 * Trains a CNN on `data` (n × h·w·c NHWC rows, labels in 0..numClasses−1) and resolves to a
 * model that owns its tensors (call `dispose()`). Does not mutate `data`; `rng` is only forked.
 * Ordinary training shuffles and walks minibatches of `batchSize`; DP-SGD instead takes
 * round(1/q) Poisson-sampled steps per epoch and ignores `batchSize`. Loss is the mean
 * cross-entropy without penalties; training metrics are running means over the epoch's steps
 * (with dropout and augmentation). Early stopping watches the loss on `data.validation`, rows
 * the caller held out: every row of `data` itself is trained on.
 * Rejects with CancelledError if `hooks.signal` aborts, after freeing every tensor it made.
 */
export async function trainCnn(spec: CnnSpec, data: TrainingSet, options: TrainOptions, rng: Rng, hooks: TrainHooks = {}): Promise<CnnModel> {
  const dims = cnnDims(spec);
  validate(dims, data, options, hooks);
  throwIfAborted(hooks.signal);
  const es = options.earlyStopping;
  const valData = es.enabled ? data.validation ?? null : null;
  const params = initCnnParams(dims, rng.fork('cnn/init'));
  const optimizer = options.optimizer === 'adam' ? tf.train.adam(options.learningRate) : tf.train.sgd(options.learningRate);
  const run: Run = {
    dims, data, options, hooks, params, optimizer, yieldPoint: new YieldPoint(hooks.signal),
    rngs: {
      shuffle: rng.fork('cnn/shuffle'), dropout: rng.fork('cnn/dropout'), augment: rng.fork('cnn/augment'),
      sample: rng.fork('cnn/dp-sample'), noise: rng.fork('cnn/dp-noise'),
    },
  };
  let best: Record<CnnParamKey, tf.Tensor> | null = null;
  const patience = new Patience(1, options.epochs, valData ? es.patience : 0);
  let ok = false;
  try {
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      const train = await runEpoch(run);
      // The running loss catches a blow-up mid-epoch (an epoch with no rows has NaN accuracy and
      // loss, which is not divergence); the weights catch one in the last step.
      const lossBlewUp = Number.isFinite(train.accuracy) && !Number.isFinite(train.loss);
      if (lossBlewUp || (await anyNonFinite(CNN_PARAM_KEYS.map((k) => params[k])))) {
        throw new TrainingDivergedError(epoch);
      }
      let report: EpochReport = { model: 0, epoch, trainLoss: train.loss, trainAccuracy: train.accuracy };
      let stop = false;
      if (valData) {
        const v = await evaluate(run, valData.x, valData.y, valData.n, false);
        report = { ...report, validationLoss: v.loss, validationAccuracy: v.accuracy };
        const [improved] = patience.update(epoch, [v.loss]);
        if (improved && es.restoreBest) {
          disposeParams(best);
          // clone shares storage; a later assign() gives the variable new storage, so this is a snapshot.
          best = snapshot(params);
        }
        stop = !patience.anyActive;
      }
      if (hooks.onEpoch) {
        const evals: Record<string, EvalResult> = {};
        for (const set of hooks.evalSets ?? []) {
          evals[set.name] = await evaluate(run, set.data.x, set.data.y, set.data.n, hooks.confidenceSnapshots ?? false);
        }
        hooks.onEpoch({ ...report, eval: evals });
      }
      if (stop) break;
    }
    // A result that would arrive after an abort is dropped, like any late result: the latest request wins.
    throwIfAborted(hooks.signal);
    if (best) for (const k of CNN_PARAM_KEYS) params[k].assign(best[k]);
    ok = true;
    return new CnnModel(spec, params, patience.stoppedEpoch[0], patience.bestEpoch[0]);
  } finally {
    optimizer.dispose();
    disposeParams(best);
    if (!ok) disposeParams(params);
  }
}
