/**
 * @fileoverview The geometry of one DP-SGD step in 2-D, for the clipping animation: per-example
 * gradients, each clipped to norm C, their sum, and the sum plus Gaussian noise N(0, σ²C²). Pure.
 */
import { Rng } from '../../core/rng';

export type Vec = readonly [number, number];

export interface DpStep {
  readonly raw: readonly Vec[];
  readonly clipped: readonly Vec[];
  /** Per example: the factor min(1, C/‖g‖) its gradient was scaled by. */
  readonly factors: readonly number[];
  readonly sum: Vec;
  readonly noise: Vec;
  readonly noisySum: Vec;
}

const norm = (v: Vec) => Math.hypot(v[0], v[1]);

/** A batch of `n` gradients with norms between 0.3 and 3, seeded. Pure. */
export function makeBatch(n: number, seed: number): Vec[] {
  const rng = new Rng(seed);
  // Gradients of one batch mostly agree on a direction, with a few outliers pulling hard.
  const heading = rng.uniform(0, 2 * Math.PI);
  return Array.from({ length: n }, () => {
    const angle = heading + rng.normal(0, 0.9);
    const length = Math.exp(rng.uniform(Math.log(0.3), Math.log(3)));
    return [length * Math.cos(angle), length * Math.sin(angle)] as Vec;
  });
}

/** Clips, sums and adds noise with standard deviation σC per coordinate (noise drawn from `seed`). Pure. */
export function dpStep(raw: readonly Vec[], clipNorm: number, noiseMultiplier: number, seed: number): DpStep {
  const factors = raw.map((g) => Math.min(1, clipNorm / Math.max(norm(g), 1e-12)));
  const clipped = raw.map((g, i) => [g[0] * factors[i], g[1] * factors[i]] as Vec);
  const sum: Vec = [clipped.reduce((s, g) => s + g[0], 0), clipped.reduce((s, g) => s + g[1], 0)];
  const rng = new Rng(seed).fork('noise');
  const noise: Vec = [rng.normal(0, noiseMultiplier * clipNorm), rng.normal(0, noiseMultiplier * clipNorm)];
  return { raw, clipped, factors, sum, noise, noisySum: [sum[0] + noise[0], sum[1] + noise[1]] };
}

/** Gradient i's endpoint at animation time t (0 = raw, 1 = clipped), clipping one example after another. Pure. */
export function clipAt(step: DpStep, i: number, t: number): Vec {
  const n = step.raw.length;
  const local = Math.min(1, Math.max(0, t * n - i));
  const f = 1 + (step.factors[i] - 1) * local;
  return [step.raw[i][0] * f, step.raw[i][1] * f];
}
