/**
 * @fileoverview SGD and Adam written as plain tensor updates on any architecture's parameters (the
 * shared step, step.ts, uses one for the MLP and the CNN alike).
 *
 * tfjs's own optimizers expect tf.Variables and autodiff; here parameters are ordinary tensors that
 * the training loop swaps each step, which works identically on every backend. Constants are held
 * as kept scalars so no per-op scalar tensors are created in the hot loop.
 *
 * Adam follows Kingma & Ba (2015) with bias correction, in PyTorch's arrangement:
 *   m ← β₁m + (1−β₁)g,  v ← β₂v + (1−β₂)g²,
 *   w ← w − lr/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + ε)
 *     = w − [lr·√(1−β₂ᵗ)/(1−β₁ᵗ)] · m / (√v + ε·√(1−β₂ᵗ)).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { OptimizerName } from '../../core/models/types';

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-8;

/** A stateful optimizer over a fixed list of parameter tensors. */
export class Optimizer {
  private readonly name: OptimizerName;
  private readonly lr: number;
  private m: tf.Tensor[] = [];
  private v: tf.Tensor[] = [];
  private t = 0;
  private readonly consts: tf.Scalar[];

  /** @param shapes the shapes of the parameter tensors, in the order `step` receives them */
  constructor(name: OptimizerName, learningRate: number, shapes: readonly number[][]) {
    this.name = name;
    this.lr = learningRate;
    this.consts = [BETA1, 1 - BETA1, BETA2, 1 - BETA2, -learningRate].map((c) => tf.keep(tf.scalar(c)));
    if (name === 'adam') {
      this.m = shapes.map((s) => tf.zeros(s));
      this.v = shapes.map((s) => tf.zeros(s));
    }
  }

  /**
   * One update. Returns new parameter tensors; does not dispose `params` or `grads`.
   * Replaces (and disposes) the optimizer's own moment tensors.
   * @param active optional per-model 0/1 mask that broadcasts against each parameter (stacked
   *   layout, [K, 1, 1]); a 0 keeps that model's parameters unchanged (it has stopped early).
   */
  step(params: readonly tf.Tensor[], grads: readonly tf.Tensor[], active: tf.Tensor | null = null): tf.Tensor[] {
    this.t++;
    const [b1, oneMinusB1, b2, oneMinusB2, negLr] = this.consts;
    const freeze = (p: tf.Tensor, next: tf.Tensor) => (active ? tf.add(p, tf.mul(active, tf.sub(next, p))) : next);
    if (this.name === 'sgd') {
      return tf.tidy(() => params.map((p, i) => freeze(p, tf.add(p, tf.mul(grads[i], negLr)))));
    }
    const bc1 = 1 - BETA1 ** this.t;
    const bc2 = 1 - BETA2 ** this.t;
    const result = tf.tidy(() => {
      const stepSize = tf.scalar((-this.lr * Math.sqrt(bc2)) / bc1);
      const eps = tf.scalar(EPSILON * Math.sqrt(bc2));
      const m = grads.map((g, i) => tf.add(tf.mul(this.m[i], b1), tf.mul(g, oneMinusB1)));
      const v = grads.map((g, i) => tf.add(tf.mul(this.v[i], b2), tf.mul(tf.square(g), oneMinusB2)));
      const p = params.map((w, i) => freeze(w, tf.add(w, tf.mul(tf.div(m[i], tf.add(tf.sqrt(v[i]), eps)), stepSize))));
      return { m, v, p };
    });
    tf.dispose([...this.m, ...this.v]);
    this.m = result.m;
    this.v = result.v;
    return result.p;
  }

  /** Number of updates applied so far. */
  get steps(): number {
    return this.t;
  }

  /** Frees the moment estimates and constants. */
  dispose(): void {
    tf.dispose([...this.m, ...this.v, ...this.consts]);
    this.m = [];
    this.v = [];
  }
}
