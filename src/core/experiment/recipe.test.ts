/**
 * @fileoverview The DP recipe: δ's default rule, and σ solved from a target ε so that the accountant
 * gives that ε back.
 */
import { describe, expect, it } from 'vitest';
import { computeEpsilon } from '../privacy/index';
import { defaultConfig, mergeConfig } from './config';
import { defaultDelta, privacyFor, trainOptionsFor } from './recipe';

// σ is given directly unless a test sets targetEpsilon (the default config sets one).
const dpConfig = (dp: Record<string, unknown>, train: Record<string, unknown> = {}) =>
  mergeConfig(defaultConfig(), { dp: { enabled: true, targetEpsilon: null, ...dp }, train: { epochs: 10, batchSize: 50, ...train } });

describe('defaultDelta', () => {
  it.each([
    [300, 1e-5],
    [1000, 1e-5],
    [99_999, 1e-5],
    [100_000, 1e-6], // 1e-5 is not *below* 1/n
    [150_000, 1e-6],
    [1_000_000, 1e-7],
    [2_500_000, 1e-7],
  ])('n = %i gives %g', (n, want) => {
    expect(defaultDelta(n)).toBeCloseTo(want, 20);
    expect(defaultDelta(n)).toBeLessThan(1 / n);
    expect(defaultDelta(n)).toBeLessThanOrEqual(1e-5);
  });

  it('is a power of ten', () => {
    for (const n of [37, 1234, 123_456, 7_654_321]) {
      const log = Math.log10(defaultDelta(n));
      expect(Math.abs(log - Math.round(log))).toBeLessThan(1e-9);
    }
  });
});

describe('privacyFor', () => {
  it('is null without DP', () => {
    expect(privacyFor(defaultConfig(), 1000)).toBeNull();
  });

  it("turning DP on in the default config spends the default target ε, not a fixed σ", () => {
    const on = mergeConfig(defaultConfig(), { dp: { enabled: true } });
    const target = on.dp.targetEpsilon!;
    expect(target).toBeGreaterThan(0);
    const p = privacyFor(on, on.split.targetMembers)!;
    expect(p.epsilon).toBeLessThanOrEqual(target + 1e-9);
    expect(p.epsilon).toBeGreaterThan(target * 0.99);
    expect(p.noiseMultiplier).not.toBe(on.dp.noiseMultiplier);
  });

  it('uses the default δ, q = batch/rows and steps = epochs/q when they are not set', () => {
    const p = privacyFor(dpConfig({ noiseMultiplier: 1.1 }), 500)!;
    expect(p.delta).toBe(1e-5);
    expect(p.sampleRate).toBeCloseTo(0.1, 12);
    expect(p.steps).toBe(100);
    expect(p.noiseMultiplier).toBe(1.1);
    const want = computeEpsilon({ noiseMultiplier: 1.1, sampleRate: 0.1, steps: 100, delta: 1e-5 });
    expect(p.epsilon).toBeCloseTo(want.epsilon, 10);
    expect(p.order).toBe(want.order);
  });

  it('takes δ and q from the config when they are set', () => {
    const p = privacyFor(dpConfig({ delta: 1e-3, sampleRate: 0.5 }), 500)!;
    expect(p.delta).toBe(1e-3);
    expect(p.sampleRate).toBe(0.5);
    expect(p.steps).toBe(20);
  });

  it.each([0.5, 1, 3, 8])('solves σ so that ε ≈ target %f (and never above it)', (target) => {
    const p = privacyFor(dpConfig({ targetEpsilon: target, noiseMultiplier: 0 }), 500)!;
    expect(p.epsilon).toBeLessThanOrEqual(target + 1e-9);
    expect(p.epsilon).toBeGreaterThan(target * 0.99);
    const back = computeEpsilon({ noiseMultiplier: p.noiseMultiplier, sampleRate: p.sampleRate, steps: p.steps, delta: p.delta });
    expect(back.epsilon).toBeCloseTo(p.epsilon, 10);
  });

  it('needs more noise for a smaller ε, and for more epochs at the same ε', () => {
    const sigma = (target: number, epochs = 10) => privacyFor(dpConfig({ targetEpsilon: target }, { epochs }), 500)!.noiseMultiplier;
    expect(sigma(1)).toBeGreaterThan(sigma(4));
    expect(sigma(1, 40)).toBeGreaterThan(sigma(1, 10));
  });

  it('accounts for fewer epochs when training stopped early', () => {
    const config = dpConfig({ noiseMultiplier: 1 });
    expect(privacyFor(config, 500, 3)!.epsilon).toBeLessThan(privacyFor(config, 500)!.epsilon);
  });

  it('reports ε = Infinity for σ = 0, and training options carry σ, C and q', () => {
    expect(privacyFor(dpConfig({ noiseMultiplier: 0 }), 500)!.epsilon).toBe(Infinity);
    const config = dpConfig({ targetEpsilon: 2, clipNorm: 0.5 });
    const p = privacyFor(config, 500)!;
    expect(trainOptionsFor(config, p).dp).toEqual({ noiseMultiplier: p.noiseMultiplier, clipNorm: 0.5, sampleRate: p.sampleRate });
    expect(trainOptionsFor(defaultConfig(), null).dp).toBeNull();
  });
});
