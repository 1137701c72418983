import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
// Only the reference network uses autodiff; tfjs-core alone registers no gradients.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { initNodeBackend } from '../../cli/tf-node';
import { Rng } from '../../core/rng';
import {
  CNN_PARAM_KEYS, cnnBackprop, cnnDims, cnnForward, im2col, initCnnParams, patchTensors, perExampleSqNorms,
  scaleExamples, sumGradients,
} from './cnn-math';
import type { CnnDims, CnnParams } from './cnn-math';
import { clipFactors } from '../train/dp-sgd';
import { logitGrad } from '../train/loss-grads';
import { CnnModel } from './cnn-model';
import { fillDropoutMask, oneHot } from '../../core/train/batches';

// Odd height, two channels, three classes: exercises patch ordering and floor pooling.
const spec = { type: 'cnn', imageShape: [7, 6, 2], filters: 3, hidden: 5, numClasses: 3 } as const;

function randomParams(dims: CnnDims, seed: number): CnnParams {
  const rng = new Rng(seed);
  const p = initCnnParams(dims, rng);
  for (const k of ['convB', 'b1', 'b2'] as const) { // non-zero biases make the check stricter
    const t = tf.tensor(Float32Array.from({ length: p[k].size }, () => rng.uniform(-0.3, 0.3)), p[k].shape);
    p[k].dispose();
    p[k] = t;
  }
  return p;
}

function randomImages(n: number, dims: CnnDims, rng: Rng): { x: Float32Array; y: Int32Array } {
  const x = new Float32Array(n * dims.d);
  rng.fillNormal(x);
  return { x, y: Int32Array.from({ length: n }, () => rng.int(dims.classes)) };
}

/** The same network written the obvious way (tf.conv2d), summed cross-entropy, gradients by autodiff. */
function referenceGrads(p: CnnParams, dims: CnnDims, x: Float32Array, targets: Float32Array, rows: number, mask: Float32Array | null): tf.Tensor[] {
  const images = tf.tensor4d(x, [rows, dims.h, dims.w, dims.c]);
  const t = tf.tensor2d(targets, [rows, dims.classes]);
  const m = mask ? tf.tensor2d(mask, [rows, dims.hidden]) : null;
  const loss = (convW: tf.Tensor, convB: tf.Tensor, w1: tf.Tensor, b1: tf.Tensor, w2: tf.Tensor, b2: tf.Tensor) => {
    const kernel = tf.reshape(convW, [3, 3, dims.c, dims.filters]) as tf.Tensor4D;
    const z1 = tf.add(tf.conv2d(images, kernel, 1, 'same'), convB) as tf.Tensor4D;
    const a1 = tf.reshape(tf.maxPool(tf.relu(z1), 2, 2, 'valid'), [rows, dims.flat]) as tf.Tensor2D;
    let a2 = tf.relu(tf.add(tf.matMul(a1, w1 as tf.Tensor2D), b1)) as tf.Tensor2D;
    if (m) a2 = tf.mul(a2, m);
    const logits = tf.add(tf.matMul(a2, w2 as tf.Tensor2D), b2);
    return tf.neg(tf.sum(tf.mul(t, tf.logSoftmax(logits))));
  };
  return tf.grads(loss)(CNN_PARAM_KEYS.map((k) => p[k]));
}

function passes(p: CnnParams, dims: CnnDims, x: Float32Array, y: Int32Array, rows: number, mask: Float32Array | null) {
  const m = mask ? tf.tensor2d(mask, [rows, dims.hidden]) : null;
  const f = cnnForward(p, patchTensors(im2col(x, 0, rows, dims), rows, dims), rows, dims, m);
  return { f, b: cnnBackprop(p, f, logitGrad(f.logits, tf.tensor2d(oneHot(y, dims.classes), [rows, dims.classes])), dims, m) };
}

const dims = cnnDims(spec);

describe('cnn-math (cpu backend)', () => {
  beforeAll(async () => {
    await initNodeBackend('cpu');
  });

  it.each([
    ['noise images', false],
    ['mostly blank images, where pooling windows tie', true],
  ])('sums gradients exactly like autodiff on a tf.conv2d network, with dropout (%s)', async (_, blank) => {
    const p = randomParams(dims, 1);
    const rng = new Rng(2);
    const rows = 6;
    const { x, y } = randomImages(rows, dims, rng);
    if (blank) x.forEach((v, i) => { if (v < 2) x[i] = 0; }); // positive conv biases then tie exactly
    const mask = new Float32Array(rows * dims.hidden);
    fillDropoutMask(mask, 0, rows, dims.hidden, 0.4, rng);
    const diffs = tf.tidy(() => {
      const { f, b } = passes(p, dims, x, y, rows, mask);
      const mine = sumGradients(f, b, dims);
      const ref = referenceGrads(p, dims, x, oneHot(y, dims.classes), rows, mask);
      return tf.stack(CNN_PARAM_KEYS.map((k, i) => tf.max(tf.abs(tf.sub(mine[k], ref[i])))));
    });
    const worst = Math.max(...await diffs.data());
    diffs.dispose();
    expect(worst).toBeLessThan(1e-5);
    for (const k of CNN_PARAM_KEYS) p[k].dispose();
  });

  it('gives per-example gradient norms equal to one-at-a-time tf.grads within 1e-5', async () => {
    const p = randomParams(dims, 3);
    const model = new CnnModel(spec, p, 0, 0);
    const rng = new Rng(4);
    const n = 9;
    const { x, y } = randomImages(n, dims, rng);
    const norms = await model.perExampleGradNorms(x, y, n);
    const d = dims.d;
    for (let i = 0; i < n; i++) {
      const sq = tf.tidy(() => {
        const g = referenceGrads(p, dims, x.subarray(i * d, (i + 1) * d), oneHot(y.subarray(i, i + 1), dims.classes), 1, null);
        return tf.addN(g.map((t) => tf.sum(tf.square(t))));
      });
      const ref = Math.sqrt((await sq.data())[0]);
      sq.dispose();
      expect(ref).toBeGreaterThan(1e-3);
      expect(Math.abs(norms[i] - ref)).toBeLessThan(1e-5 * Math.max(1, ref));
    }
    model.dispose();
  });

  it('clips every per-example gradient to norm ≤ C and leaves small ones alone', async () => {
    const p = randomParams(dims, 5);
    const rng = new Rng(6);
    const rows = 16;
    const { x, y } = randomImages(rows, dims, rng);
    const normsT = tf.tidy(() => {
      const { f, b } = passes(p, dims, x, y, rows, null);
      return tf.sqrt(perExampleSqNorms(f, b, dims));
    });
    const before = await normsT.data();
    normsT.dispose();
    const sorted = Float32Array.from(before).sort();
    expect(sorted[0]).toBeLessThan(sorted[rows - 1] * 0.9); // the norms differ, so some clip and some don't
    const clip = sorted[rows >> 1]; // the median: clips about half
    const clippedNorms = tf.tidy(() => {
      const { f, b } = passes(p, dims, x, y, rows, null);
      return tf.sqrt(perExampleSqNorms(f, scaleExamples(b, clipFactors(perExampleSqNorms(f, b, dims), clip), dims), dims));
    });
    const out = await clippedNorms.data();
    clippedNorms.dispose();
    for (let i = 0; i < rows; i++) {
      expect(out[i]).toBeLessThanOrEqual(clip * (1 + 1e-5));
      if (before[i] < clip) expect(out[i]).toBeCloseTo(before[i], 5);
      else expect(out[i]).toBeCloseTo(clip, 4);
    }
    for (const k of CNN_PARAM_KEYS) p[k].dispose();
  });
});
