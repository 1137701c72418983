import { describe, expect, it } from 'vitest';
import { summarizeAttack } from './summary';

describe('summarizeAttack', () => {
  it('reports every CLI field on the scikit-learn example', () => {
    const s = summarizeAttack('loss-threshold', [0.1, 0.4, 0.35, 0.8], Uint8Array.of(0, 0, 1, 1), 0.6);
    expect(s).toEqual({
      name: 'loss-threshold',
      auc: 0.75,
      accuracy: 0.75,
      balancedAccuracy: 0.75,
      precision: 1,
      advantage: 0.5,
      tprAtFpr: { '0.1': 0.5, '0.01': 0.5, '0.001': 0.5 },
      // One member of two caught: Clopper–Pearson [1 − √0.975, √0.975]; with 2 non-members no
      // budget allows a false positive, so each TPR is at zero false positives.
      tprAtFprCi: Object.fromEntries(['0.1', '0.01', '0.001'].map((k) => [k, { lower: expect.closeTo(1 - Math.sqrt(0.975), 12), upper: expect.closeTo(Math.sqrt(0.975), 12) }])),
      falsePositivesAllowed: { '0.1': 0, '0.01': 0, '0.001': 0 },
      tprAtFprLabel: { '0.1': 'TPR at zero false positives', '0.01': 'TPR at zero false positives', '0.001': 'TPR at zero false positives' },
      threshold: 0.6,
      members: 2,
      nonMembers: 2,
    });
  });

  it('uses the threshold for verdict metrics only, and survives a JSON round trip', () => {
    const scores = [0.9, 0.8, 0.7, 0.2, 0.6, 0.1];
    const y = Uint8Array.of(1, 1, 1, 0, 0, 0);
    const low = summarizeAttack('gap', scores, y, 0.15);
    const high = summarizeAttack('gap', scores, y, 0.65);
    expect(low.auc).toBe(high.auc);
    expect(low.accuracy).toBeCloseTo(4 / 6, 15);
    expect(high.accuracy).toBe(1);
    expect(JSON.parse(JSON.stringify(high))).toEqual(high);
  });

  it('rejects a NaN threshold and single-class data', () => {
    expect(() => summarizeAttack('x', [0.1, 0.2], Uint8Array.of(0, 1), NaN)).toThrow(/NaN/);
    expect(() => summarizeAttack('x', [0.1, 0.2], Uint8Array.of(1, 1), 0.5)).toThrow(/one non-member/);
  });
});
