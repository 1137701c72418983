/**
 * @fileoverview Training that blows up (SGD with learning rate 10 on a 3×256 MLP, the case from
 * issue 15) stops at the epoch it diverges with TrainingDivergedError, frees its tensors, and the
 * experiment reports it instead of "Calibration score 0 is NaN." much later.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../cli/tf-node';
import type { CnnSpec, MlpSpec, TrainOptions } from '../../core/models/types';
import { Rng } from '../../core/rng';
import { trainCnn } from '../models/cnn';
import { runExperiment } from '../experiment/run';
import { mergeConfig, defaultConfig } from '../../core/experiment/config';
import { BASE_OPTIONS, prototypeTask } from '../../../tests/support/train-fixtures';
import { TrainingDivergedError } from '../../core/train/diverged';
import { trainModels } from './index';

beforeAll(async () => {
  await initNodeBackend('cpu');
});

const WILD: TrainOptions = { ...BASE_OPTIONS, optimizer: 'sgd', learningRate: 10, epochs: 6, batchSize: 32 };
const DEEP: MlpSpec = { type: 'mlp', inputDim: 20, hidden: [256, 256, 256], activation: 'relu', numClasses: 4 };

async function divergence(run: () => Promise<unknown>): Promise<TrainingDivergedError> {
  const err = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TrainingDivergedError);
  return err as TrainingDivergedError;
}

describe('divergence', () => {
  const { train } = prototypeTask(200, 10, 20, 4, 0.5, 0.1, 3);

  it.each(['sequential', 'batched'] as const)('an MLP (%s) stops at the epoch it diverges and frees its tensors', async (strategy) => {
    const before = tf.memory().numTensors;
    const sets = [train, prototypeTask(200, 10, 20, 4, 0.5, 0.1, 4).train];
    const err = await divergence(() => trainModels(DEEP, sets, WILD, [new Rng(1), new Rng(2)], { strategy }));
    expect(err.epoch).toBeGreaterThanOrEqual(1);
    expect(err.epoch).toBeLessThanOrEqual(WILD.epochs);
    expect(err.message).toBe(`Training diverged at epoch ${err.epoch} (the loss is no longer a finite number); lower train.learningRate.`);
    expect(err.name).toBe('TrainingDivergedError');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('the same model with a sane learning rate trains', async () => {
    const [m] = await trainModels(DEEP, [train], { ...WILD, learningRate: 0.01, epochs: 2 }, [new Rng(1)]);
    const probs = await m.predictProba(train.x, train.n);
    expect(probs.every(Number.isFinite)).toBe(true);
    m.dispose();
  });

  it('a CNN stops too', async () => {
    // The CNN's loss at learning rate 10 grows to ~1e9 but stays finite; a far larger rate shows
    // that its check (running loss and weights per epoch) fires all the same.
    const spec: CnnSpec = { type: 'cnn', imageShape: [8, 8, 1], filters: 4, hidden: 64, numClasses: 2 };
    const rng = new Rng(5);
    const n = 96;
    const x = rng.fillNormal(new Float32Array(n * 64), 1);
    const y = Int32Array.from({ length: n }, (_, i) => i % 2);
    const before = tf.memory().numTensors;
    const err = await divergence(() => trainCnn(spec, { x, y, n, d: 64 }, { ...WILD, learningRate: 1e30 }, new Rng(6)));
    expect(err.epoch).toBeGreaterThanOrEqual(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('an experiment with SGD at learning rate 10 on a 3×256 MLP says so (it used to end in "Calibration score 0 is NaN.")', async () => {
    const config = mergeConfig(defaultConfig(), {
      data: { name: 'purchases', n: 600 },
      split: { targetMembers: 100, shadowPool: 200 },
      model: { layers: 3, width: 256 },
      train: { optimizer: 'sgd', learningRate: 10, epochs: 5 },
      attack: { shadows: 1, names: ['gap', 'loss-threshold'] },
    });
    const err = await divergence(() => runExperiment(config));
    expect(err.message).toMatch(/^Training diverged at epoch [1-5] \(the loss is no longer a finite number\); lower train\.learningRate\.$/);
  });
});
