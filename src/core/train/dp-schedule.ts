/**
 * @fileoverview The DP-SGD step schedule. Pure arithmetic with no tensors, so the privacy
 * accounting (and the page's ε preview) can use it without loading TensorFlow.js.
 */

/** Steps per epoch under Poisson sampling at rate q: round(1/q), at least 1. */
export function dpStepsPerEpoch(sampleRate: number): number {
  return Math.max(1, Math.round(1 / sampleRate));
}
