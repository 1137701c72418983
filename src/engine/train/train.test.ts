import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../cli/tf-node';
import { CancelledError } from '../../core/abort';
import type { Augmenter, EpochReport, EvalResult, MlpSpec, TrainOptions, TrainingData, TrainingSet } from '../../core/models/types';
import { Rng } from '../../core/rng';
import { BASE_OPTIONS, prototypeTask, randomLabelSet } from '../../../tests/support/train-fixtures';
import { evaluateSets } from './evaluate';
import { resolveStrategy, trainModel, trainModels, type MlpModel } from './index';
import { disposeParams, initParams, sliceModel } from './mlp-params';

beforeAll(async () => {
  await initNodeBackend('cpu');
});

const SPEC: MlpSpec = { type: 'mlp', inputDim: 10, hidden: [16], activation: 'relu', numClasses: 4 };

async function weightsOf(model: MlpModel): Promise<number[]> {
  const w = await model.readWeights();
  return [...w.weights, ...w.biases].flatMap((a) => Array.from(a));
}

function maxDiff(a: number[], b: number[]): number {
  expect(a.length).toBe(b.length);
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
}

/** Mixup with the next row in the batch: soft targets, drawing from the model's own rng. */
const mixup: Augmenter = (x, y, rows, d, numClasses, rng) => {
  const out = new Float32Array(rows * d);
  const targets = new Float32Array(rows * numClasses);
  for (let r = 0; r < rows; r++) {
    const o = (r + 1) % rows;
    const lam = rng.uniform(0.6, 1);
    for (let j = 0; j < d; j++) out[r * d + j] = lam * x[r * d + j] + (1 - lam) * x[o * d + j];
    targets[r * numClasses + y[r]] += lam;
    targets[r * numClasses + y[o]] += 1 - lam;
  }
  return { x: out, targets };
};

/** Trains the same K models both ways and returns the largest weight difference. */
async function batchedVsSequential(
  sets: TrainingSet[],
  options: TrainOptions,
  spec = SPEC,
  augment?: Augmenter,
): Promise<{ worst: number; stoppedEpochs: number[] }> {
  const rngs = () => sets.map((_, m) => new Rng(500 + m));
  const batched = await trainModels(spec, sets, options, rngs(), { strategy: 'batched', augment });
  const sequential = await trainModels(spec, sets, options, rngs(), { strategy: 'sequential', augment });
  expect(batched.every((m) => m.strategy === 'batched')).toBe(true);
  expect(sequential.every((m) => m.strategy === 'sequential')).toBe(true);
  let worst = 0;
  for (let m = 0; m < sets.length; m++) {
    worst = Math.max(worst, maxDiff(await weightsOf(batched[m]), await weightsOf(sequential[m])));
    expect(batched[m].stoppedEpoch).toBe(sequential[m].stoppedEpoch);
    expect(batched[m].bestEpoch).toBe(sequential[m].bestEpoch);
  }
  const stoppedEpochs = batched.map((m) => m.stoppedEpoch);
  [...batched, ...sequential].forEach((m) => m.dispose());
  return { worst, stoppedEpochs };
}

