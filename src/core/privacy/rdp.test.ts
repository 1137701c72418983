import { describe, expect, it } from 'vitest';
import { computeRdp, DEFAULT_ORDERS, sampledGaussianRdp } from './rdp';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('DEFAULT_ORDERS', () => {
  it('is 1.1..10.9 in steps of 0.1, then 12..63', () => {
    expect(DEFAULT_ORDERS).toHaveLength(99 + 52);
    expect(DEFAULT_ORDERS[0]).toBeCloseTo(1.1, 12);
    expect(DEFAULT_ORDERS[98]).toBeCloseTo(10.9, 12);
    expect(DEFAULT_ORDERS[99]).toBe(12);
    expect(DEFAULT_ORDERS.at(-1)).toBe(63);
    expect(Object.isFrozen(DEFAULT_ORDERS)).toBe(true);
  });
});

describe('sampledGaussianRdp', () => {
  it('gives α/(2σ²) at q = 1 and Infinity at σ = 0', () => {
    expect(sampledGaussianRdp(1, 2, 7.5)).toBe(7.5 / 8);
    expect(sampledGaussianRdp(0.1, 0, 3)).toBe(Infinity);
    expect(sampledGaussianRdp(0.1, 0, 3.5)).toBe(Infinity);
  });

  it('matches the closed form at α = 2: log(1 + q²(e^(1/σ²) − 1))', () => {
    const want = 0.00017181342207454793099; // q = 0.01, σ = 1, from mpmath
    expect(rel(sampledGaussianRdp(0.01, 1, 2), want)).toBeLessThan(1e-12);
    // The fractional series just off α = 2 must agree with the integer sum.
    expect(rel(sampledGaussianRdp(0.01, 1, 2 + 1e-9), want)).toBeLessThan(1e-6);
  });

  it('matches numerical integration (mpmath) for fractional and integer orders', () => {
    // [q, σ, α, RDP] with RDP = log ∫ N(z; 0, σ²)((1 − q) + q·e^((2z − 1)/2σ²))^α dz / (α − 1).
    const cases = [
      [0.9, 0.3, 2.5, 13.713288040163746],
      [0.256, 0.8, 1.2, 0.09209069655312693],
      [0.01, 0.5, 3.7, 1.1111617172268922],
      [1e-6, 0.3, 5.5, 13.669931540265889],
      [0.99, 1, 1.5, 0.7382200454198489],
      [0.001, 5, 63, 1.2887908642976357e-6],
      [0.5, 30, 1.1, 0.00015280323732319858],
    ];
    for (const [q, s, a, want] of cases) expect(rel(sampledGaussianRdp(q, s, a), want)).toBeLessThan(1e-8);
  });

  it('never decreases with the order and falls as σ grows', () => {
    for (const [q, s] of [[0.01, 1], [0.256, 0.8], [0.5, 2], [0.004, 4]]) {
      const rdp = computeRdp(q, s);
      for (let i = 1; i < rdp.length; i++) expect(rdp[i]).toBeGreaterThanOrEqual(rdp[i - 1] * (1 - 1e-12));
      const more = computeRdp(q, s * 1.1);
      for (let i = 0; i < rdp.length; i++) expect(more[i]).toBeLessThanOrEqual(rdp[i]);
    }
  });

  it('stays finite, non-negative and quick at extreme settings', () => {
    const start = performance.now();
    for (const [q, s] of [[1e-9, 1e-3], [0.999999, 50], [0.5, 1000], [1e-6, 0.3], [0.9, 0.05]]) {
      for (const r of computeRdp(q, s)) {
        expect(r).toBeGreaterThanOrEqual(0);
        expect(Number.isFinite(r)).toBe(true);
      }
    }
    expect(performance.now() - start).toBeLessThan(3000);
  });

  it('bounds the slow case (q ≈ ½, huge σ) conservatively by the chord to the next integer order', () => {
    // log A_α is convex in α and log A_1 = 0, so RDP(1.1) ≤ RDP(2) whatever path computes it.
    const r = sampledGaussianRdp(0.5, 1000, 1.1);
    expect(r).toBeGreaterThan(0);
    expect(r).toBeLessThanOrEqual(sampledGaussianRdp(0.5, 1000, 2) * (1 + 1e-12));
  });

  it('rejects bad inputs with a message naming the parameter and range', () => {
    expect(() => sampledGaussianRdp(0, 1, 2)).toThrow('sampleRate must be in (0, 1], got 0');
    expect(() => sampledGaussianRdp(0.1, -1, 2)).toThrow('noiseMultiplier must be a finite number ≥ 0, got -1');
    expect(() => sampledGaussianRdp(0.1, 1, 1)).toThrow('order must be a finite number > 1, got 1');
  });
});
