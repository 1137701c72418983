import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initNodeBackend } from '../../cli/tf-node';
import { Rng } from '../../core/rng';
import { trainCnn } from './cnn';
import type { CnnSpec, TrainingData, TrainOptions } from '../../core/models/types';

// The browser and the CLI train on wasm, whose kernels differ from cpu's; this pins the same
// behaviour there (the exact-gradient checks run on cpu, where tfjs can autodiff a conv2d).
const spec: CnnSpec = { type: 'cnn', imageShape: [16, 16, 1], filters: 4, hidden: 16, numClasses: 2 };

/** Vertical (class 0) or horizontal (class 1) bars on a blank background, lightly noised. */
function bars(n: number, seed: number): TrainingData {
  const rng = new Rng(seed);
  const x = new Float32Array(n * 256), y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = rng.int(2);
    const at = 2 + rng.int(12);
    for (let t = 0; t < 16; t++) x[i * 256 + (y[i] === 0 ? t * 16 + at : at * 16 + t)] = 1;
    for (let k = 0; k < 8; k++) x[i * 256 + rng.int(256)] += rng.normal(0, 0.5);
  }
  return { x, y, n, d: 256 };
}

const options: TrainOptions = {
  epochs: 5, batchSize: 32, learningRate: 0.01, optimizer: 'adam', l2: 1e-4, l1: 0, dropout: 0.2,
  earlyStopping: { enabled: true, patience: 3, restoreBest: true }, dp: null,
};

describe('trainCnn (wasm backend)', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('learns, predicts, gives finite gradient norms, and leaks nothing (plain and DP)', async () => {
    const before = tf.memory().numTensors;
    const train = { ...bars(200, 1), validation: bars(40, 4) }, test = bars(100, 2);
    for (const dp of [null, { noiseMultiplier: 0.3, clipNorm: 2, sampleRate: 0.2 }]) {
      const model = await trainCnn(spec, train, { ...options, dp }, new Rng(3));
      const probs = await model.predictProba(test.x, test.n);
      let correct = 0;
      for (let i = 0; i < test.n; i++) if ((probs[2 * i + 1] > probs[2 * i] ? 1 : 0) === test.y[i]) correct++;
      expect(correct / test.n).toBeGreaterThan(0.9);
      const norms = await model.perExampleGradNorms(test.x, test.y, test.n);
      expect(norms.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
      model.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