describe('trainModels', () => {
  it('is deterministic: the same seed gives the same weights, another seed different ones', async () => {
    const data = randomLabelSet(60, 10, 4, 1);
    const opts = { ...BASE_OPTIONS, dropout: 0.2, l2: 1e-3 };
    const [a, b, c] = await Promise.all([1, 1, 2].map((s) => trainModel(SPEC, data, opts, new Rng(s))));
    const [wa, wb, wc] = await Promise.all([a, b, c].map(weightsOf));
    expect(wa).toEqual(wb);
    expect(maxDiff(wa, wc)).toBeGreaterThan(1e-3);
    [a, b, c].forEach((m) => m.dispose());
  });

  it('gives the same models batched as sequential (Adam, dropout, L2, L1, soft targets)', async () => {
    const sets = [2, 3, 4].map((s) => randomLabelSet(50, 10, 4, s));
    const opts = { ...BASE_OPTIONS, dropout: 0.3, l2: 1e-3, l1: 1e-4 };
    expect((await batchedVsSequential(sets, opts, SPEC, mixup)).worst).toBeLessThan(1e-4);
    const sgd = { ...opts, optimizer: 'sgd' as const, learningRate: 0.1 };
    expect((await batchedVsSequential(sets, sgd, { ...SPEC, hidden: [8, 6], activation: 'tanh' })).worst).toBeLessThan(1e-4);
  });

  it('gives the same models batched as sequential under DP-SGD, with unequal set sizes', async () => {
    const sets = [40, 55, 61].map((n, m) => randomLabelSet(n, 10, 4, 10 + m));
    const opts = { ...BASE_OPTIONS, dropout: 0.2, dp: { noiseMultiplier: 0.8, clipNorm: 1, sampleRate: 0.25 } };
    expect((await batchedVsSequential(sets, opts)).worst).toBeLessThan(1e-4);
    // Per-epoch reports (train and validation metrics) also agree across unequal stacked sets.
    const withEs = { ...opts, earlyStopping: { enabled: true, patience: 5, restoreBest: false } };
    const withVal = sets.map((s, m) => ({ ...s, validation: randomLabelSet(8 + m, 10, 4, 90 + m) }));
    const collect = async (strategy: 'batched' | 'sequential') => {
      const reports: EpochReport[] = [];
      const models = await trainModels(SPEC, withVal, withEs, sets.map((_, m) => new Rng(700 + m)), { strategy, onEpoch: (r) => reports.push(r) });
      models.forEach((m) => m.dispose());
      return reports.sort((a, b) => a.model - b.model || a.epoch - b.epoch);
    };
    const [batched, sequential] = [await collect('batched'), await collect('sequential')];
    expect(batched).toHaveLength(9);
    batched.forEach((r, i) => {
      expect(r.trainLoss).toBeCloseTo(sequential[i].trainLoss, 4);
      expect(r.validationAccuracy).toBeCloseTo(sequential[i].validationAccuracy!, 6);
    });
  });

  it('gives the same models batched as sequential with early stopping at different epochs', async () => {
    // Random labels stop almost at once; a clean prototype task keeps improving for longer.
    const task = (seed: number, noise: number, flip: number): TrainingSet => {
      const { train, test } = prototypeTask(60, 15, 10, 4, noise, flip, seed);
      return { ...train, validation: test };
    };
    const sets = [{ ...randomLabelSet(60, 10, 4, 5), validation: randomLabelSet(15, 10, 4, 55) }, task(6, 0.8, 0.1), task(7, 0.5, 0)];
    const opts = { ...BASE_OPTIONS, epochs: 15, learningRate: 0.03, earlyStopping: { enabled: true, patience: 2, restoreBest: true } };
    const stopped = await batchedVsSequential(sets, opts);
    expect(stopped.worst).toBeLessThan(1e-4);
    expect(new Set(stopped.stoppedEpochs).size).toBeGreaterThan(1); // the freeze mask was exercised
  });

  it('tells onEpochDone each epoch of each model still training, batched and sequential, without changing the models', async () => {
    const sets = [{ ...randomLabelSet(60, 10, 4, 5), validation: randomLabelSet(15, 10, 4, 55) }, { ...randomLabelSet(60, 10, 4, 6), validation: randomLabelSet(15, 10, 4, 56) }];
    const opts = { ...BASE_OPTIONS, epochs: 12, learningRate: 0.03, earlyStopping: { enabled: true, patience: 2, restoreBest: false } };
    for (const strategy of ['batched', 'sequential'] as const) {
      const seen: [number, number][] = [];
      const rngs = () => sets.map((_, m) => new Rng(500 + m));
      const quiet = await trainModels(SPEC, sets, opts, rngs(), { strategy, onEpochDone: (m, e) => seen.push([m, e]) });
      const loud = await trainModels(SPEC, sets, opts, rngs(), { strategy, onEpoch: () => undefined });
      for (let m = 0; m < sets.length; m++) {
        const epochs = seen.filter(([model]) => model === m).map(([, e]) => e);
        expect(epochs).toEqual(Array.from({ length: quiet[m].stoppedEpoch }, (_, i) => i + 1));
        expect(maxDiff(await weightsOf(quiet[m]), await weightsOf(loud[m]))).toBe(0);
      }
      [...quiet, ...loud].forEach((model) => model.dispose());
    }
  });

  it('chooses sequential on cpu/wasm and batched on GPUs, and falls back when sizes differ', () => {
    const sets = [randomLabelSet(20, 10, 4, 1), randomLabelSet(20, 10, 4, 2)];
    expect(resolveStrategy('auto', 'wasm', sets, BASE_OPTIONS).strategy).toBe('sequential');
    expect(resolveStrategy('auto', 'webgpu', sets, BASE_OPTIONS).strategy).toBe('batched');
    const uneven = [sets[0], randomLabelSet(21, 10, 4, 3)];
    expect(resolveStrategy('batched', 'webgpu', uneven, BASE_OPTIONS).strategy).toBe('sequential');
    expect(resolveStrategy('batched', 'webgpu', uneven, { ...BASE_OPTIONS, dp: { noiseMultiplier: 1, clipNorm: 1, sampleRate: 0.1 } }).strategy).toBe('batched');
  });

  it('stops early on an overfitting task and restores the best epoch', async () => {
    // Random labels: validation loss can only rise.
    const data = { ...randomLabelSet(120, 10, 4, 21), validation: randomLabelSet(36, 10, 4, 22) };
    const reports: EpochReport[] = [];
    const model = await trainModel(
      { ...SPEC, hidden: [64] },
      data,
      { ...BASE_OPTIONS, epochs: 40, learningRate: 0.02, earlyStopping: { enabled: true, patience: 3, restoreBest: true } },
      new Rng(4),
      { onEpoch: (r) => reports.push(r) },
    );
    expect(model.stoppedEpoch).toBeLessThan(40);
    expect(model.stoppedEpoch).toBe(model.bestEpoch + 3);
    expect(reports.length).toBe(model.stoppedEpoch);
    const best = Math.min(...reports.map((r) => r.validationLoss!));
    expect(reports[model.bestEpoch - 1].validationLoss).toBe(best);
    // The loss it watched is the loss on the validation rows it was given.
    const probs = await model.predictProba(data.validation.x, data.validation.n);
    let loss = 0;
    data.validation.y.forEach((y, i) => { loss -= Math.log(probs[i * SPEC.numClasses + y]) / data.validation.n; });
    expect(loss).toBeCloseTo(best, 4);
    model.dispose();
  });

  it('trains on every row of its set, never on the validation rows, with early stopping on', async () => {
    const train = randomLabelSet(50, 10, 4, 31);
    const validation = randomLabelSet(12, 10, 4, 32);
    const options = { ...BASE_OPTIONS, epochs: 2, earlyStopping: { enabled: true, patience: 5, restoreBest: true } };
    const seen: { data: TrainingData; rows: number[] }[] = [];
    const model = await trainModel(SPEC, { ...train, validation }, options, new Rng(3), {
      onBatch: (b) => seen.push({ data: b.data, rows: Array.from(b.rows) }),
    });
    model.dispose();
    expect(seen.every((b) => b.data.x === train.x)).toBe(true);
    const count = new Array(train.n).fill(0);
    seen.forEach((b) => b.rows.forEach((r) => count[r]++));
    expect(count).toEqual(new Array(train.n).fill(2)); // each row once per epoch, none held back
  });

  it('refuses early stopping without validation rows held out by the caller', async () => {
    const options = { ...BASE_OPTIONS, earlyStopping: { enabled: true, patience: 2, restoreBest: true } };
    await expect(trainModel(SPEC, randomLabelSet(20, 10, 4, 1), options, new Rng(1))).rejects.toThrow(/validation rows held out from training/);
  });

  it('reports per-epoch metrics with eval sets and confidence snapshots', async () => {
    const data = randomLabelSet(40, 10, 4, 30);
    const other = randomLabelSet(25, 10, 4, 31);
    const reports: Array<EpochReport & { eval: Readonly<Record<string, EvalResult>> }> = [];
    const models = await trainModels(SPEC, [data, data], BASE_OPTIONS, [new Rng(1), new Rng(2)], {
      onEpoch: (r) => reports.push(r),
      evalSets: [{ name: 'members', data }, { name: 'outside', data: other }],
      confidenceSnapshots: true,
    });
    expect(reports.map((r) => [r.model, r.epoch])).toEqual([[0, 1], [0, 2], [0, 3], [1, 1], [1, 2], [1, 3]]);
    for (const r of reports) {
      expect(r.trainAccuracy).toBeGreaterThanOrEqual(0);
      expect(r.trainAccuracy).toBeLessThanOrEqual(1);
      expect(r.trainLoss).toBeGreaterThan(0);
    }
    const last = reports[2];
    expect(last.eval.outside.confidence).toHaveLength(25);
    // The 'members' set is the training set, so its metrics equal the train metrics.
    expect(last.eval.members.loss).toBeCloseTo(last.trainLoss, 5);
    const proba = await models[0].predictProba(other.x, other.n);
    const conf = Array.from({ length: other.n }, (_, i) => proba[i * 4 + other.y[i]]);
    conf.forEach((c, i) => expect(last.eval.outside.confidence![i]).toBeCloseTo(c, 5));
    expect(reports[3].eval).toEqual({});
    models.forEach((m) => m.dispose());
  });

  it('predicts probabilities that are the softmax of the logits, in chunks', async () => {
    const data = randomLabelSet(30, 10, 4, 40);
    const model = await trainModel(SPEC, data, BASE_OPTIONS, new Rng(3));
    const big = randomLabelSet(5000, 10, 4, 41); // more rows than one chunk
    const [proba, logits] = [await model.predictProba(big.x, big.n), await model.predictLogits(big.x, big.n)];
    expect(proba).toHaveLength(5000 * 4);
    for (const row of [0, 4095, 4096, 4999]) {
      const l = Array.from(logits.subarray(row * 4, row * 4 + 4));
      const z = l.reduce((s, v) => s + Math.exp(v), 0);
      l.forEach((v, c) => expect(proba[row * 4 + c]).toBeCloseTo(Math.exp(v) / z, 5));
    }
    const norms = await model.perExampleGradNorms(big.x, big.y, big.n);
    expect(norms).toHaveLength(5000);
    expect(norms.every((v) => v > 0 && Number.isFinite(v))).toBe(true);
    model.dispose();
    await expect(model.predictProba(big.x, 1)).rejects.toThrow(/disposed/);
  });

  it('rejects bad inputs with a message that names the problem', async () => {
    const data = randomLabelSet(20, 10, 4, 1);
    await expect(trainModel({ ...SPEC, inputDim: 9 }, data, BASE_OPTIONS, new Rng(1))).rejects.toThrow(/features/);
    await expect(trainModel(SPEC, data, { ...BASE_OPTIONS, dropout: 1 }, new Rng(1))).rejects.toThrow(/dropout/);
    await expect(trainModel({ ...SPEC, numClasses: 2 }, data, BASE_OPTIONS, new Rng(1))).rejects.toThrow(/label/);
  });
});

