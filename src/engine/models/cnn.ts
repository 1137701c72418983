/**
 * @fileoverview Trains the small glyph CNN (see cnn-math.ts for the architecture) on one
 * TrainingData with the shared trainer (train/train-loop.ts, the MLP's): SGD or Adam, L1/L2,
 * dropout, augmentation, early stopping, per-epoch evaluation, cancellation between steps, and
 * DP-SGD. Every random choice comes from named forks of `rng`, so spec + data + options + seed fix
 * the trained model.
 */
import type { CnnSpec, TrainHooks, TrainOptions, TrainingSet } from '../../core/models/types';
import type { Rng } from '../../core/rng';
import { throwIfAborted } from '../../core/abort';
import { cnnDims, type CnnDims } from './cnn-math';
import { validateDp } from '../train/dp-sgd';
import { trainGroup } from '../train/train-loop';
import { cnnArchitecture } from './cnn-architecture';
import { CnnModel } from './cnn-model';

export { CnnModel } from './cnn-model';

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
 * Trains a CNN on `data` (n × h·w·c NHWC rows, labels in 0..numClasses−1) and resolves to a
 * model that owns its tensors (call `dispose()`). Does not mutate `data`; `rng` is only forked.
 * Ordinary training shuffles and walks minibatches of `batchSize`; DP-SGD instead takes
 * round(1/q) Poisson-sampled steps per epoch and ignores `batchSize`. With `hooks.onEpoch`, the
 * model is evaluated after every epoch on its clean training rows (no dropout, no augmentation),
 * as the MLP is. Early stopping watches the loss on `data.validation`, rows the caller held out:
 * every row of `data` itself is trained on.
 * Rejects with CancelledError if `hooks.signal` aborts, after freeing every tensor it made.
 */
export async function trainCnn(spec: CnnSpec, data: TrainingSet, options: TrainOptions, rng: Rng, hooks: TrainHooks = {}): Promise<CnnModel> {
  const arch = cnnArchitecture(spec);
  validate(cnnDims(spec), data, options, hooks);
  throwIfAborted(hooks.signal);
  const result = await trainGroup(arch, [data], options, [rng], hooks, 0);
  return new CnnModel(spec, result.params[0], result.stoppedEpoch[0], result.bestEpoch[0]);
}
