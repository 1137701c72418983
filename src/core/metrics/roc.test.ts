import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { advantage, auc, logRocSeries, rocCurve, tprAtFpr } from './roc';

// scikit-learn's roc_curve docstring example.
const S = Float64Array.of(0.1, 0.4, 0.35, 0.8);
const Y = Uint8Array.of(0, 0, 1, 1);

/** O(n²) definition: P(member score > non-member score) + ½ P(equal). */
function pairwiseAuc(s: ArrayLike<number>, y: Uint8Array): number {
  let u = 0, pairs = 0;
  for (let i = 0; i < s.length; i++) {
    if (y[i] !== 1) continue;
    for (let j = 0; j < s.length; j++) {
      if (y[j] !== 0) continue;
      pairs++;
      u += s[i] > s[j] ? 1 : s[i] === s[j] ? 0.5 : 0;
    }
  }
  return u / pairs;
}

describe('rocCurve', () => {
  it('matches scikit-learn roc_curve(drop_intermediate=False) on its docstring example', () => {
    const roc = rocCurve(S, Y);
    expect(Array.from(roc.fpr)).toEqual([0, 0, 0.5, 0.5, 1]);
    expect(Array.from(roc.tpr)).toEqual([0, 0.5, 0.5, 1, 1]);
    expect(Array.from(roc.thresholds)).toEqual([Infinity, 0.8, 0.4, 0.35, 0.1]);
    expect([roc.members, roc.nonMembers]).toEqual([2, 2]);
  });

  it('merges tied scores into one point', () => {
    const roc = rocCurve([0.5, 0.5, 0.5, 0.9], Uint8Array.of(0, 1, 0, 1));
    expect(Array.from(roc.thresholds)).toEqual([Infinity, 0.9, 0.5]);
    expect(Array.from(roc.fpr)).toEqual([0, 0, 1]);
    expect(Array.from(roc.tpr)).toEqual([0, 0.5, 1]);
  });

  it('accepts booleans and Float32Array alike and does not mutate inputs', () => {
    const s32 = Float32Array.of(0.1, 0.4, 0.35, 0.8);
    const before = Float32Array.from(s32);
    const a = rocCurve(s32, [false, false, true, true]);
    const b = rocCurve(S, Y);
    expect(Array.from(a.tpr)).toEqual(Array.from(b.tpr));
    expect(Array.from(a.fpr)).toEqual(Array.from(b.fpr));
    expect(Array.from(s32)).toEqual(Array.from(before));
  });

  it('keeps ±Infinity scores as real thresholds', () => {
    const roc = rocCurve([Infinity, 0, Infinity, -Infinity], Uint8Array.of(1, 1, 0, 0));
    expect(Array.from(roc.thresholds)).toEqual([Infinity, Infinity, 0, -Infinity]);
    expect(Array.from(roc.tpr)).toEqual([0, 0.5, 1, 1]);
    expect(Array.from(roc.fpr)).toEqual([0, 0.5, 0.5, 1]);
  });

  it('rejects NaN (naming the index), a single class, mismatched lengths and bad labels', () => {
    expect(() => rocCurve([0.1, NaN, 0.3], Uint8Array.of(0, 1, 1))).toThrow(/index 1 is NaN/);
    expect(() => rocCurve([0.1, 0.2], Uint8Array.of(1, 1))).toThrow(/at least one member and one non-member/);
    expect(() => rocCurve([], new Uint8Array(0))).toThrow(/at least one member/);
    expect(() => rocCurve([0.1, 0.2], Uint8Array.of(1))).toThrow(/2 scores but 1 membership labels/);
    expect(() => rocCurve([0.1, 0.2], Uint8Array.of(1, 2))).toThrow(/index 1 is 2/);
  });
});

describe('auc', () => {
  it('is 0.75 on the scikit-learn example and on the hand-computed tie case', () => {
    expect(auc(S, Y)).toBe(0.75);
    // Members {0.5, 0.9} vs non-members {0.5, 0.5}: two wins and two half-counted ties.
    expect(auc([0.5, 0.5, 0.5, 0.9], Uint8Array.of(0, 1, 0, 1))).toBe(0.75);
  });

  it('is 1 for perfect separation, 0 for inverted, 0.5 for all tied', () => {
    expect(auc([0.9, 0.8, 0.1], Uint8Array.of(1, 1, 0))).toBe(1);
    expect(auc([0.1, 0.2, 0.9], Uint8Array.of(1, 1, 0))).toBe(0);
    expect(auc([3, 3, 3, 3], Uint8Array.of(1, 0, 0, 1))).toBe(0.5);
  });

  it('handles infinities: a tie at +Infinity counts half', () => {
    // Members {+Inf, 0} vs non-members {+Inf, -Inf}: ½ + 1 + 0 + 1 over 4 pairs.
    expect(auc([Infinity, 0, Infinity, -Infinity], Uint8Array.of(1, 1, 0, 0))).toBe(0.625);
  });

  it('equals the O(n²) pairwise definition on a seeded random case with many ties', () => {
    const rng = new Rng(2024);
    const n = 400;
    const s = new Float64Array(n);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      y[i] = rng.bernoulli(0.4) ? 1 : 0;
      s[i] = Math.round((rng.normal() + 0.5 * y[i]) * 4) / 4; // coarse grid ⇒ ties
    }
    const expected = pairwiseAuc(s, y);
    expect(expected).toBeGreaterThan(0.55); // the signal is real, so this is not a trivial 0.5
    expect(auc(s, y)).toBeCloseTo(expected, 12);
  });
});