describe('evaluateSets', () => {
  it('evaluates unequal stacked sets over several chunks exactly as each model alone', async () => {
    const rngs = [1, 2, 3].map((s) => new Rng(s));
    const stacked = initParams(SPEC, rngs);
    const sets = [1500, 700, 1000].map((n, m) => randomLabelSet(n, 10, 4, 80 + m)); // chunks of 682 rows
    const together = await evaluateSets(stacked, 'relu', sets, 4, true);
    for (let m = 0; m < 3; m++) {
      const single = sliceModel(stacked, m);
      const [alone] = await evaluateSets(single, 'relu', [sets[m]], 4, true);
      disposeParams(single);
      expect(together[m].loss).toBeCloseTo(alone.loss, 5);
      expect(together[m].accuracy).toBe(alone.accuracy);
      expect(together[m].confidence).toHaveLength(sets[m].n);
      expect(maxDiff(Array.from(together[m].confidence!), Array.from(alone.confidence!))).toBeLessThan(1e-6);
    }
    disposeParams(stacked);
  });
});

describe('tensor hygiene', () => {
  it('returns to the baseline tensor count after training and dispose', async () => {
    const data = { ...randomLabelSet(40, 10, 4, 50), validation: randomLabelSet(10, 10, 4, 51) };
    const start = tf.memory().numTensors;
    const opts = { ...BASE_OPTIONS, dropout: 0.2, l2: 1e-3, earlyStopping: { enabled: true, patience: 1, restoreBest: true } };
    const models = await trainModels(SPEC, [data, data, data], opts, [1, 2, 3].map((s) => new Rng(s)), { strategy: 'batched', onEpoch: () => {} });
    expect(tf.memory().numTensors).toBe(start + 3 * 4); // 2 weights + 2 biases each
    models.forEach((m) => m.dispose());
    const dp = await trainModel(SPEC, data, { ...opts, dp: { noiseMultiplier: 1, clipNorm: 1, sampleRate: 0.2 } }, new Rng(1));
    await dp.perExampleGradNorms(data.x, data.y, data.n);
    dp.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it.each(['sequential', 'batched'] as const)('frees everything and rejects with CancelledError on abort (%s)', async (strategy) => {
    const data = randomLabelSet(64, 10, 4, 60);
    const start = tf.memory().numTensors;
    const signal = { aborted: false };
    const run = trainModels(SPEC, [data, data], { ...BASE_OPTIONS, epochs: 50, dp: null }, [new Rng(1), new Rng(2)], {
      strategy,
      signal,
      onEpoch: (r) => { if (r.epoch === 2) signal.aborted = true; },
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    await expect(run).rejects.toHaveProperty('name', 'AbortError');
    expect(tf.memory().numTensors).toBe(start);
  });

  it('sees an abort raised by a timer in the middle of an epoch', async () => {
    const data = randomLabelSet(4000, 10, 4, 61);
    const start = tf.memory().numTensors;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const began = Date.now();
    await expect(trainModel(SPEC, data, { ...BASE_OPTIONS, epochs: 1000, batchSize: 8 }, new Rng(1), { signal: controller.signal })).rejects.toBeInstanceOf(CancelledError);
    expect(Date.now() - began).toBeLessThan(5000);
    expect(tf.memory().numTensors).toBe(start);
  });
});
