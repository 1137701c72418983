import { describe, expect, it } from 'vitest';
import { groupTable, operatingPoint, precisionAtBaseRate, rocIndexAt, thresholdTable } from './operating-point';
import { rocCurve } from './roc';
import { confusionAt } from './threshold';

// Members score 0.9, 0.8, 0.8, 0.3; non-members 0.7, 0.3, 0.2, 0.1, 0.05.
const SCORES = [0.9, 0.8, 0.8, 0.3, 0.7, 0.3, 0.2, 0.1, 0.05];
const MEMBER = Uint8Array.from([1, 1, 1, 1, 0, 0, 0, 0, 0]);

describe('operatingPoint', () => {
  const table = thresholdTable(SCORES, MEMBER);

  it('counts the records at or above the threshold in each group (hand-computed)', () => {
    expect(operatingPoint(table, 0.75)).toEqual({ threshold: 0.75, tp: 3, fp: 0, members: 4, nonMembers: 5, tpr: 0.75, fpr: 0 });
    // A threshold equal to a score flags it: 0.3 catches the member and the non-member at 0.3.
    expect(operatingPoint(table, 0.3)).toMatchObject({ tp: 4, fp: 2, tpr: 1, fpr: 0.4 });
    expect(operatingPoint(table, 0.30001)).toMatchObject({ tp: 3, fp: 1 });
  });

  it('flags nobody above every score and everyone at -Infinity', () => {
    expect(operatingPoint(table, 1)).toMatchObject({ tp: 0, fp: 0, tpr: 0, fpr: 0 });
    expect(operatingPoint(table, Number.POSITIVE_INFINITY)).toMatchObject({ tp: 0, fp: 0 });
    expect(operatingPoint(table, Number.NEGATIVE_INFINITY)).toMatchObject({ tp: 4, fp: 5, tpr: 1, fpr: 1 });
  });

  it('agrees with confusionAt at every score and between scores', () => {
    for (const t of [...SCORES, 0.85, 0.5, 0.15, 0]) {
      const c = confusionAt(SCORES, MEMBER, t);
      const p = operatingPoint(table, t);
      expect([p.tp, p.fp]).toEqual([c.tp, c.fp]);
    }
  });

  it('moving the threshold up never raises TPR or FPR', () => {
    let last = operatingPoint(table, -1);
    for (let t = -1; t <= 1.01; t += 0.01) {
      const p = operatingPoint(table, t);
      expect(p.tp).toBeLessThanOrEqual(last.tp);
      expect(p.fp).toBeLessThanOrEqual(last.fp);
      last = p;
    }
  });

  it('builds the same table from the groups given apart, without mutating them', () => {
    const members = [0.3, 0.9, 0.8, 0.8];
    const byGroup = groupTable(members, [0.05, 0.7, 0.3, 0.2, 0.1]);
    expect(Array.from(byGroup.members)).toEqual(Array.from(table.members));
    expect(Array.from(byGroup.nonMembers)).toEqual(Array.from(table.nonMembers));
    expect(members).toEqual([0.3, 0.9, 0.8, 0.8]);
  });

  it('rejects inputs whose rates would mean nothing', () => {
    expect(() => groupTable([0.5], [])).toThrow(/at least one member and one non-member/);
    expect(() => thresholdTable([0.5, Number.NaN], [true, false])).toThrow(/index 1 is NaN/);
    expect(() => thresholdTable([0.5], [true, false])).toThrow(/1 scores but 2 membership labels/);
    expect(() => operatingPoint(table, Number.NaN)).toThrow(/threshold is NaN/);
  });
});

describe('precisionAtBaseRate', () => {
  it('is TPR·π / (TPR·π + FPR·(1 − π)) (hand-computed)', () => {
    // TPR 40%, FPR 1%: at π = 50%, 0.2 / (0.2 + 0.005) = 0.9756…; at π = 1%, 0.004 / (0.004 + 0.0099) = 0.2878…
    expect(precisionAtBaseRate(0.4, 0.01, 0.5)).toBeCloseTo(0.2 / 0.205, 12);
    expect(precisionAtBaseRate(0.4, 0.01, 0.01)).toBeCloseTo(0.004 / 0.0139, 12);
    // At a coin-flip attack (TPR = FPR) precision is the base rate itself.
    expect(precisionAtBaseRate(0.3, 0.3, 0.01)).toBeCloseTo(0.01, 12);
    expect(precisionAtBaseRate(0.5, 0, 0.01)).toBe(1);
  });

  it('is undefined (null) when nobody is flagged, and 0 when only non-members are', () => {
    expect(precisionAtBaseRate(0, 0, 0.5)).toBeNull();
    expect(precisionAtBaseRate(0, 0.2, 0.5)).toBe(0);
  });

  it('rejects a base rate or rate outside its range', () => {
    expect(() => precisionAtBaseRate(0.5, 0.1, 0)).toThrow(/base rate/);
    expect(() => precisionAtBaseRate(0.5, 0.1, 1)).toThrow(/base rate/);
    expect(() => precisionAtBaseRate(1.5, 0.1, 0.5)).toThrow(/rates must be in/);
  });
});

describe('rocIndexAt', () => {
  const roc = rocCurve(SCORES, MEMBER);
  // Distinct scores descending: 0.9, 0.8, 0.7, 0.3, 0.2, 0.1, 0.05 → indices 1..7 (0 is +∞).

  it('lands on the curve point whose flagged set the threshold reproduces (hand-computed)', () => {
    expect(rocIndexAt(roc, 2)).toBe(0);
    expect(rocIndexAt(roc, 0.9)).toBe(1);
    expect(rocIndexAt(roc, 0.85)).toBe(1);
    expect(rocIndexAt(roc, 0.8)).toBe(2);
    expect(rocIndexAt(roc, 0.5)).toBe(3);
    expect(rocIndexAt(roc, 0)).toBe(7);
    expect(rocIndexAt(roc, Number.NEGATIVE_INFINITY)).toBe(7);
  });

  it('gives the same rates as operatingPoint for any threshold', () => {
    const table = thresholdTable(SCORES, MEMBER);
    for (const t of [1, 0.9, 0.85, 0.8, 0.75, 0.3, 0.25, 0.06, -3]) {
      const k = rocIndexAt(roc, t);
      const p = operatingPoint(table, t);
      expect([roc.tpr[k], roc.fpr[k]]).toEqual([p.tpr, p.fpr]);
    }
  });
});