describe('tprAtFpr', () => {
  const roc = rocCurve(S, Y); // points (0,0) (0,.5) (.5,.5) (.5,1) (1,1)

  it('reads the edges: FPR 0, exactly an attained FPR, just below it, and 1', () => {
    expect(tprAtFpr(roc, 0)).toBe(0.5);
    expect(tprAtFpr(roc, 0.5)).toBe(1);
    expect(tprAtFpr(roc, 0.4999)).toBe(0.5);
    expect(tprAtFpr(roc, 1)).toBe(1);
  });

  it('counts an FPR of exactly k/N as attained', () => {
    const r = rocCurve([0.9, 0.8, 0.7, 0.6, 0.5], Uint8Array.of(1, 0, 1, 0, 0)); // N = 3
    expect(tprAtFpr(r, 1 / 3)).toBe(1);
    expect(tprAtFpr(r, 1 / 3 - 1e-12)).toBe(0.5);
  });

  it('is 0 when only the origin qualifies, and rejects out-of-range maxFpr', () => {
    const worst = rocCurve([0.9, 0.1], Uint8Array.of(0, 1));
    expect(tprAtFpr(worst, 0.5)).toBe(0);
    expect(() => tprAtFpr(roc, -0.1)).toThrow(/maxFpr/);
    expect(() => tprAtFpr(roc, 1.5)).toThrow(/maxFpr/);
    expect(() => tprAtFpr(roc, NaN)).toThrow(/maxFpr/);
  });
});

describe('advantage', () => {
  it('is max TPR − FPR: 0.5 on the example, 1 when separable, 0 when inverted', () => {
    expect(advantage(rocCurve(S, Y))).toBe(0.5);
    expect(advantage(rocCurve([0.9, 0.8, 0.1], Uint8Array.of(1, 1, 0)))).toBe(1);
    expect(advantage(rocCurve([0.1, 0.2, 0.9], Uint8Array.of(1, 1, 0)))).toBe(0);
  });
});

describe('logRocSeries', () => {
  it('drops TPR = 0, clamps FPR = 0 to minFpr and keeps the best point per bucket', () => {
    const series = logRocSeries(rocCurve(S, Y));
    // (0,.5) is clamped; (.5,.5) and (.5,1) share a bucket and only the higher TPR stays.
    expect(Array.from(series.fpr)).toEqual([1e-5, 0.5, 1]);
    expect(Array.from(series.tpr)).toEqual([0.5, 1, 1]);
  });

  it('thins a large curve to ≤ maxPoints while keeping the upper envelope', () => {
    const rng = new Rng(7);
    const n = 20_000;
    const s = new Float64Array(n);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      y[i] = i % 2;
      s[i] = rng.normal() + y[i] + (i < 40 && y[i] === 1 ? 100 : 0); // a few members fully exposed
    }
    const roc = rocCurve(s, y);
    const minFpr = 1e-5;
    const series = logRocSeries(roc, minFpr, 300);
    expect(roc.fpr.length).toBeGreaterThan(10_000);
    expect(series.fpr.length).toBeLessThanOrEqual(300);
    expect(series.fpr[0]).toBe(minFpr);
    expect(series.tpr[0]).toBe(tprAtFpr(roc, 0));
    expect(series.tpr[0]).toBeGreaterThan(0);
    expect(series.tpr[series.tpr.length - 1]).toBe(1);
    for (let i = 1; i < series.fpr.length; i++) {
      expect(series.fpr[i]).toBeGreaterThan(series.fpr[i - 1]);
      expect(series.tpr[i]).toBeGreaterThanOrEqual(series.tpr[i - 1]);
    }
    // Envelope: every dropped point is matched or beaten by a kept point at most one bucket to its right.
    const bucketFactor = Math.pow(1 / minFpr, 1 / 300) * (1 + 1e-9);
    for (let i = 0; i < roc.fpr.length; i += 97) {
      if (roc.tpr[i] === 0) continue;
      const f = Math.max(roc.fpr[i], minFpr);
      let best = 0;
      for (let j = 0; j < series.fpr.length && series.fpr[j] <= f * bucketFactor; j++) best = Math.max(best, series.tpr[j]);
      expect(best).toBeGreaterThanOrEqual(roc.tpr[i]);
    }
  });

  it('rejects a bad minFpr or maxPoints', () => {
    const roc = rocCurve(S, Y);
    expect(() => logRocSeries(roc, 0)).toThrow(/minFpr/);
    expect(() => logRocSeries(roc, 1e-5, 1)).toThrow(/maxPoints/);
  });
});
