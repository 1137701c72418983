/**
 * @fileoverview Chooses how K models of one architecture train: stacked into batched 3-D ops, or
 * one after another with 2-D ops.
 *
 * On wasm, batched (3-D) matMul misses XNNPACK and 16 stacked models ran about 5× slower than 16
 * sequential ones; on cpu it broke even (measured). On a GPU, where per-op dispatch
 * dominates, one batched op beats K small ones. Both give the same numbers (within float
 * tolerance), so the choice is purely about speed.
 */
import type { TrainOptions, TrainingData } from '../../core/models/types';
import type { TrainingStrategy } from './trained-model';

export type { TrainingStrategy } from './trained-model';

/** What the caller asked for (TrainHooks.strategy). */
export type StrategyRequest = 'auto' | 'batched' | 'sequential';

/** Backends on which batched training is the default. */
const BATCHED_BACKENDS = new Set(['webgpu', 'webgl']);

/** The strategy `auto` picks on a backend: batched on GPUs, sequential on wasm and cpu. */
export function defaultStrategy(backend: string): TrainingStrategy {
  return BATCHED_BACKENDS.has(backend) ? 'batched' : 'sequential';
}

/**
 * Whether `sets` can train stacked: without DP every model must take the same number of steps of
 * the same size, so the training sets must have equal n (validation rows are separate and may
 * differ). With DP the steps per epoch are round(1/q) for every model and unequal Poisson batches
 * are padded.
 */
export function canStack(sets: readonly TrainingData[], options: TrainOptions): boolean {
  if (options.dp) return true;
  return sets.every((s) => s.n === sets[0].n);
}

/**
 * The strategy `trainModels` will use, and why. Pure: call it to report the choice before or
 * after training (each MlpModel also records it in `strategy`).
 * @param backend tf.getBackend() at training time
 */
export function resolveStrategy(
  requested: StrategyRequest | undefined,
  backend: string,
  sets: readonly TrainingData[],
  options: TrainOptions,
): { strategy: TrainingStrategy; reason: string } {
  if (sets.length <= 1) return { strategy: 'sequential', reason: 'one model' };
  if (requested === 'sequential') return { strategy: 'sequential', reason: 'requested' };
  if (!canStack(sets, options)) return { strategy: 'sequential', reason: 'training sets differ in size' };
  if (requested === 'batched') return { strategy: 'batched', reason: 'requested' };
  const strategy = defaultStrategy(backend);
  return { strategy, reason: `default on ${backend}` };
}
