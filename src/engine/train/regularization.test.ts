import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../cli/tf-node';
import type { MlpSpec, TrainOptions, TrainingData } from '../../core/models/types';
import { Rng } from '../../core/rng';
import { BASE_OPTIONS, prototypeTask } from '../../../tests/support/train-fixtures';
import { trainModel } from './index';

beforeAll(async () => {
  await initNodeBackend('wasm'); // the fast backend: these runs train for 60 epochs
});

const SPEC: MlpSpec = { type: 'mlp', inputDim: 20, hidden: [128], activation: 'relu', numClasses: 5 };
// 30% flipped labels: a plain 128-unit MLP memorises them (train 100%), which is the gap defenses close.
const { train, test } = prototypeTask(200, 400, 20, 5, 0.6, 0.3, 1);
const OPTIONS: TrainOptions = { ...BASE_OPTIONS, epochs: 60, batchSize: 32, learningRate: 0.01 };

function accuracy(proba: Float32Array, data: TrainingData): number {
  let hits = 0;
  for (let i = 0; i < data.n; i++) {
    let best = 0;
    for (let c = 1; c < 5; c++) if (proba[i * 5 + c] > proba[i * 5 + best]) best = c;
    if (best === data.y[i]) hits++;
  }
  return hits / data.n;
}

async function trainTestGap(overrides: Partial<TrainOptions>): Promise<{ gap: number; testAcc: number }> {
  const model = await trainModel(SPEC, train, { ...OPTIONS, ...overrides }, new Rng(1));
  const trainAcc = accuracy(await model.predictProba(train.x, train.n), train);
  const testAcc = accuracy(await model.predictProba(test.x, test.n), test);
  model.dispose();
  return { gap: trainAcc - testAcc, testAcc };
}

describe('regularisation as a defense', () => {
  it('dropout and L2 each shrink the train–test gap of an overfitting MLP', async () => {
    const plain = await trainTestGap({});
    const dropout = await trainTestGap({ dropout: 0.8 });
    const l2 = await trainTestGap({ l2: 0.03 });
    expect(plain.gap).toBeGreaterThan(0.25); // the task really overfits
    expect(dropout.gap).toBeLessThan(plain.gap - 0.1);
    expect(l2.gap).toBeLessThan(plain.gap - 0.1);
    // ...without costing test accuracy.
    expect(dropout.testAcc).toBeGreaterThan(plain.testAcc - 0.02);
    expect(l2.testAcc).toBeGreaterThan(plain.testAcc - 0.02);
  });
});

describe('backends', () => {
  it('trains to the same weights on wasm (XNNPACK, fused ops) as on cpu', async () => {
    const opts = { ...BASE_OPTIONS, epochs: 2, dropout: 0.2, l2: 1e-3, dp: { noiseMultiplier: 0.5, clipNorm: 1, sampleRate: 0.1 } };
    const weights = async (backend: 'wasm' | 'cpu') => {
      await initNodeBackend(backend);
      const model = await trainModel({ ...SPEC, hidden: [16, 8], activation: 'tanh' }, train, opts, new Rng(2));
      const w = await model.readWeights();
      model.dispose();
      return [...w.weights, ...w.biases].flatMap((a) => Array.from(a));
    };
    const [onWasm, onCpu] = [await weights('wasm'), await weights('cpu')];
    await initNodeBackend('wasm');
    const worst = onWasm.reduce((m, v, i) => Math.max(m, Math.abs(v - onCpu[i])), 0);
    expect(worst).toBeLessThan(1e-4);
  });
});
