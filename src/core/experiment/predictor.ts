/**
 * @fileoverview What the attacker can query of a trained model: its outputs on new inputs and its
 * per-example gradient norms. The engine's predictors (engine/experiment/predictors.ts) implement
 * it over tfjs models; the page's job runner implements it with handles that query a worker. Types
 * only, so the attack stage and the artifacts can be typed without the engine.
 */
import type { TrainedModel } from '../models/types';

export interface Predictor {
  readonly models: readonly TrainedModel[];
  readonly numClasses: number;
  /** Epoch training stopped at, and the best epoch restored (max over ensemble members). */
  readonly stoppedEpoch: number;
  readonly bestEpoch: number;
  /** Softmax probabilities, n × C (averaged over ensemble members). */
  probs(x: Float32Array, n: number): Promise<Float32Array>;
  /** Logits, n × C; for an ensemble, log of the averaged probabilities (softmax of it gives them back). */
  logits(x: Float32Array, n: number): Promise<Float32Array>;
  /** Per-example gradient norms (mean over ensemble members). */
  gradNorms(x: Float32Array, y: Int32Array, n: number): Promise<Float32Array>;
  dispose(): void;
}
