// One DP-SGD step of the CNN through the shared trainer (train/step.ts, train/dp-sgd.ts) against
// a reference that shares no code with it: a float64 JS forward pass of the CNN written from its
// definition (3×3 same conv, relu, 2×2 max-pool, dense relu, dropout, dense, softmax
// cross-entropy), and each example's gradient by central finite differences on that loss. So the
// hand backward pass (cnnBackprop), the per-example norms and the clipped sum are all checked
// against numbers none of them produced. shared-step.test.ts compares the step with the
// architecture's own backward pass one example at a time; this one does not trust that pass.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../cli/tf-node';
import type { CnnSpec, DpSgdOptions, TrainingData } from '../../core/models/types';
import { Rng } from '../../core/rng';
import { buildBatch, fillDropoutMask } from '../../core/train/batches';
import { DpNoise } from '../train/dp-sgd';
import { Optimizer } from '../train/optimizers';
import { StepBuffers, trainStep } from '../train/step';
import { cnnArchitecture } from './cnn-architecture';
import { CNN_PARAM_KEYS, CNN_WEIGHT_KEYS, type CnnParamKey } from './cnn-math';

beforeAll(async () => {
  await initNodeBackend('cpu');
});

// Odd height and two channels: floor pooling drops the last row, patches mix channels.
const spec: CnnSpec = { type: 'cnn', imageShape: [7, 6, 2], filters: 3, hidden: 5, numClasses: 3 };
const [H, W, CH] = spec.imageShape;
const F = spec.filters, HID = spec.hidden, K = spec.numClasses;
const PH = Math.floor(H / 2), PW = Math.floor(W / 2), FLAT = PH * PW * F;
const D = H * W * CH;
const N = 16; // rows in the set: q·n uses this
const B = 8; // rows in the step's batch (the first B)
const LR = 0.5;
const DROPOUT = 0.3;
const L2 = 0.05;

type Params64 = Record<CnnParamKey, Float64Array>;

function dataset(): TrainingData {
  const rng = new Rng(11);
  const x = Float32Array.from({ length: N * D }, () => rng.uniform(-2, 2));
  return { x, y: Int32Array.from({ length: N }, () => rng.int(K)), n: N, d: D };
}

/** Cross-entropy of one image in float64. `mask`: HID dropout multipliers (0 or 1/(1−p)). */
function loss(p: Params64, x: Float32Array, y: number, mask: Float64Array): number {
  // conv 3×3 same (weights [(dy, dx, ch), f]), relu, then 2×2 valid max-pool.
  const conv = new Float64Array(H * W * F);
  for (let i = 0; i < H; i++) {
    for (let j = 0; j < W; j++) {
      for (let f = 0; f < F; f++) {
        let z = p.convB[f];
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const yy = i + dy, xx = j + dx;
            if (yy < 0 || yy >= H || xx < 0 || xx >= W) continue;
            for (let c = 0; c < CH; c++) z += x[(yy * W + xx) * CH + c] * p.convW[(((dy + 1) * 3 + dx + 1) * CH + c) * F + f];
          }
        }
        conv[(i * W + j) * F + f] = Math.max(0, z);
      }
    }
  }
  const a1 = new Float64Array(FLAT);
  for (let pi = 0; pi < PH; pi++) {
    for (let pj = 0; pj < PW; pj++) {
      for (let f = 0; f < F; f++) {
        let m = -Infinity;
        for (const [qy, qx] of [[0, 0], [0, 1], [1, 0], [1, 1]]) m = Math.max(m, conv[((2 * pi + qy) * W + 2 * pj + qx) * F + f]);
        a1[(pi * PW + pj) * F + f] = m; // NHWC flatten of the pooled map
      }
    }
  }
  const a2 = new Float64Array(HID);
  for (let u = 0; u < HID; u++) {
    let z = p.b1[u];
    for (let v = 0; v < FLAT; v++) z += a1[v] * p.w1[v * HID + u];
    a2[u] = Math.max(0, z) * mask[u];
  }
  const logits = Array.from({ length: K }, (_, k) => {
    let z = p.b2[k];
    for (let u = 0; u < HID; u++) z += a2[u] * p.w2[u * K + k];
    return z;
  });
  const top = Math.max(...logits);
  return top + Math.log(logits.reduce((s, z) => s + Math.exp(z - top), 0)) - logits[y];
}

/** Example i's gradient over every parameter, flattened in CNN_PARAM_KEYS order, by central differences. */
function fdGradient(p: Params64, x: Float32Array, y: number, mask: Float64Array): number[] {
  const h = 1e-6;
  const out: number[] = [];
  for (const key of CNN_PARAM_KEYS) {
    const t = p[key];
    for (let j = 0; j < t.length; j++) {
      const v = t[j];
      t[j] = v + h;
      const up = loss(p, x, y, mask);
      t[j] = v - h;
      const down = loss(p, x, y, mask);
      t[j] = v;
      out.push((up - down) / (2 * h));
    }
  }
  return out;
}

async function flat(tensors: readonly tf.Tensor[]): Promise<Float32Array> {
  const parts = await Promise.all(tensors.map((t) => t.data() as Promise<Float32Array>));
  const out = new Float32Array(parts.reduce((s, a) => s + a.length, 0));
  let o = 0;
  for (const a of parts) (out.set(a, o), (o += a.length));
  return out;
}

