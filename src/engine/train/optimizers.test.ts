import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../cli/tf-node';
import { Rng } from '../../core/rng';
import { Optimizer } from './optimizers';

beforeAll(async () => {
  await initNodeBackend('cpu');
});

const SHAPES = [[5, 3], [3]];

function randomTensors(rng: Rng): tf.Tensor[] {
  return SHAPES.map((s) => tf.tensor(Float32Array.from({ length: s.reduce((a, b) => a * b, 1) }, () => rng.uniform(-1, 1)), s));
}

describe('Optimizer', () => {
  it.each([
    ['adam', () => tf.train.adam(0.05, 0.9, 0.999, 1e-8)],
    ['sgd', () => tf.train.sgd(0.05)],
  ] as const)('%s matches tf.train over several steps (bias-corrected Adam)', async (name, reference) => {
    const rng = new Rng(1);
    const start = randomTensors(rng);
    const steps = Array.from({ length: 4 }, () => randomTensors(rng));
    const mine = new Optimizer(name, 0.05, SHAPES);
    let params = start.map((t) => t.clone());
    for (const grads of steps) {
      const next = mine.step(params, grads);
      tf.dispose(params);
      params = next;
    }
    const vars = start.map((t, i) => tf.variable(t.clone(), true, `opt-test-${name}-${i}`));
    const ref = reference();
    for (const grads of steps) ref.applyGradients(vars.map((v, i) => ({ name: v.name, tensor: grads[i] })));
    for (let i = 0; i < params.length; i++) {
      const [a, b] = [await params[i].data(), await vars[i].data()];
      // tf.train keeps β₂ᵗ in float32, so its 1 − β₂ᵗ is off by ~1e-5 relative at small t; ours is exact.
      a.forEach((v, j) => expect(Math.abs(v - b[j])).toBeLessThan(1e-5));
    }
    expect(mine.steps).toBe(4);
    mine.dispose();
    ref.dispose();
    tf.dispose([...params, ...vars, ...start, ...steps.flat()]);
  });

  it('leaves a model frozen where the active mask is 0 (stacked early stopping)', async () => {
    const p = [tf.ones([2, 2, 2])];
    const g = [tf.ones([2, 2, 2])];
    const active = tf.tensor([1, 0], [2, 1, 1]);
    const opt = new Optimizer('sgd', 0.5, [[2, 2, 2]]);
    const [next] = opt.step(p, g, active);
    expect(Array.from(await next.data())).toEqual([0.5, 0.5, 0.5, 0.5, 1, 1, 1, 1]);
    opt.dispose();
    tf.dispose([...p, ...g, active, next]);
  });
});
