import * as tf from '@tensorflow/tfjs-core';
// Autodiff is only the reference here; the engine itself never registers gradients.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../cli/tf-node';
import type { Activation, MlpSpec } from '../../core/models/types';
import { Rng } from '../../core/rng';
import { addPenaltyGrads, meanLossGrads } from './mlp-backward';
import { forward } from './mlp-forward';
import { initParams, type MlpParams } from './mlp-params';

beforeAll(async () => {
  await initNodeBackend('cpu'); // exact float32 reference arithmetic
});

const B = 8, D = 7, C = 4;

/** Params with random (non-zero) biases too, so bias gradients are exercised. */
function randomParams(spec: MlpSpec, seeds: number[]): MlpParams {
  const p = initParams(spec, seeds.map((s) => new Rng(s)));
  const rng = new Rng(seeds[0] + 1000);
  const biases = p.biases.map((b) => {
    const v = Float32Array.from({ length: b.size }, () => rng.uniform(-0.5, 0.5));
    b.dispose();
    return tf.tensor(v, b.shape);
  });
  return { weights: p.weights, biases, k: p.k };
}

function randomInputs(seed: number, rows = B) {
  const rng = new Rng(seed);
  const x = tf.tensor(Float32Array.from({ length: rows * D }, () => rng.uniform(-2, 2)), [rows, D]);
  const t = new Float32Array(rows * C);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let c = 0; c < C; c++) s += t[r * C + c] = rng.next() + 0.05;
    for (let c = 0; c < C; c++) t[r * C + c] /= s; // soft targets, rows sum to 1
  }
  return { x, targets: tf.tensor(t, [rows, C]) };
}

/** The same loss written with ordinary ops for autodiff: mean soft CE + λ₂Σw² + λ₁Σ|w|. */
function referenceLoss(
  act: Activation, x: tf.Tensor, targets: tf.Tensor, ws: tf.Tensor[], bs: tf.Tensor[],
  l2: number, l1: number, masks: tf.Tensor[] | null,
): tf.Scalar {
  let a = x;
  for (let l = 0; l < ws.length; l++) {
    const z = tf.add(tf.matMul(a, ws[l]), bs[l]);
    if (l === ws.length - 1) { a = z; break; }
    const h = act === 'relu' ? tf.relu(z) : act === 'tanh' ? tf.tanh(z) : tf.sigmoid(z);
    a = masks ? tf.mul(h, masks[l]) : h;
  }
  let loss = tf.mean(tf.neg(tf.sum(tf.mul(targets, tf.logSoftmax(a)), -1)));
  for (const w of ws) {
    if (l2) loss = tf.add(loss, tf.mul(l2, tf.sum(tf.square(w))));
    if (l1) loss = tf.add(loss, tf.mul(l1, tf.sum(tf.abs(w))));
  }
  return loss as tf.Scalar;
}

async function maxAbsDiff(a: tf.Tensor[], b: tf.Tensor[]): Promise<number> {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    expect(a[i].shape).toEqual(b[i].shape);
    const [da, db] = [await a[i].data(), await b[i].data()];
    for (let j = 0; j < da.length; j++) worst = Math.max(worst, Math.abs(da[j] - db[j]));
  }
  return worst;
}

