// The shared step (step.ts) and DP-SGD wrapper (dp-sgd.ts) with each architecture, against a
// loop over examples that uses nothing of theirs: each example's gradient alone, clipped to C,
// summed, divided by q·n (or averaged, for a plain step). SGD with learning rate 1 makes the
// applied gradient readable as old − new parameters.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../cli/tf-node';
import type { CnnSpec, DpSgdOptions, MlpSpec, TrainingData } from '../../core/models/types';
import { Rng } from '../../core/rng';
import { buildBatch, oneHot } from '../../core/train/batches';
import { cnnArchitecture } from '../models/cnn-architecture';
import type { Architecture } from './architecture';
import { DpNoise } from './dp-sgd';
import { mlpArchitecture } from './mlp-architecture';
import { logitGrad } from './loss-grads';
import { Optimizer } from './optimizers';
import { StepBuffers, trainStep } from './step';

beforeAll(async () => {
  await initNodeBackend('cpu');
});

type AnyArch = Architecture<unknown, unknown, { readonly logits: tf.Tensor }, unknown>;

const mlp: MlpSpec = { type: 'mlp', inputDim: 6, hidden: [5, 4], activation: 'tanh', numClasses: 3 };
// Odd height and two channels exercise the im2col patch order and floor pooling.
const cnn: CnnSpec = { type: 'cnn', imageShape: [7, 6, 2], filters: 3, hidden: 5, numClasses: 3 };
const ARCHS: [string, () => AnyArch][] = [
  ['MLP', () => mlpArchitecture(mlp) as unknown as AnyArch],
  ['CNN', () => cnnArchitecture(cnn) as unknown as AnyArch],
];

const N = 16; // rows in the set; a step uses the first B of them
const B = 8;

function dataFor(arch: AnyArch): TrainingData {
  const rng = new Rng(5);
  const x = Float32Array.from({ length: N * arch.inputDim }, () => rng.uniform(-2, 2));
  return { x, y: Int32Array.from({ length: N }, () => rng.int(arch.numClasses)), n: N, d: arch.inputDim };
}

async function flat(tensors: readonly tf.Tensor[]): Promise<number[]> {
  const out: number[] = [];
  for (const t of tensors) out.push(...((await t.data()) as Float32Array));
  return out;
}

/** Example i's gradient alone (a one-row batch through the architecture), flattened. */
async function exampleGradients(arch: AnyArch, data: TrainingData): Promise<number[][]> {
  const params = arch.init([new Rng(1)]);
  const out: number[][] = [];
  for (let i = 0; i < B; i++) {
    const g = tf.tidy(() => {
      const x = arch.input(data.x.slice(i * data.d, (i + 1) * data.d), 1, []);
      const cache = arch.forward(params, x, null);
      const targets = tf.tensor(oneHot(data.y.subarray(i, i + 1), arch.numClasses), [1, arch.numClasses]);
      return arch.gradSum(cache, arch.backward(params, cache, logitGrad(cache.logits, targets), null), null);
    });
    out.push(await flat(g));
    tf.dispose(g);
  }
  tf.dispose(arch.tensors(params));
  return out;
}

/** The gradient one shared step applies (SGD, lr 1: old − new), and the initial parameters. */
async function appliedGradient(arch: AnyArch, data: TrainingData, l2: number, dp: DpSgdOptions | null): Promise<{ grad: number[]; init: number[] }> {
  const rng = new Rng(1);
  const params = arch.init([rng]);
  const tensors = arch.tensors(params);
  const init = await flat(tensors);
  const optimizer = new Optimizer('sgd', 1, tensors.map((t) => t.shape));
  const batch = buildBatch(data, Int32Array.from({ length: B }, (_, i) => i), arch.numClasses, undefined, rng);
  // noiseMultiplier 0: the noise is exactly zero, so the DP gradient is the clipped sum / (q·n).
  const ctx = dp ? { noise: new DpNoise([rng]), invExpectedBatch: [1 / (dp.sampleRate * N)] } : null;
  const next = trainStep(arch, params, optimizer, [batch], { dropout: 0, l2, l1: 0, dp }, [rng.fork('dropout')], ctx, null, new StepBuffers());
  const after = await flat(arch.tensors(next));
  tf.dispose(arch.tensors(next));
  optimizer.dispose();
  return { grad: init.map((v, j) => v - after[j]), init };
}

function expectClose(got: readonly number[], want: readonly number[]): void {
  expect(got.length).toBe(want.length);
  const worst = Math.max(...got.map((v, j) => Math.abs(v - want[j]) / Math.max(1, Math.abs(want[j]))));
  expect(worst).toBeLessThan(2e-5);
}

describe.each(ARCHS)('the shared step with the %s', (_, make) => {
  it('applies the batch-mean gradient, plus 2·λ·w on the weights only for L2', async () => {
    const before = tf.memory().numTensors;
    const arch = make();
    const data = dataFor(arch);
    const each = await exampleGradients(arch, data);
    const mean = each[0].map((_, j) => each.reduce((s, g) => s + g[j], 0) / B);
    expectClose((await appliedGradient(arch, data, 0, null)).grad, mean);
    const l2 = 0.1;
    const { grad, init } = await appliedGradient(arch, data, l2, null);
    // Which flat entries are penalised, from the architecture's own list and shapes.
    const params = arch.init([new Rng(1)]);
    const sizes = arch.tensors(params).map((t) => t.size);
    tf.dispose(arch.tensors(params));
    const penalised = sizes.flatMap((size, i) => new Array<boolean>(size).fill(arch.penalized[i]));
    expect(penalised.some((p) => p) && penalised.some((p) => !p)).toBe(true);
    expectClose(grad, mean.map((g, j) => g + (penalised[j] ? 2 * l2 * init[j] : 0)));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('under DP-SGD applies Σ clip_C(∇_i) / (q·n), as a one-at-a-time loop computes it', async () => {
    const before = tf.memory().numTensors;
    const arch = make();
    const data = dataFor(arch);
    const each = await exampleGradients(arch, data);
    const norms = each.map((g) => Math.sqrt(g.reduce((s, v) => s + v * v, 0)));
    const clipNorm = [...norms].sort((a, b) => a - b)[B >> 1]; // the median: some clip, some don't
    expect(Math.min(...norms)).toBeLessThan(clipNorm);
    const sampleRate = 0.25; // q·n = 4, not the realised B = 8: the accounting divides by q·n
    const want = each[0].map((_, j) => each.reduce((s, g, i) => s + g[j] * Math.min(1, clipNorm / norms[i]), 0) / (sampleRate * N));
    const { grad } = await appliedGradient(arch, data, 0, { noiseMultiplier: 0, clipNorm, sampleRate });
    expectClose(grad, want);
    expect(tf.memory().numTensors).toBe(before);
  });
});
