/**
 * @fileoverview A monotonic millisecond clock for timings, without DOM or Node types.
 */
const perf = (globalThis as unknown as { performance?: { now(): number } }).performance;

/** Milliseconds from an arbitrary origin; use differences only. */
export function nowMs(): number {
  return perf ? perf.now() : Date.now();
}
