/**
 * @fileoverview A cheap per-epoch check that a model's tensors still hold finite numbers: one
 * element-wise op and one scalar read, so divergence is caught at the epoch it happens instead of
 * surfacing later as NaN scores in an attack.
 */
import * as tf from '@tensorflow/tfjs-core';

/**
 * True when any of `tensors` holds NaN or ±Infinity: x·0 is 0 for every finite x and NaN
 * otherwise, so the sum of all x·0 is NaN exactly then (and never overflows). One asynchronous
 * read; disposes what it makes; does not mutate `tensors`.
 */
export async function anyNonFinite(tensors: readonly tf.Tensor[]): Promise<boolean> {
  if (tensors.length === 0) return false;
  const flag = tf.tidy(() => tf.addN(tensors.map((t) => tf.sum(tf.mul(t, 0)))));
  try {
    return !Number.isFinite((await flag.data())[0]);
  } finally {
    flag.dispose();
  }
}
