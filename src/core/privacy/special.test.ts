import { describe, expect, it } from 'vitest';
import { betaQuantile, logErfc, logGamma, regularizedBeta } from './special';

/** Relative difference, so one tolerance fits values of any size. */
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('logErfc', () => {
  // Reference values from mpmath at 40 digits.
  const cases: [number, number][] = [
    [-3, 0.69313613525044681032],
    [-0.5, 0.41903914777555958036],
    [0.5, -0.73501112983708440303],
    [1.9, -4.9323458627802689327],
    [2.1, -5.8160109688675550134],
    [6, -38.377561173223388366],
    [40, -1604.2615566532735557],
    [1e5, -10000000012.085290408],
  ];
  it.each(cases)('matches mpmath at x = %d', (x, want) => {
    expect(rel(logErfc(x), want)).toBeLessThan(1e-13);
  });

  it('stays finite where erfc underflows, and handles the ends', () => {
    expect(logErfc(0)).toBeCloseTo(0, 15);
    expect(Number.isFinite(logErfc(1e150))).toBe(true);
    expect(logErfc(Infinity)).toBe(-Infinity);
    expect(logErfc(-Infinity)).toBe(Math.LN2);
    expect(logErfc(NaN)).toBeNaN();
  });

  it('is continuous across the series / continued-fraction switch at ±2', () => {
    for (const x of [2, -2]) expect(Math.abs(logErfc(x - 1e-12) - logErfc(x + 1e-12))).toBeLessThan(1e-10);
  });
});

describe('logGamma', () => {
  it.each([
    [0.5, 0.57236494292470008707],
    [3, Math.LN2],
    [7.5, 7.5343642367587329552],
    [1234.5, 7550.5509010778948957],
  ])('matches mpmath at %d', (x, want) => {
    expect(rel(logGamma(x), want)).toBeLessThan(1e-13);
  });
  it('is NaN outside its domain', () => expect(logGamma(-1)).toBeNaN());
});

describe('regularizedBeta and betaQuantile', () => {
  it.each([
    [0.3, 2, 5, 0.579825],
    [0.9, 50, 3, 0.096633285137252208871],
    [0.01, 0.5, 0.5, 0.063768560858519848583],
    [0.2, 3.5, 12, 0.44700850277835263341],
  ])('I_%d(%d, %d) matches mpmath', (x, a, b, want) => {
    expect(rel(regularizedBeta(x, a, b), want)).toBeLessThan(1e-12);
  });

  it('inverts regularizedBeta', () => {
    for (const [p, a, b] of [[0.025, 5, 6], [0.975, 1, 10], [0.5, 300, 20], [1e-6, 2, 2]]) {
      expect(rel(regularizedBeta(betaQuantile(p, a, b), a, b), p)).toBeLessThan(1e-9);
    }
    expect(betaQuantile(0, 2, 3)).toBe(0);
    expect(betaQuantile(1, 2, 3)).toBe(1);
  });
});
