import * as tf from '@tensorflow/tfjs-core';
// Autodiff is only the reference here; the engine itself never registers gradients.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../cli/tf-node';
import type { MlpSpec } from '../../core/models/types';
import { Rng } from '../../core/rng';
import { clipFactors, DpNoise, dpGrads } from './dp-sgd';
import { FastNormal } from '../../core/train/fast-normal';
import { logitGrad } from './loss-grads';
import { backwardDeltas } from './mlp-backward';
import { forward } from './mlp-forward';
import { initParams, type MlpParams } from './mlp-params';
import { mlpArchitecture } from './mlp-architecture';
import { perExampleClippedGradSum, perExampleSqNorms } from './per-example';
import { StepBuffers } from './step';
import { MlpModel } from './trained-model';

beforeAll(async () => {
  await initNodeBackend('cpu');
});

const SPEC: MlpSpec = { type: 'mlp', inputDim: 6, hidden: [5, 4], activation: 'tanh', numClasses: 3 };
const B = 12;

function setup(seed: number) {
  const params = initParams(SPEC, [new Rng(seed)]);
  const rng = new Rng(seed + 1);
  const x = tf.tensor(Float32Array.from({ length: B * SPEC.inputDim }, () => rng.uniform(-3, 3)), [B, SPEC.inputDim]);
  const y = Int32Array.from({ length: B }, () => rng.int(SPEC.numClasses));
  const targets = tf.cast(tf.oneHot(tf.tensor1d(y, 'int32'), SPEC.numClasses), 'float32');
  return { params, x, targets };
}

const flatParams = (p: MlpParams) => [...p.weights, ...p.biases];

/** Clipped sum the slow way: autodiff on one example at a time, clip, add. Also the raw norms. */
async function oneAtATime(params: MlpParams, x: tf.Tensor, targets: tf.Tensor, clip: number) {
  const n = params.weights.length;
  const loss = (xi: tf.Tensor, ti: tf.Tensor) => (...ps: tf.Tensor[]) => {
    let a = xi;
    for (let l = 0; l < n; l++) {
      const z = tf.add(tf.matMul(a, ps[l]), ps[n + l]);
      a = l === n - 1 ? z : tf.tanh(z);
    }
    return tf.neg(tf.sum(tf.mul(ti, tf.logSoftmax(a)))) as tf.Scalar;
  };
  const sums = flatParams(params).map((p) => new Float64Array(p.size));
  const norms: number[] = [];
  for (let i = 0; i < B; i++) {
    const grads = tf.tidy(() => tf.grads(loss(tf.slice(x, [i, 0], [1, -1]), tf.slice(targets, [i, 0], [1, -1])))(flatParams(params)));
    const values = (await Promise.all(grads.map((g) => g.data()))) as Float32Array[];
    tf.dispose(grads);
    const norm = Math.sqrt(values.reduce((s, v) => s + v.reduce((a, b) => a + b * b, 0), 0));
    norms.push(norm);
    const c = Math.min(1, clip / norm);
    values.forEach((v, p) => v.forEach((g, j) => (sums[p][j] += c * g)));
  }
  return { sums, norms };
}

