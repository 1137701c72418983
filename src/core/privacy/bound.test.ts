import { describe, expect, it } from 'vitest';
import { boundRocCurve, boundRocCurveLog, boundSeries, maxAdvantage, maxBalancedAccuracy, maxTprAtFpr } from './bound';

describe('maxTprAtFpr', () => {
  it('follows e^ε·FPR + δ at low FPR', () => {
    // ε = 1, δ = 1e-5, FPR = 0.01: e·0.01 + 1e-5 = 0.02719281828...
    expect(maxTprAtFpr(1, 1e-5, 0.01)).toBeCloseTo(0.0271928182845905, 14);
    expect(maxTprAtFpr(1, 1e-5, 0)).toBe(1e-5);
    expect(maxTprAtFpr(0, 0, 0.3)).toBeCloseTo(0.3, 15);
  });

  it('follows 1 − e^(−ε)(1 − δ − FPR) at high FPR, and caps at 1', () => {
    // ε = 1, δ = 0, FPR = 0.5: 1 − 0.5/e = 0.81606027941...
    expect(maxTprAtFpr(1, 0, 0.5)).toBeCloseTo(0.8160602794142788, 14);
    expect(maxTprAtFpr(2, 0.1, 0.95)).toBe(1);
    expect(maxTprAtFpr(1, 0, 1)).toBe(1);
  });

  it('is 1 everywhere without a guarantee, and survives ε too large for e^ε', () => {
    expect(maxTprAtFpr(Infinity, 1e-5, 0)).toBe(1);
    expect(maxTprAtFpr(Infinity, 1e-5, 1e-4)).toBe(1);
    expect(maxTprAtFpr(1000, 1e-5, 0)).toBe(1e-5);
    expect(maxTprAtFpr(1000, 1e-5, 1e-9)).toBe(1);
  });

  it('rejects bad inputs by name', () => {
    expect(() => maxTprAtFpr(-1, 0, 0.1)).toThrow('epsilon must be a number ≥ 0 (Infinity allowed), got -1');
    expect(() => maxTprAtFpr(1, 1, 0.1)).toThrow('delta must be in [0, 1), got 1');
    expect(() => maxTprAtFpr(1, 0, 1.5)).toThrow('fpr must be in [0, 1], got 1.5');
  });
});

describe('maxAdvantage and maxBalancedAccuracy', () => {
  it('match the closed forms', () => {
    // ε = 1, δ = 0: (e − 1)/(e + 1) = tanh(1/2) = 0.46211715726...
    expect(maxAdvantage(1, 0)).toBeCloseTo(Math.tanh(0.5), 15);
    // ε = ln 3, δ = 0.01: (3 − 1 + 0.02)/4 = 0.505
    expect(maxAdvantage(Math.log(3), 0.01)).toBeCloseTo(0.505, 15);
    // (3 + 0.01)/4 = 0.7525, and balanced accuracy = (1 + advantage)/2
    expect(maxBalancedAccuracy(Math.log(3), 0.01)).toBeCloseTo(0.7525, 15);
    expect(maxAdvantage(0, 0)).toBe(0);
    expect(maxBalancedAccuracy(0, 0)).toBe(0.5);
  });

  it('reach 1 as ε → ∞ without overflowing', () => {
    expect(maxAdvantage(Infinity, 0)).toBe(1);
    expect(maxBalancedAccuracy(Infinity, 1e-5)).toBe(1);
    expect(maxAdvantage(800, 1e-5)).toBe(1);
  });

  it('equal the best TPR − FPR along the curve', () => {
    const curve = boundRocCurve(0.7, 0.02, 501);
    const best = Math.max(...curve.map((p) => p.tpr - p.fpr));
    expect(best).toBeCloseTo(maxAdvantage(0.7, 0.02), 12);
  });
});

describe('boundRocCurve', () => {
  it('spans FPR 0..1 in order, includes the kink, and never decreases', () => {
    const curve = boundRocCurve(1, 1e-3, 11);
    expect(curve[0]).toEqual({ fpr: 0, tpr: 1e-3 });
    expect(curve.at(-1)).toEqual({ fpr: 1, tpr: 1 });
    const kink = (1 - 1e-3) / (Math.E + 1);
    expect(curve.some((p) => Math.abs(p.fpr - kink) < 1e-15)).toBe(true);
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i].fpr).toBeGreaterThan(curve[i - 1].fpr);
      expect(curve[i].tpr).toBeGreaterThanOrEqual(curve[i - 1].tpr);
    }
  });

  it('has a log-spaced variant from 1e-5 to 1 for log-log plots', () => {
    const curve = boundRocCurveLog(2, 1e-5);
    expect(curve).toHaveLength(61);
    expect(curve[0].fpr).toBeCloseTo(1e-5, 18);
    expect(curve[12].fpr).toBeCloseTo(1e-4, 17);
    expect(curve.at(-1)).toEqual({ fpr: 1, tpr: 1 });
    expect(curve[0].tpr).toBeCloseTo(Math.exp(2) * 1e-5 + 1e-5, 15);
    expect(boundRocCurveLog(1, 0, 5, 1e-3).map((p) => p.fpr)[1]).toBeCloseTo(10 ** -2.25, 15);
  });

  it('rejects bad sizes', () => {
    expect(() => boundRocCurve(1, 0, 1)).toThrow('points must be an integer ≥ 2, got 1');
    expect(() => boundRocCurveLog(1, 0, 10, 0)).toThrow('minFpr must be in (0, 1), got 0');
  });
});

describe('boundSeries', () => {
  it('is null without DP, without an epsilon, or with an infinite one', () => {
    expect(boundSeries(null, 'log')).toBeNull();
    expect(boundSeries({ epsilon: null, delta: 1e-5 }, 'log')).toBeNull();
    expect(boundSeries({ epsilon: Infinity, delta: 1e-5 }, 'linear')).toBeNull();
  });

  it('lays the ceiling out as parallel arrays on either scale', () => {
    const lin = boundSeries({ epsilon: 1, delta: 1e-5 }, 'linear')!;
    const curve = boundRocCurve(1, 1e-5);
    expect(lin.epsilon).toBe(1);
    expect(lin.fpr).toEqual(curve.map((p) => p.fpr));
    expect(lin.tpr).toEqual(curve.map((p) => p.tpr));
    const log = boundSeries({ epsilon: 2, delta: 0 }, 'log', 1e-4)!;
    expect(log.fpr[0]).toBeCloseTo(1e-4, 12);
    expect(log.tpr).toEqual(boundRocCurveLog(2, 0, 61, 1e-4).map((p) => p.tpr));
  });
});
