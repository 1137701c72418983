/**
 * @fileoverview What the shared trainer needs from a network, and nothing more.
 *
 * The epoch loop (train-loop.ts), the step (step.ts: batching, dropout masks, the optimizer,
 * penalties) and the DP-SGD wrapper (dp-sgd.ts: clip, noise, division by q·n) are written once.
 * An architecture (the MLP in mlp-architecture.ts, the CNN in models/cnn-architecture.ts) supplies
 * its forward pass, its hand-written backward pass split into per-example signals and their sum,
 * and the exact per-example gradient norms DP-SGD clips by, in the spirit of Opacus's per-layer
 * grad samplers. Splitting backward from the sum is what lets DP-SGD scale each example's signals
 * (clip factor × 1/(q·n)) before the one matMul per layer that sums them.
 *
 * Tensor-returning methods make fresh tensors and dispose nothing; the step calls them inside
 * `tf.tidy`. ".." is the optional leading model axis K of a stack of K models trained together.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { EvalResult, TrainingData } from '../../core/models/types';
import type { Rng } from '../../core/rng';

/**
 * A trainable network. P: its parameters (one model, or K stacked when `canStack`); X: a batch's
 * input as the forward pass takes it; C: what the forward pass keeps for the backward pass;
 * S: per-example signals from the backward pass (row i depends on example i only).
 */
export interface Architecture<P, X, C extends { readonly logits: tf.Tensor }, S> {
  /** Features per row of the training data. */
  readonly inputDim: number;
  readonly numClasses: number;
  /** Whether K > 1 models can be stacked into one P (3-D ops); otherwise train them one by one. */
  readonly canStack: boolean;
  /** Widths of the activations dropout applies to, one mask each, in the order they are drawn. */
  readonly dropoutWidths: readonly number[];
  /**
   * Which entries of `tensors(p)` get the L1/L2 penalty (weights yes, biases no).
   * Same length and order as `tensors`.
   */
  readonly penalized: readonly boolean[];

  /** Initial parameters for K = rngs.length models; draws only from `rngs[m].fork('init')`. */
  init(rngs: readonly Rng[]): P;
  /**
   * The parameter tensors in one fixed order, borrowed (not copies). The order is the optimizer's
   * state order and the order DP noise is drawn in, so it fixes a seeded run's numbers.
   */
  tensors(p: P): tf.Tensor[];
  /** Parameters from tensors in `tensors`' order and layout; takes ownership of them. */
  fromTensors(flat: readonly tf.Tensor[], k: number): P;
  /** Model `m` of K stacked models in the single layout (new tensors; K = 1: a copy). */
  slice(p: P, m: number): P;
  /** K single-layout models (new tensors; K = 1: one copy). Does not dispose `p`. */
  unstack(p: P): P[];

  /**
   * A batch's input from packed rows: features [K·rows·inputDim] (K = lead[0] or 1).
   * @param lead [] for one model, [K] for stacked
   */
  input(features: Float32Array, rows: number, lead: readonly number[]): X;
  /** The forward pass with dropout masks ([.., rows, width] per `dropoutWidths`), or null for none. */
  forward(p: P, x: X, masks: readonly tf.Tensor[] | null): C;
  /** Back-propagates dLogits ([.., rows, classes], row i = d loss_i / d logits_i) to per-example signals. */
  backward(p: P, cache: C, dLogits: tf.Tensor, masks: readonly tf.Tensor[] | null): S;
  /** Exact squared L2 norm of each example's gradient over all parameters, [.., rows]. */
  sqNorms(cache: C, signals: S): tf.Tensor;
  /**
   * Σ_i factor_i · ∇_i: the gradient summed over rows, in `tensors`' order and shapes.
   * @param rowFactors [.., rows, 1] per-example multipliers, or null for a plain sum
   */
  gradSum(cache: C, signals: S, rowFactors: tf.Tensor | null): tf.Tensor[];

  /**
   * Mean cross-entropy, accuracy and (when asked) p(true class) of model k on `sets[k]`, without
   * dropout. Reads asynchronously; disposes every tensor it makes.
   */
  evaluate(p: P, sets: readonly TrainingData[], withConfidence: boolean): Promise<EvalResult[]>;
}