describe('hand-written backprop', () => {
  const cases: Array<[number[], Activation]> = [];
  for (const hidden of [[], [6], [6, 5], [5, 4, 3]]) for (const act of ['relu', 'tanh', 'sigmoid'] as const) cases.push([hidden, act]);

  it.each(cases)('matches tf autodiff with hidden %j and %s, soft targets, L2 and L1', async (hidden, act) => {
    const spec: MlpSpec = { type: 'mlp', inputDim: D, hidden, activation: act, numClasses: C };
    const start = tf.memory().numTensors;
    const params = randomParams(spec, [hidden.length * 10 + act.length]);
    const { x, targets } = randomInputs(3);
    const [l2, l1] = [0.01, 0.003];
    const mine = tf.tidy(() => {
      const g = addPenaltyGrads(meanLossGrads(params, forward(params, x, act), targets, act, 1 / B), params.weights, l2, l1);
      return [...g.weights, ...g.biases];
    });
    const n = params.weights.length;
    const ref = tf.tidy(() =>
      tf.grads((...ps: tf.Tensor[]) => referenceLoss(act, x, targets, ps.slice(0, n), ps.slice(n), l2, l1, null))([
        ...params.weights, ...params.biases,
      ]),
    );
    expect(await maxAbsDiff(mine, ref)).toBeLessThan(1e-5);
    tf.dispose([...mine, ...ref, x, targets, ...params.weights, ...params.biases]);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('matches autodiff through inverted-dropout masks', async () => {
    const spec: MlpSpec = { type: 'mlp', inputDim: D, hidden: [6, 5], activation: 'tanh', numClasses: C };
    const params = randomParams(spec, [77]);
    const { x, targets } = randomInputs(4);
    const rng = new Rng(5);
    const masks = spec.hidden.map((h) => tf.tensor(Float32Array.from({ length: B * h }, () => (rng.next() < 0.3 ? 0 : 1 / 0.7)), [B, h]));
    const mine = tf.tidy(() => {
      const g = meanLossGrads(params, forward(params, x, 'tanh', masks), targets, 'tanh', 1 / B, masks);
      return [...g.weights, ...g.biases];
    });
    const ref = tf.tidy(() =>
      tf.grads((...ps: tf.Tensor[]) => referenceLoss('tanh', x, targets, ps.slice(0, 3), ps.slice(3), 0, 0, masks))([
        ...params.weights, ...params.biases,
      ]),
    );
    expect(await maxAbsDiff(mine, ref)).toBeLessThan(1e-5);
    tf.dispose([...mine, ...ref, x, targets, ...masks, ...params.weights, ...params.biases]);
  });

  it('gives each stacked model the gradient it gets alone (3-D layout)', async () => {
    const spec: MlpSpec = { type: 'mlp', inputDim: D, hidden: [6], activation: 'sigmoid', numClasses: C };
    const seeds = [11, 12, 13];
    const stacked = randomParams(spec, seeds);
    const inputs = seeds.map((s) => randomInputs(s));
    const stackedGrads = tf.tidy(() => {
      const x = tf.stack(inputs.map((i) => i.x));
      const t = tf.stack(inputs.map((i) => i.targets));
      const g = addPenaltyGrads(meanLossGrads(stacked, forward(stacked, x, 'sigmoid'), t, 'sigmoid', 1 / B), stacked.weights, 0.02, 0);
      return [...g.weights, ...g.biases];
    });
    for (let m = 0; m < seeds.length; m++) {
      const single = tf.tidy(() => {
        const p: MlpParams = {
          weights: stacked.weights.map((w) => tf.squeeze(tf.slice(w, [m, 0, 0], [1, -1, -1]), [0])),
          biases: stacked.biases.map((b) => tf.reshape(tf.slice(b, [m, 0, 0], [1, -1, -1]), [-1])),
          k: 1,
        };
        const g = addPenaltyGrads(meanLossGrads(p, forward(p, inputs[m].x, 'sigmoid'), inputs[m].targets, 'sigmoid', 1 / B), p.weights, 0.02, 0);
        return [...g.weights, ...g.biases];
      });
      const fromStack = tf.tidy(() => stackedGrads.map((g, i) => tf.reshape(tf.slice(g, [m, 0, 0], [1, -1, -1]), single[i].shape)));
      expect(await maxAbsDiff(fromStack, single)).toBeLessThan(1e-6);
      tf.dispose([...single, ...fromStack]);
    }
    tf.dispose([...stackedGrads, ...stacked.weights, ...stacked.biases, ...inputs.flatMap((i) => [i.x, i.targets])]);
  });
});
