import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeEpsilon, epsilonFloor, epsilonFromRdp, epsilonSeries, noiseForEpsilon } from './accountant';
import { computeRdp, DEFAULT_ORDERS } from './rdp';

interface Vector {
  q: number;
  sigma: number;
  steps: number;
  delta: number;
  eps: number;
  alpha: number;
}

// Read at test time from the repository's own fixtures (source: tests/fixtures/README.md); a missing
// file throws here and fails the suite rather than skipping it.
const REFERENCE = new URL('../../../tests/fixtures/dp-rdp-epsilon.json', import.meta.url);
const vectors = (JSON.parse(readFileSync(REFERENCE, 'utf8')) as { vectors: Vector[] }).vectors;

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('computeEpsilon against the reference vectors (Opacus RDP accountant)', () => {
  it('has vectors to check', () => expect(vectors.length).toBeGreaterThanOrEqual(40));

  it.each(vectors.map((v) => [`q=${v.q} σ=${v.sigma} T=${v.steps} δ=${v.delta}`, v] as const))('%s', (_, v) => {
    const got = computeEpsilon({ noiseMultiplier: v.sigma, sampleRate: v.q, steps: v.steps, delta: v.delta });
    expect(rel(got.epsilon, v.eps)).toBeLessThan(1e-6);
    expect(got.order).toBeCloseTo(v.alpha, 9);
    expect(got).toMatchObject({ delta: v.delta, accountant: 'rdp', infinite: false });
  });

  it("matches Opacus' own test value (q=0.04, σ=1.5, T=2250, δ=1e-5 → 7.32911117143)", () => {
    const got = computeEpsilon({ noiseMultiplier: 1.5, sampleRate: 0.04, steps: 2250, delta: 1e-5 });
    expect(rel(got.epsilon, 7.32911117143)).toBeLessThan(1e-6);
  });
});

describe('computeEpsilon edge cases', () => {
  it('gives an infinite ε without noise, flagged for JSON readers', () => {
    const got = computeEpsilon({ noiseMultiplier: 0, sampleRate: 0.01, steps: 10, delta: 1e-5 });
    expect(got.epsilon).toBe(Infinity);
    expect(got.infinite).toBe(true);
    expect(got.order).toBeNaN();
  });

  it('uses α/(2σ²) per step at q = 1 (full batch)', () => {
    const got = computeEpsilon({ noiseMultiplier: 1.5, sampleRate: 1, steps: 1, delta: 1e-5 });
    const a = got.order;
    const want = a / (2 * 1.5 * 1.5) - (Math.log(1e-5) + Math.log(a)) / (a - 1) + Math.log((a - 1) / a);
    expect(got.epsilon).toBeCloseTo(want, 12);
  });

  it('gives ε = 0 after zero steps', () => {
    expect(computeEpsilon({ noiseMultiplier: 1, sampleRate: 0.1, steps: 0, delta: 1e-5 }).epsilon).toBe(0);
  });

  it('stays finite and fast for a million steps', () => {
    const p = { noiseMultiplier: 0.8, sampleRate: 0.256, steps: 1_000_000, delta: 1e-5 };
    computeEpsilon(p); // warm up the JIT
    const start = performance.now();
    const got = computeEpsilon(p);
    const ms = performance.now() - start;
    expect(Number.isFinite(got.epsilon)).toBe(true);
    expect(got.epsilon).toBeGreaterThan(1000);
    // The budget is 50 ms; the margin absorbs a loaded CI machine.
    expect(ms).toBeLessThan(150);
  });

  it('gives the same ε as converting RDP at every order (skipping hopeless orders changes nothing)', () => {
    for (const [q, s, steps] of [[0.5, 2, 1000], [0.256, 0.8, 1], [0.01, 1, 10_000], [0.3, 30, 1_000_000], [0.9, 0.4, 5]]) {
      const full = computeRdp(q, s).map((r) => r * steps);
      const want = epsilonFromRdp(DEFAULT_ORDERS, full, 1e-5);
      expect(computeEpsilon({ noiseMultiplier: s, sampleRate: q, steps, delta: 1e-5 })).toEqual(want);
    }
  });

  it('clamps ε at 0 and keeps the first order on ties', () => {
    const got = epsilonFromRdp([2, 3], [-100, -100], 0.5);
    expect(got.epsilon).toBe(0);
    expect(got.order).toBe(2);
  });

  it.each([
    [{ sampleRate: 0 }, 'sampleRate must be in (0, 1], got 0'],
    [{ sampleRate: 1.5 }, 'sampleRate must be in (0, 1], got 1.5'],
    [{ sampleRate: NaN }, 'sampleRate must be in (0, 1], got NaN'],
    [{ delta: 0 }, 'delta must be in (0, 1), got 0'],
    [{ delta: 1 }, 'delta must be in (0, 1), got 1'],
    [{ noiseMultiplier: -0.5 }, 'noiseMultiplier must be a finite number ≥ 0, got -0.5'],
    [{ noiseMultiplier: Infinity }, 'noiseMultiplier must be a finite number ≥ 0, got Infinity'],
    [{ steps: 2.5 }, 'steps must be an integer ≥ 0, got 2.5'],
    [{ steps: -1 }, 'steps must be an integer ≥ 0, got -1'],
    [{ steps: Infinity }, 'steps must be an integer ≥ 0, got Infinity'],
  ])('rejects %o', (bad, message) => {
    const p = { noiseMultiplier: 1, sampleRate: 0.01, steps: 100, delta: 1e-5, ...bad };
    expect(() => computeEpsilon(p)).toThrow(message);
  });
});

