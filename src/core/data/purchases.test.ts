import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { DEFAULT_FLIP_PROBABILITY, purchasePrototypes, purchases } from './purchases';

/** Fraction of row i's bits that differ from prototype c. */
function disagreement(x: Float32Array, i: number, protos: Uint8Array, c: number, d: number): number {
  let diff = 0;
  for (let j = 0; j < d; j++) if (x[i * d + j] !== protos[c * d + j]) diff++;
  return diff / d;
}

describe('purchases', () => {
  it('defaults to 600 binary features and 50 classes, balanced', () => {
    const ds = purchases({ n: 500 }, new Rng(1));
    expect(ds.kind).toBe('tabular');
    expect(ds.d).toBe(600);
    expect(ds.numClasses).toBe(50);
    expect(ds.x.length).toBe(500 * 600);
    expect(ds.featureNames).toHaveLength(600);
    expect(ds.x.every((v) => v === 0 || v === 1)).toBe(true);
    const counts = new Array<number>(50).fill(0);
    for (const c of ds.y) counts[c]++;
    expect(Math.min(...counts)).toBe(10);
    expect(Math.max(...counts)).toBe(10);
  });

  it('flips each bit of the class prototype with the chosen probability', () => {
    const seed = 4, k = 20, d = 300;
    for (const flip of [0.1, DEFAULT_FLIP_PROBABILITY]) {
      const ds = purchases({ n: 400, classes: k, features: d, flipProbability: flip }, new Rng(seed));
      const protos = purchasePrototypes(k, d, new Rng(seed).fork('prototypes'));
      let own = 0, other = 0;
      for (let i = 0; i < ds.n; i++) {
        own += disagreement(ds.x, i, protos, ds.y[i], d);
        other += disagreement(ds.x, i, protos, (ds.y[i] + 1) % k, d);
      }
      expect(own / ds.n).toBeCloseTo(flip, 2);
      expect(other / ds.n).toBeCloseTo(0.5, 1);
    }
  });

  it('draws prototypes with about half the bits set, and records match them exactly at flip 0', () => {
    const protos = purchasePrototypes(50, 600, new Rng(2));
    const density = protos.reduce((s, b) => s + b, 0) / protos.length;
    expect(density).toBeGreaterThan(0.48);
    expect(density).toBeLessThan(0.52);
    const ds = purchases({ n: 60, classes: 5, features: 40, flipProbability: 0 }, new Rng(3));
    const p = purchasePrototypes(5, 40, new Rng(3).fork('prototypes'));
    for (let i = 0; i < ds.n; i++) expect(disagreement(ds.x, i, p, ds.y[i], 40)).toBe(0);
  });

  it('is deterministic per seed and differs across seeds', () => {
    const a = purchases({ n: 50, features: 64 }, new Rng(9));
    const b = purchases({ n: 50, features: 64 }, new Rng(9));
    const c = purchases({ n: 50, features: 64 }, new Rng(10));
    expect(Array.from(b.x)).toEqual(Array.from(a.x));
    expect(Array.from(b.y)).toEqual(Array.from(a.y));
    expect(Array.from(c.x)).not.toEqual(Array.from(a.x));
  });

  it('draws outliers from another class prototype but keeps their label', () => {
    const k = 10, d = 400;
    const ds = purchases({ n: 200, classes: k, features: d, flipProbability: 0.2, outliers: 0.1 }, new Rng(6));
    const protos = purchasePrototypes(k, d, new Rng(6).fork('prototypes'));
    expect(ds.outlierRows).toHaveLength(20);
    for (const i of ds.outlierRows!) expect(disagreement(ds.x, i, protos, ds.y[i], d)).toBeGreaterThan(0.35);
    for (let i = 0; i < ds.n; i++) {
      if (!ds.outlierRows!.includes(i)) expect(disagreement(ds.x, i, protos, ds.y[i], d)).toBeLessThan(0.3);
    }
  });

  it('rejects out-of-range options with the field name', () => {
    expect(() => purchases({ n: 10, classes: 101 }, new Rng(1))).toThrow(/classes/);
    expect(() => purchases({ n: 10, flipProbability: 0.7 }, new Rng(1))).toThrow(/flipProbability/);
  });
});
