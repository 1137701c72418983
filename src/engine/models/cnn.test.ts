import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initNodeBackend } from '../../cli/tf-node';
import { Rng } from '../../core/rng';
import { CancelledError } from '../../core/abort';
import { trainCnn } from './cnn';
import { CNN_PARAM_KEYS, cnnDims, initCnnParams } from './cnn-math';
import { scoreLogits } from '../../core/train/score-logits';
import type { CnnSpec, EvalResult, TrainingData, TrainOptions } from '../../core/models/types';

const spec: CnnSpec = { type: 'cnn', imageShape: [16, 16, 1], filters: 4, hidden: 16, numClasses: 2 };

/** Class 0: a vertical bar, class 1: a horizontal one, at a random place, under N(0, 0.35²) noise. */
function bars(n: number, seed: number): TrainingData {
  const rng = new Rng(seed);
  const d = 256;
  const x = rng.fillNormal(new Float32Array(n * d), 0.35);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = rng.int(2);
    const at = 2 + rng.int(12);
    for (let t = 0; t < 16; t++) {
      for (const w of [at, at + 1]) x[i * d + (y[i] === 0 ? t * 16 + w : w * 16 + t)] += 1;
    }
  }
  return { x, y, n, d };
}

const base: TrainOptions = {
  epochs: 6, batchSize: 32, learningRate: 0.01, optimizer: 'adam', l2: 0, l1: 0, dropout: 0,
  earlyStopping: { enabled: false, patience: 2, restoreBest: true }, dp: null,
};

async function accuracy(probs: Float32Array, y: Int32Array): Promise<number> {
  let ok = 0;
  for (let i = 0; i < y.length; i++) if ((probs[2 * i + 1] > probs[2 * i] ? 1 : 0) === y[i]) ok++;
  return ok / y.length;
}

const train = bars(160, 1);
const test = bars(100, 2);