describe('epsilonSeries', () => {
  it('equals computeEpsilon at every step count and grows with steps', () => {
    const base = { noiseMultiplier: 1.1, sampleRate: 0.01, delta: 1e-5 };
    const steps = [0, 1, 100, 1000, 10_000];
    const series = epsilonSeries({ ...base, steps });
    series.forEach((s, i) => expect(s).toEqual(computeEpsilon({ ...base, steps: steps[i] })));
    for (let i = 1; i < series.length; i++) expect(series[i].epsilon).toBeGreaterThan(series[i - 1].epsilon);
  });

  it('names the bad entry', () => {
    const p = { noiseMultiplier: 1, sampleRate: 0.01, delta: 1e-5, steps: [1, 2.5] };
    expect(() => epsilonSeries(p)).toThrow('steps[1] must be an integer ≥ 0, got 2.5');
  });
});

describe('noiseForEpsilon', () => {
  it.each([
    [1, 0.01, 10_000, 1e-5],
    [3, 0.004, 2_000, 1e-5],
    [8, 0.256, 100, 1e-3],
    [50, 0.1, 1, 1e-5],
  ])('round-trips ε = %d (q=%d, T=%d, δ=%d)', (target, q, steps, delta) => {
    const found = noiseForEpsilon({ targetEpsilon: target, sampleRate: q, steps, delta });
    const again = computeEpsilon({ noiseMultiplier: found.noiseMultiplier, sampleRate: q, steps, delta });
    expect(again.epsilon).toBe(found.epsilon);
    expect(found.epsilon).toBeLessThanOrEqual(target);
    expect(found.epsilon).toBeGreaterThan(target * (1 - 1e-4));
    // A slightly smaller σ must miss the target: the answer is (nearly) the smallest.
    const less = computeEpsilon({ noiseMultiplier: found.noiseMultiplier * (1 - 1e-5), sampleRate: q, steps, delta });
    expect(less.epsilon).toBeGreaterThan(target);
  });

  it('inverts computeEpsilon: σ → ε → σ', () => {
    const p = { sampleRate: 0.02, steps: 5000, delta: 1e-5 };
    const eps = computeEpsilon({ noiseMultiplier: 1.3, ...p }).epsilon;
    const found = noiseForEpsilon({ targetEpsilon: eps, ...p });
    expect(rel(found.noiseMultiplier, 1.3)).toBeLessThan(2e-6);
  });

  it('explains an unreachable target', () => {
    const floor = epsilonFloor(1e-5);
    expect(floor).toBeGreaterThan(0.1);
    expect(() => noiseForEpsilon({ targetEpsilon: 0.05, sampleRate: 0.01, steps: 100, delta: 1e-5 })).toThrow(
      /^targetEpsilon must be greater than 0\.10\d+ \(the smallest epsilon/,
    );
  });

  it('rejects bad inputs by name', () => {
    const p = { targetEpsilon: 1, sampleRate: 0.01, steps: 100, delta: 1e-5 };
    expect(() => noiseForEpsilon({ ...p, targetEpsilon: 0 })).toThrow('targetEpsilon must be a finite number > 0, got 0');
    expect(() => noiseForEpsilon({ ...p, steps: 0 })).toThrow('steps must be an integer ≥ 1, got 0');
    expect(() => noiseForEpsilon({ ...p, delta: -1 })).toThrow('delta must be in (0, 1), got -1');
  });

  it('uses the default orders unless given others', () => {
    const p = { noiseMultiplier: 1, sampleRate: 0.01, steps: 100, delta: 1e-5 };
    const coarse = computeEpsilon({ ...p, orders: [2, 4, 8, 16, 32] });
    expect(coarse.epsilon).toBeGreaterThanOrEqual(computeEpsilon(p).epsilon);
    expect(DEFAULT_ORDERS).toContain(computeEpsilon(p).order);
  });
});