/** The gradient one shared DP step applies, (old − new)/lr with SGD, and the initial parameters. */
async function appliedGradient(rows: number, dp: DpSgdOptions, noise: DpNoise | null = null): Promise<{ grad: number[]; init: Float32Array }> {
  const arch = cnnArchitecture(spec);
  const data = dataset();
  const params = arch.init([new Rng(1)]);
  const tensors = arch.tensors(params);
  const init = await flat(tensors);
  const optimizer = new Optimizer('sgd', LR, tensors.map((t) => t.shape));
  const batch = buildBatch(data, Int32Array.from({ length: rows }, (_, i) => i), K, undefined, new Rng(2));
  const ctx = { noise: noise ?? new DpNoise([new Rng(3)]), invExpectedBatch: [1 / (dp.sampleRate * N)] };
  const settings = { dropout: DROPOUT, l2: L2, l1: 0, dp };
  const next = trainStep(arch, params, optimizer, [batch], settings, [new Rng(7).fork('dropout')], ctx, null, new StepBuffers());
  const after = await flat(arch.tensors(next));
  tf.dispose(arch.tensors(next));
  optimizer.dispose();
  return { grad: Array.from(init, (v, j) => (v - after[j]) / LR), init };
}

/** The initial parameters in float64, and which flat entries get the L2 penalty. */
async function reference(): Promise<{ p: Params64; penalised: boolean[] }> {
  const arch = cnnArchitecture(spec);
  const params = arch.init([new Rng(1)]);
  const p = {} as Params64;
  const penalised: boolean[] = [];
  for (const key of CNN_PARAM_KEYS) {
    p[key] = Float64Array.from((await params[key].data()) as Float32Array);
    penalised.push(...new Array<boolean>(p[key].length).fill(CNN_WEIGHT_KEYS.includes(key)));
  }
  tf.dispose(arch.tensors(params));
  return { p, penalised };
}

/** The masks the step draws: rows × HID from the model's dropout stream, row by row. */
function dropoutMasks(rows: number): Float64Array[] {
  const buf = new Float32Array(rows * HID);
  fillDropoutMask(buf, 0, rows, HID, DROPOUT, new Rng(7).fork('dropout'));
  return Array.from({ length: rows }, (_, i) => Float64Array.from(buf.subarray(i * HID, (i + 1) * HID)));
}

function worstRelative(got: readonly number[], want: readonly number[]): number {
  const scale = Math.max(...want.map(Math.abs));
  return Math.max(...got.map((v, j) => Math.abs(v - want[j]) / Math.max(Math.abs(want[j]), 1e-2 * scale)));
}

describe('a CNN DP-SGD step through the shared trainer', () => {
  it('applies (Σ clip_C(∇_i))/(q·n) + 2·λ·w, with ∇_i from finite differences of a float64 reference', async () => {
    const before = tf.memory().numTensors;
    const data = dataset();
    const { p, penalised } = await reference();
    const masks = dropoutMasks(B);
    const each = masks.map((mask, i) => fdGradient(p, data.x.subarray(i * D, (i + 1) * D), data.y[i], mask));
    const norms = each.map((g) => Math.hypot(...g));
    const clipNorm = [...norms].sort((a, b) => a - b)[B >> 1]; // the median: some rows clip, some don't
    expect(norms.filter((v) => v > clipNorm * 1.01).length).toBeGreaterThan(0);
    expect(norms.filter((v) => v < clipNorm * 0.99).length).toBeGreaterThan(0);
    const sampleRate = 0.25; // q·n = 4 while the realised batch is 8: the division must use q·n
    const want = each[0].map((_, j) =>
      each.reduce((s, g, i) => s + g[j] * Math.min(1, clipNorm / norms[i]), 0) / (sampleRate * N));
    const { grad, init } = await appliedGradient(B, { noiseMultiplier: 0, clipNorm, sampleRate });
    // The L2 term is added after clipping and noise, on weights only, unclipped.
    const withPenalty = want.map((g, j) => g + (penalised[j] ? 2 * L2 * init[j] : 0));
    const worst = worstRelative(grad, withPenalty);
    expect(worst).toBeLessThan(1e-3);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('applies only the penalty on an empty Poisson batch', async () => {
    const { grad, init } = await appliedGradient(0, { noiseMultiplier: 0, clipNorm: 1, sampleRate: 0.25 });
    const { penalised } = await reference();
    expect(worstRelative(grad, Array.from(init, (w, j) => (penalised[j] ? 2 * L2 * w : 0)))).toBeLessThan(1e-4);
  });

  it('adds fresh N(0, (σC/(q·n))²) noise to every coordinate at each step', async () => {
    const dp = { noiseMultiplier: 2, clipNorm: 0.5, sampleRate: 0.25 };
    const clean = (await appliedGradient(B, { ...dp, noiseMultiplier: 0 })).grad;
    const source = new DpNoise([new Rng(3)]);
    const first = (await appliedGradient(B, dp, source)).grad.map((g, j) => g - clean[j]);
    const second = (await appliedGradient(B, dp, source)).grad.map((g, j) => g - clean[j]);
    const want = (dp.noiseMultiplier * dp.clipNorm) / (dp.sampleRate * N);
    const m = first.length;
    const std = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0) / m);
    // 215 coordinates: the sample std is within ±15% of σC/(q·n) with overwhelming probability.
    expect(std(first) / want).toBeGreaterThan(0.85);
    expect(std(first) / want).toBeLessThan(1.15);
    expect(std(second) / want).toBeGreaterThan(0.85);
    expect(std(second) / want).toBeLessThan(1.15);
    const corr = first.reduce((s, x, j) => s + x * second[j], 0) / (m * std(first) * std(second));
    expect(Math.abs(corr)).toBeLessThan(0.25);
  });
});
