/**
 * @fileoverview The engine half of model stacking (the defense is src/core/defenses/stacking.ts):
 * train each set's second-level model on its first-level models' probabilities over the held-out
 * part, and wrap the two levels as one Predictor. The second level is a logistic regression (an MLP
 * with no hidden layer) trained with the target's options, so L1/L2 and DP-SGD apply at both
 * levels; it trains without augmentation, since its inputs are probability vectors, not records.
 */
import type { MlpSpec, TrainedModel, TrainHooks, TrainingData, TrainingSet, TrainOptions } from '../../core/models/types';
import { stackFeatures } from '../../core/defenses/stacking';
import type { Rng } from '../../core/rng';
import { trainModels } from '../train/index';
import type { Predictor } from '../../core/experiment/predictor';

/**
 * The second level's learning rate, as a multiple of the target's. It is a logistic regression on
 * log-probabilities, which needs weights of order one to act on them; at the target's rate it is
 * still near uniform after the target's epochs. DP-SGD's ε counts steps, not step sizes, so this
 * leaves the accounting as it is.
 */
const SECOND_LEVEL_LR = 10;

/** One set's first-level models, the records the second level trains on, and the set's validation rows. */
export interface StackingGroup {
  readonly first: readonly TrainedModel[];
  readonly heldOut: TrainingData;
  readonly validation?: TrainingData;
  readonly rng: Rng;
}

async function features(first: readonly TrainedModel[], data: TrainingData, classes: number): Promise<TrainingData> {
  const probs = await Promise.all(first.map((m) => m.predictProba(data.x, data.n)));
  return { x: stackFeatures(probs, data.n, classes), y: data.y, n: data.n, d: first.length * classes };
}

/**
 * Trains one second-level model per group, on its first-level outputs over `heldOut` (with the same
 * over `validation` for early stopping). `onBatch` reports the held-out records each step used,
 * as model `modelOffset + group`. Returns the second-level models in group order; the caller owns them.
 */
export async function trainSecondLevel(
  groups: readonly StackingGroup[],
  classes: number,
  options: TrainOptions,
  hooks: Pick<TrainHooks, 'signal' | 'strategy' | 'onBatch'>,
  modelOffset: number,
): Promise<TrainedModel[]> {
  const spec: MlpSpec = { type: 'mlp', inputDim: groups[0].first.length * classes, hidden: [], activation: 'relu', numClasses: classes };
  const sets: TrainingSet[] = [];
  for (const g of groups) {
    const set = await features(g.first, g.heldOut, classes);
    sets.push(g.validation ? { ...set, validation: await features(g.first, g.validation, classes) } : set);
  }
  return trainModels(spec, sets, { ...options, dropout: 0, learningRate: options.learningRate * SECOND_LEVEL_LR }, groups.map((g) => g.rng), {
    signal: hooks.signal,
    strategy: hooks.strategy,
    // Report the records behind the features: row i of the features is row i of heldOut.
    onBatch: hooks.onBatch && ((b) => hooks.onBatch!({ model: modelOffset + b.model, data: groups[b.model].heldOut, rows: b.rows })),
  });
}

/** The two levels as one Predictor: probabilities and logits from the second level. Takes ownership of the models. */
export function makeStackedPredictor(first: readonly TrainedModel[], second: TrainedModel, classes: number): Predictor {
  const all = [...first, second];
  const toFeatures = async (x: Float32Array, n: number) => stackFeatures(await Promise.all(first.map((m) => m.predictProba(x, n))), n, classes);
  return {
    models: all,
    numClasses: classes,
    stoppedEpoch: Math.max(...all.map((m) => m.stoppedEpoch)),
    bestEpoch: Math.max(...all.map((m) => m.bestEpoch)),
    probs: async (x, n) => second.predictProba(await toFeatures(x, n), n),
    logits: async (x, n) => second.predictLogits(await toFeatures(x, n), n),
    // The white-box signal: each first-level model's norm on the record, and the second level's on its features, averaged.
    async gradNorms(x, y, n) {
      const norms = await Promise.all([...first.map((m) => m.perExampleGradNorms(x, y, n)), second.perExampleGradNorms(await toFeatures(x, n), y, n)]);
      const out = new Float32Array(n);
      for (const a of norms) for (let i = 0; i < n; i++) out[i] += a[i] / norms.length;
      return out;
    },
    dispose: () => all.forEach((m) => m.dispose()),
  };
}