describe('trainCnn (cpu backend)', () => {
  beforeAll(async () => {
    await initNodeBackend('cpu');
  });

  it('learns vertical vs horizontal bars, reports each epoch, and frees everything on dispose', async () => {
    const before = tf.memory().numTensors;
    const reports: { epoch: number; trainLoss: number; eval: Readonly<Record<string, EvalResult>> }[] = [];
    const model = await trainCnn(spec, train, base, new Rng(7), {
      evalSets: [{ name: 'test', data: test }], confidenceSnapshots: true, onEpoch: (r) => reports.push(r),
    });
    const probs = await model.predictProba(test.x, test.n);
    expect(await accuracy(probs, test.y)).toBeGreaterThan(0.9);
    expect(reports.map((r) => r.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(reports[5].trainLoss).toBeLessThan(reports[0].trainLoss);
    const last = reports[5].eval.test;
    expect(last.accuracy).toBeGreaterThan(0.9);
    for (let i = 0; i < test.n; i++) expect(last.confidence![i]).toBeCloseTo(probs[2 * i + test.y[i]], 5);
    expect(model.numParams).toBe(9 * 4 + 4 + 8 * 8 * 4 * 16 + 16 + 16 * 2 + 2);
    expect(model.stoppedEpoch).toBe(6);
    const norms = await model.perExampleGradNorms(test.x, test.y, test.n);
    expect(norms.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('is deterministic for a seed, with dropout, penalties, augmentation and DP noise', async () => {
    const options: TrainOptions = {
      ...base, epochs: 2, dropout: 0.3, l2: 1e-3, l1: 1e-4, dp: { noiseMultiplier: 0.5, clipNorm: 1, sampleRate: 0.2 },
    };
    let calls = 0;
    const augment = (x: Float32Array, y: Int32Array, rows: number, d: number, k: number, rng: Rng) => {
      calls++;
      const targets = new Float32Array(rows * k).fill(0.05 / (k - 1)); // label smoothing plus pixel jitter
      for (let r = 0; r < rows; r++) targets[r * k + y[r]] = 0.95;
      return { x: x.map((v) => v + rng.normal(0, 0.05)), targets };
    };
    const run = async (seed: number) => {
      const m = await trainCnn(spec, train, options, new Rng(seed), { augment });
      const p = await m.predictLogits(test.x, test.n);
      m.dispose();
      return p;
    };
    const a = await run(3), b = await run(3), c = await run(4);
    expect(calls).toBe(3 * 2 * 5); // round(1/q) = 5 Poisson steps per epoch (a step may sample nobody, rarely)
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('DP-SGD without noise is full-batch SGD when nothing clips, and moves ≤ lr·C when all clip', async () => {
    const small = bars(24, 5);
    const dims = cnnDims(spec);
    const initial = initCnnParams(dims, new Rng(9).fork('init'));
    const init = await Promise.all(CNN_PARAM_KEYS.map(async (k) => (await initial[k].data()) as Float32Array));
    CNN_PARAM_KEYS.forEach((k) => initial[k].dispose());
    const sgd: TrainOptions = { ...base, optimizer: 'sgd', learningRate: 0.5, epochs: 1, batchSize: 24 };
    const weights = async (o: TrainOptions) => {
      const m = await trainCnn(spec, small, o, new Rng(9));
      const w = await m.readWeights();
      m.dispose();
      return CNN_PARAM_KEYS.map((k) => w[k]);
    };
    const plain = await weights(sgd);
    const loose = await weights({ ...sgd, dp: { noiseMultiplier: 0, clipNorm: 1e6, sampleRate: 1 } });
    plain.forEach((w, i) => w.forEach((v, j) => expect(Math.abs(loose[i][j] - v)).toBeLessThan(1e-5)));
    const clip = 0.01;
    const tight = await weights({ ...sgd, dp: { noiseMultiplier: 0, clipNorm: clip, sampleRate: 1 } });
    let sq = 0, sqPlain = 0;
    tight.forEach((w, i) => w.forEach((v, j) => { sq += (v - init[i][j]) ** 2; sqPlain += (plain[i][j] - init[i][j]) ** 2; }));
    expect(Math.sqrt(sq)).toBeLessThanOrEqual(0.5 * clip * (1 + 1e-4)); // mean of vectors with norm ≤ C
    expect(Math.sqrt(sq)).toBeGreaterThan(0.5 * clip * 0.1);
    expect(Math.sqrt(sqPlain)).toBeGreaterThan(0.5 * clip * 10); // so clipping really did bite
  });

  it('stops early after `patience` stale epochs and restores the best epoch', async () => {
    const unlearnable = (n: number, seed: number): TrainingData => ({ ...bars(n, seed), y: Int32Array.from({ length: n }, (_, i) => (i * 7) % 2) });
    const noisy = { ...unlearnable(48, 6), validation: unlearnable(12, 8) };
    const options: TrainOptions = {
      ...base, epochs: 30, learningRate: 0.03, batchSize: 8,
      earlyStopping: { enabled: true, patience: 2, restoreBest: true },
    };
    const losses: number[] = [];
    const trained = new Array(noisy.n).fill(0);
    const model = await trainCnn(spec, noisy, options, new Rng(11), {
      onEpoch: (r) => losses.push(r.validationLoss!),
      onBatch: (batch) => Array.from(batch.rows).forEach((r) => trained[r]++),
    });
    expect(model.stoppedEpoch).toBeLessThan(30);
    // Every row of the set trained in every epoch: the validation rows came from outside it.
    expect(trained).toEqual(new Array(noisy.n).fill(model.stoppedEpoch));
    expect(losses.length).toBe(model.stoppedEpoch);
    const best = losses.indexOf(Math.min(...losses)) + 1;
    expect(model.bestEpoch).toBe(best);
    expect(model.stoppedEpoch - best).toBe(2);
    const val = noisy.validation;
    const now = scoreLogits(await model.predictLogits(val.x, val.n), val.y, val.n, 2, false);
    expect(now.loss).toBeCloseTo(losses[best - 1], 5);
    model.dispose();
  });

  it('rejects with CancelledError and leaks nothing when aborted before, during or between epochs', async () => {
    const before = tf.memory().numTensors;
    const options: TrainOptions = { ...base, epochs: 50, earlyStopping: { ...base.earlyStopping, enabled: true } };
    const train = { ...bars(160, 1), validation: test };
    await expect(trainCnn(spec, train, options, new Rng(1), { signal: { aborted: true } })).rejects.toBeInstanceOf(CancelledError);
    const fromHook = new AbortController();
    await expect(trainCnn(spec, train, options, new Rng(1), { onEpoch: (r) => { if (r.epoch === 2) fromHook.abort(); }, signal: fromHook.signal }))
      .rejects.toBeInstanceOf(CancelledError);
    const fromTimer = new AbortController();
    setTimeout(() => fromTimer.abort(), 300);
    const started = Date.now();
    // Long enough (no early stopping) that the timer fires mid-training, between two steps.
    const long: TrainOptions = { ...base, epochs: 1000, dp: { noiseMultiplier: 1, clipNorm: 1, sampleRate: 0.25 } };
    await expect(trainCnn(spec, train, long, new Rng(1), { signal: fromTimer.signal }))
      .rejects.toBeInstanceOf(CancelledError);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('L2 shrinks the weights', async () => {
    const norm = async (l2: number) => {
      const m = await trainCnn(spec, train, { ...base, epochs: 2, l2 }, new Rng(2));
      const w = await m.readWeights();
      m.dispose();
      return w.w1.reduce((s, v) => s + v * v, 0);
    };
    expect(await norm(0.05)).toBeLessThan(0.5 * await norm(0));
  });
});
