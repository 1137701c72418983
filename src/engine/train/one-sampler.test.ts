/**
 * Both architectures (MLP and CNN) train in the one shared loop, which takes its batches from the
 * shared planner (core/train/batches.ts), and their validation rows from the one shared split plan:
 * the rows each step trains on are exactly what `planEpoch` draws from the loop's batch stream,
 * for minibatches and for DP-SGD's Poisson samples alike (same step count round(1/q)).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../cli/tf-node';
import { Rng } from '../../core/rng';
import { planEpoch } from '../../core/train/batches';
import { defaultConfig } from '../../core/experiment/config';
import { planSplit } from '../../core/experiment/split-sizes';
import type { CnnSpec, MlpSpec, TrainHooks, TrainingData, TrainOptions } from '../../core/models/types';
import { trainModel } from './index';
import { trainCnn } from '../models/cnn';

const N = 40;
const D = 16; // a 4×4×1 image for the CNN, 16 features for the MLP
const mlp: MlpSpec = { type: 'mlp', inputDim: D, hidden: [8], numClasses: 2, activation: 'relu' };
const cnn: CnnSpec = { type: 'cnn', imageShape: [4, 4, 1], filters: 2, hidden: 8, numClasses: 2 };

function data(seed: number): TrainingData {
  const rng = new Rng(seed);
  return { x: rng.fillNormal(new Float32Array(N * D)), y: Int32Array.from({ length: N }, () => rng.int(2)), n: N, d: D };
}

const plain: TrainOptions = {
  epochs: 2, batchSize: 12, learningRate: 0.01, optimizer: 'adam', l2: 0, l1: 0, dropout: 0.2,
  earlyStopping: { enabled: false, patience: 2, restoreBest: true }, dp: null,
};
const dp: TrainOptions = { ...plain, dp: { sampleRate: 0.3, clipNorm: 1, noiseMultiplier: 1 } };

/** Every step's rows, as the trainer reported them. */
function recorder(): { hooks: TrainHooks; steps: number[][] } {
  const steps: number[][] = [];
  return { steps, hooks: { onBatch: (b) => steps.push(Array.from(b.rows)) } };
}

/** What the shared planner draws from `stream` over the run's epochs. */
function planned(stream: Rng, options: TrainOptions): number[][] {
  const out: number[][] = [];
  for (let e = 0; e < options.epochs; e++) out.push(...planEpoch([N], options, [stream]).map(([rows]) => Array.from(rows)));
  return out;
}

describe('one sampler for both trainers', () => {
  beforeAll(async () => {
    await initNodeBackend('cpu');
  });

  for (const [name, options] of [['minibatches', plain], ['DP-SGD Poisson samples', dp]] as const) {
    it(`MLP and CNN train on the planner's ${name}`, async () => {
      const set = data(1);
      const m = recorder();
      (await trainModel(mlp, set, options, new Rng(7), m.hooks)).dispose();
      const c = recorder();
      (await trainCnn(cnn, set, options, new Rng(7), c.hooks)).dispose();
      expect(m.steps).toEqual(planned(new Rng(7).fork('batches'), options));
      // One loop for both: with the same seed the CNN trains on exactly the MLP's rows, step by step.
      expect(c.steps).toEqual(m.steps);
      // 12+12+12+4 rows an epoch, or round(1/0.3) = 3 Poisson steps.
      expect(m.steps.length).toBe(options.dp ? 2 * 3 : 2 * 4);
    });
  }

  it('gives an MLP and a CNN experiment the same validation split', () => {
    const base = defaultConfig();
    const withStopping = { ...base, train: { ...base.train, earlyStopping: true, validationSplit: 0.15 } };
    const asCnn = { ...withStopping, model: { ...withStopping.model, type: 'cnn' as const } };
    const a = planSplit(withStopping, 3000, 'the data');
    const b = planSplit(asCnn, 3000, 'the data');
    expect(typeof a).toBe('object');
    expect(b).toEqual(a);
  });
});
