import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import {
  accuracy,
  balancedAccuracy,
  bestThreshold,
  confusionAt,
  fpr,
  precision,
  tpr,
} from './threshold';

const S = Float64Array.of(0.1, 0.4, 0.35, 0.8);
const Y = Uint8Array.of(0, 0, 1, 1);

describe('confusionAt and the rates', () => {
  it('flags score ≥ threshold (the boundary score counts as flagged)', () => {
    expect(confusionAt(S, Y, 0.4)).toEqual({ tp: 1, fp: 1, tn: 1, fn: 1 });
    expect(confusionAt(S, Y, 0.35)).toEqual({ tp: 2, fp: 1, tn: 1, fn: 0 });
    expect(confusionAt(S, Y, Infinity)).toEqual({ tp: 0, fp: 0, tn: 2, fn: 2 });
    expect(confusionAt(S, Y, -Infinity)).toEqual({ tp: 2, fp: 2, tn: 0, fn: 0 });
  });

  it('computes accuracy, balanced accuracy, precision, TPR and FPR from counts', () => {
    const c = confusionAt(S, Y, 0.35);
    expect(accuracy(c)).toBe(0.75);
    expect(balancedAccuracy(c)).toBe(0.75);
    expect(precision(c)).toBeCloseTo(2 / 3, 15);
    expect(tpr(c)).toBe(1);
    expect(fpr(c)).toBe(0.5);
  });

  it('separates accuracy from balanced accuracy when classes are unbalanced', () => {
    const c = { tp: 1, fp: 0, tn: 8, fn: 1 };
    expect(accuracy(c)).toBe(0.9);
    expect(balancedAccuracy(c)).toBe(0.75);
  });

  it('returns 0, not NaN, for empty denominators', () => {
    const none = { tp: 0, fp: 0, tn: 3, fn: 2 };
    expect(precision(none)).toBe(0);
    expect(fpr({ tp: 1, fp: 0, tn: 0, fn: 0 })).toBe(0);
    expect(tpr({ tp: 0, fp: 1, tn: 0, fn: 0 })).toBe(0);
    expect(accuracy({ tp: 0, fp: 0, tn: 0, fn: 0 })).toBe(0);
  });

  it('rejects a NaN threshold or NaN scores', () => {
    expect(() => confusionAt(S, Y, NaN)).toThrow(/threshold is NaN/);
    expect(() => confusionAt([0.1, NaN], Uint8Array.of(0, 1), 0.5)).toThrow(/index 1 is NaN/);
  });
});

describe('bestThreshold', () => {
  it('picks the midpoint below the best cut, highest threshold on ties', () => {
    // Cuts below 0.8 and below 0.35 both reach accuracy 0.75; the higher one wins.
    expect(bestThreshold(S, Y, 'accuracy')).toBeCloseTo(0.6, 15);
    expect(bestThreshold(S, Y, 'balanced-accuracy')).toBeCloseTo(0.6, 15);
  });

  it('differs by objective when members are scarce', () => {
    // Descending: 0.9 m, 0.6 n, 0.5 m, then six non-members ≤ 0.35.
    const s = [0.9, 0.6, 0.5, 0.35, 0.3, 0.25, 0.2, 0.15, 0.1];
    const y = Uint8Array.of(1, 0, 1, 0, 0, 0, 0, 0, 0);
    expect(bestThreshold(s, y, 'accuracy')).toBeCloseTo(0.75, 15); // accuracy 8/9
    expect(bestThreshold(s, y, 'balanced-accuracy')).toBeCloseTo(0.425, 15); // TPR 1, FPR 1/7
  });

  it('reaches the brute-force best accuracy over every attainable cut (seeded)', () => {
    const rng = new Rng(99);
    const n = 300;
    const s = new Float64Array(n);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      y[i] = rng.bernoulli(0.3) ? 1 : 0;
      s[i] = Math.round((rng.normal() + y[i]) * 5) / 5;
    }
    for (const objective of ['accuracy', 'balanced-accuracy'] as const) {
      const metric = objective === 'accuracy' ? accuracy : balancedAccuracy;
      let bruteBest = metric(confusionAt(s, y, Infinity));
      for (const t of s) bruteBest = Math.max(bruteBest, metric(confusionAt(s, y, t)));
      const t = bestThreshold(s, y, objective);
      expect(metric(confusionAt(s, y, t))).toBeCloseTo(bruteBest, 12);
      expect(s.includes(t)).toBe(false); // a midpoint, not one of the scores
    }
  });

  it('handles infinite and all-tied scores', () => {
    expect(bestThreshold([Infinity, Infinity, 1, 0], Uint8Array.of(1, 1, 0, 0))).toBe(Infinity);
    // Midpoint of 1 and -Infinity is not between them, so the higher score is used.
    expect(bestThreshold([1, -Infinity], Uint8Array.of(1, 0))).toBe(1);
    expect(bestThreshold([0.5, 0.5], Uint8Array.of(1, 0))).toBe(Infinity);
    expect(bestThreshold([0.2, 0.1], Uint8Array.of(0, 1))).toBe(Infinity);
  });

  it('needs both classes and a known objective', () => {
    expect(() => bestThreshold([0.2, 0.1], Uint8Array.of(1, 1))).toThrow(/one non-member/);
    expect(() => bestThreshold(S, Y, 'f1' as never)).toThrow(/unknown objective/);
  });
});