describe('DP-SGD per-example clipping', () => {
  it.each([
    ['none', 1e6],
    ['some', 0],
    ['all', 1e-3],
  ])('matches a one-example-at-a-time reference when the clip norm clips %s', async (which, clipGiven) => {
    const { params, x, targets } = setup(7);
    const start = tf.memory().numTensors;
    // "some": the median raw norm, so about half the examples are clipped.
    let clip = clipGiven;
    const probe = await oneAtATime(params, x, targets, 1e9);
    if (which === 'some') clip = [...probe.norms].sort((a, b) => a - b)[B / 2];
    const clipped = probe.norms.filter((n) => n > clip).length;
    expect(which === 'none' ? clipped === 0 : which === 'all' ? clipped === B : clipped > 0 && clipped < B).toBe(true);

    const ref = await oneAtATime(params, x, targets, clip);
    const { grads, norms } = perExampleClippedGradSum(params, 'tanh', x, targets, clip);
    const mine = await Promise.all([...grads.weights, ...grads.biases].map((g) => g.data()));
    let worst = 0;
    mine.forEach((v, p) => v.forEach((g, j) => (worst = Math.max(worst, Math.abs(g - ref.sums[p][j])))));
    expect(worst).toBeLessThan(1e-5);
    const myNorms = await norms.data();
    probe.norms.forEach((n, i) => expect(myNorms[i]).toBeCloseTo(n, 4));
    tf.dispose([...grads.weights, ...grads.biases, norms]);
    expect(tf.memory().numTensors).toBe(start);
    tf.dispose([...flatParams(params), x, targets]);
  });

  it('gives MlpModel.perExampleGradNorms equal to autodiff norms, one example at a time', async () => {
    const { params, x, targets } = setup(9);
    const probe = await oneAtATime(params, x, targets, 1e9);
    const xs = (await x.data()) as Float32Array;
    const labels = tf.argMax(targets, -1);
    const y = Int32Array.from(await labels.data());
    labels.dispose();
    const model = new MlpModel(SPEC, params, 1, 1, 'sequential'); // takes ownership of params
    const norms = await model.perExampleGradNorms(xs, y, B);
    probe.norms.forEach((n, i) => expect(Math.abs(norms[i] - n)).toBeLessThan(1e-5 * Math.max(1, n)));
    model.dispose();
    tf.dispose([x, targets]);
  });

  it('leaves every clipped per-example gradient with norm ≤ C', async () => {
    const { params, x, targets } = setup(8);
    for (const clip of [0.05, 0.5, 5]) {
      const clippedNorms = tf.tidy(() => {
        const cache = forward(params, x, 'tanh');
        const deltas = backwardDeltas(params, cache, logitGrad(cache.logits, targets), 'tanh');
        const f = clipFactors(perExampleSqNorms(cache, deltas), clip);
        return tf.sqrt(perExampleSqNorms(cache, deltas.map((d) => tf.mul(d, f))));
      });
      for (const n of await clippedNorms.data()) expect(n).toBeLessThanOrEqual(clip * (1 + 1e-5));
      clippedNorms.dispose();
    }
    tf.dispose([...flatParams(params), x, targets]);
  });

  it('adds fresh Gaussian noise with std σC/(qn) to the averaged clipped gradient', async () => {
    const spec: MlpSpec = { type: 'mlp', inputDim: 40, hidden: [64], activation: 'relu', numClasses: 10 };
    const params = initParams(spec, [new Rng(3)]);
    const rng = new Rng(4);
    const x = tf.tensor(Float32Array.from({ length: 16 * 40 }, () => rng.uniform(-1, 1)), [16, 40]);
    const targets = tf.cast(tf.oneHot(tf.tensor1d(Int32Array.from({ length: 16 }, () => rng.int(10)), 'int32'), 10), 'float32');
    const [sigma, clip, inv] = [1.3, 0.7, 1 / 20];
    const shapes = flatParams(params).map((t) => t.shape);
    const noise = new DpNoise([new Rng(9)]);
    const buffers = new StepBuffers();
    const privatised = async () => {
      const drawn = noise.draw(shapes, [sigma * clip * inv], buffers);
      const g = tf.tidy(() => {
        const cache = forward(params, x, 'relu');
        const input = { targets, rowMask: null, masks: null, invExpectedBatch: inv };
        const arch = mlpArchitecture(spec);
        const noisy = dpGrads(arch, params, cache, clip, { ...input, noise: drawn });
        const clean = dpGrads(arch, params, cache, clip, { ...input, noise: shapes.map((s) => tf.zeros(s)) });
        return tf.concat(noisy.map((t, i) => tf.reshape(tf.sub(t, clean[i]), [-1])));
      });
      tf.dispose(drawn);
      const v = (await g.data()) as Float32Array;
      g.dispose();
      return v;
    };
    const a = await privatised();
    const b = await privatised();
    const expected = (sigma * clip) * inv;
    let mean = 0, sq = 0, cross = 0;
    for (let i = 0; i < a.length; i++) { mean += a[i]; sq += a[i] * a[i]; cross += a[i] * b[i]; }
    const n = a.length; // 3,274 parameters
    expect(Math.abs(mean / n)).toBeLessThan((4 * expected) / Math.sqrt(n));
    expect(Math.sqrt(sq / n) / expected).toBeGreaterThan(0.95);
    expect(Math.sqrt(sq / n) / expected).toBeLessThan(1.05);
    // A second step draws new noise: the two draws are uncorrelated.
    expect(Math.abs(cross / sq)).toBeLessThan(0.08);
    tf.dispose([...flatParams(params), x, targets]);
  });
});

describe('FastNormal', () => {
  it('draws standard normals: moments and tail probabilities (1M draws, fixed seed)', () => {
    const out = new FastNormal(new Rng(123)).fill(new Float32Array(1_000_000));
    const n = out.length;
    let s1 = 0, s2 = 0, s4 = 0, below1 = 0, below2 = 0, above3 = 0;
    for (const v of out) {
      s1 += v; s2 += v * v; s4 += v ** 4;
      if (v < -1) below1++;
      if (v < -2) below2++;
      if (v > 3) above3++;
    }
    expect(Math.abs(s1 / n)).toBeLessThan(0.004); // se 0.001
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.006); // se 0.0014
    expect(Math.abs(s4 / n - 3)).toBeLessThan(0.05); // se 0.01
    const within = (count: number, p: number) => Math.abs(count / n - p) < 4 * Math.sqrt((p * (1 - p)) / n);
    expect(within(below1, 0.158655)).toBe(true);
    expect(within(below2, 0.0227501)).toBe(true);
    expect(within(above3, 0.0013499)).toBe(true);
  });

  it('is reproducible from its seed and scales by std', () => {
    const a = new FastNormal(new Rng(5)).fill(new Float32Array(1000), 2);
    const b = new FastNormal(new Rng(5)).fill(new Float32Array(1000), 2);
    const c = new FastNormal(new Rng(6)).fill(new Float32Array(1000), 2);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
    const g = new FastNormal(new Rng(5));
    expect(g.next() * 2).toBeCloseTo(a[0], 5);
  });
});
