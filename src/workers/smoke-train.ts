/**
 * @fileoverview A tiny end-to-end training run that proves the worker's backend computes
 * correctly: a 2→8→2 MLP learns XOR-like quadrants with autodiff. Used by the status chip's
 * self-test and by the browser tests; the real engine lives in src/core/train.
 */
import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '../core/rng';

export interface SmokeResult {
  readonly backend: string;
  readonly initialLoss: number;
  readonly finalLoss: number;
  readonly accuracy: number;
  readonly ms: number;
  /** Live tensors after the run minus before; 0 when nothing leaked. */
  readonly leakedTensors: number;
}

function quadrants(n: number, rng: Rng): { x: Float32Array; y: Float32Array } {
  const x = new Float32Array(n * 2);
  const y = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    const a = rng.uniform(-1, 1), b = rng.uniform(-1, 1);
    x[2 * i] = a;
    x[2 * i + 1] = b;
    y[2 * i + (a * b > 0 ? 1 : 0)] = 1;
  }
  return { x, y };
}

/** Trains the tiny model for `steps` full-batch Adam steps; reads results asynchronously only. */
export async function smokeTrain(steps = 150, seed = 1): Promise<SmokeResult> {
  const before = tf.memory().numTensors;
  const t0 = performance.now();
  const rng = new Rng(seed);
  const { x, y } = quadrants(256, rng);
  // tf.variable keeps its initial value alive, so the initial tensors are made inside tidy.
  const init = (rows: number, cols: number) =>
    tf.tidy(() => tf.variable(tf.tensor2d(Float32Array.from({ length: rows * cols }, () => rng.normal(0, Math.sqrt(2 / rows))), [rows, cols])));
  const w1 = init(2, 16), b1 = tf.tidy(() => tf.variable(tf.zeros([16])));
  const w2 = init(16, 2), b2 = tf.tidy(() => tf.variable(tf.zeros([2])));
  const xs = tf.tensor2d(x, [256, 2]);
  const ys = tf.tensor2d(y, [256, 2]);
  const logits = () => tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(xs, w1), b1)), w2), b2);
  const loss = () => tf.losses.softmaxCrossEntropy(ys, logits()) as tf.Scalar;
  const optimizer = tf.train.adam(0.05);
  let initialLoss = NaN;
  let finalLoss = NaN;
  for (let s = 0; s < steps; s++) {
    const value = optimizer.minimize(loss, true);
    if (value) {
      if (s === 0) initialLoss = (await value.data())[0];
      if (s === steps - 1) finalLoss = (await value.data())[0];
      value.dispose();
    }
  }
  const correct = tf.tidy(() => tf.sum(tf.cast(tf.equal(tf.argMax(logits(), 1), tf.argMax(ys, 1)), 'float32')));
  const accuracy = (await correct.data())[0] / 256;
  tf.dispose([correct, xs, ys, w1, b1, w2, b2]);
  optimizer.dispose();
  return {
    backend: tf.getBackend(),
    initialLoss,
    finalLoss,
    accuracy,
    ms: performance.now() - t0,
    leakedTensors: tf.memory().numTensors - before,
  };
}
