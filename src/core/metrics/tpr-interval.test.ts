import { describe, expect, it } from 'vitest';
import { falsePositivesAllowed, tprAtFprInterval } from './tpr-interval';
import { rocCurve } from './roc';
import { summarizeAttack } from './summary';

describe('TPR at a fixed FPR, with its interval and counts', () => {
  // 500 members and 500 non-members: 43 members score 10, then 5 non-members at 9 (the 1% budget),
  // one more non-member at 8, the other 457 members at 5 and 494 non-members at −1.
  const scores = [...Array(43).fill(10), ...Array(457).fill(5), ...Array(5).fill(9), 8, ...Array(494).fill(-1)];
  const isMember = Uint8Array.from(scores, (_, i) => (i < 500 ? 1 : 0));

  it('gives the Clopper–Pearson interval of the true positives at that point (scipy beta.ppf)', () => {
    const ci = tprAtFprInterval(rocCurve(scores, isMember), 0.01);
    // TPR at 1% FPR = 43/500 = 8.6% [6.29, 11.41]: beta.ppf(0.025, 43, 458), beta.ppf(0.975, 44, 457).
    expect(ci.lower).toBeCloseTo(0.06293676656618725, 10);
    expect(ci.upper).toBeCloseTo(0.11409366934605587, 10);
  });

  it('counts the false positives each budget allows; below 1/N that is none', () => {
    expect(falsePositivesAllowed(0.01, 500)).toBe(5);
    expect(falsePositivesAllowed(0.001, 500)).toBe(0);
    expect(falsePositivesAllowed(0.07, 100)).toBe(7);
    expect(falsePositivesAllowed(0.1, 300)).toBe(30);
    expect(falsePositivesAllowed(0.001, 1000)).toBe(1);
  });

  it('adds intervals and counts to the summary beside the point values', () => {
    const s = summarizeAttack('loss-threshold', scores, isMember, 7);
    expect(s.tprAtFpr['0.01']).toBe(0.086);
    expect(s.tprAtFprCi['0.01'].lower).toBeCloseTo(0.06293676656618725, 10);
    expect(s.falsePositivesAllowed).toEqual({ '0.1': 50, '0.01': 5, '0.001': 0 });
    expect(s.tprAtFprLabel).toEqual({ '0.1': 'TPR at 10% FPR', '0.01': 'TPR at 1% FPR', '0.001': 'TPR at zero false positives' });
    expect(s.members).toBe(500);
    expect(s.nonMembers).toBe(500);
    // At 0.1% no false positive is allowed: the TPR at zero false positives, the same 43 members here.
    expect(s.tprAtFpr['0.001']).toBe(0.086);
    // Every member caught at 10% FPR: the interval's lower end is 0.025^(1/500), its upper end 1.
    expect(s.tprAtFpr['0.1']).toBe(1);
    expect(s.tprAtFprCi['0.1'].lower).toBeCloseTo(0.025 ** (1 / 500), 12);
    expect(s.tprAtFprCi['0.1'].upper).toBe(1);
    // No member caught: [0, 1 − 0.025^(1/500)] (scipy: 0.00735061005190778).
    const none = summarizeAttack('gap', [0, 0, 1, 1], Uint8Array.of(1, 1, 0, 0), 0.5);
    expect(none.tprAtFprCi['0.01']).toEqual({ lower: 0, upper: 1 - 0.025 ** (1 / 2) });
  });
});
