import { describe, expect, it } from 'vitest';
import { boundCaption, fprBudgetLabel, rateWithInterval, tprSentence } from './uncertainty';
import type { BoundPoint } from '../core/privacy/bound-check';

describe('uncertainty wording', () => {
  it('writes a TPR with its interval and the false positives its budget allows', () => {
    const ci = { lower: 0.06293676656618725, upper: 0.11409366934605587 };
    expect(rateWithInterval(0.086, ci)).toBe('8.6% [6.3, 11.4]');
    expect(tprSentence(0.01, 0.086, ci, 5, 500)).toBe('TPR at 1% FPR = 8.6% [6.3, 11.4], 500 non-members: 5 false positives allowed');
    expect(rateWithInterval(0, { lower: 0, upper: 0.0073506 })).toBe('0% [0, 0.74]');
  });

  it('says "at zero false positives" where the budget allows none', () => {
    expect(fprBudgetLabel(0.001, 0)).toBe('at zero false positives');
    expect(fprBudgetLabel(0.001, 1)).toBe('at 0.1% FPR');
    expect(tprSentence(0.001, 0.02, { lower: 0.0065, upper: 0.046 }, 0, 300)).toBe(
      'TPR at zero false positives = 2% [0.65, 4.6], 300 non-members: 0.1% FPR allows no false positive',
    );
  });

  it('explains points above the DP bound, and says when noise cannot explain one', () => {
    const p = (status: BoundPoint['status']): BoundPoint => ({
      name: 'lira-online', title: 'LiRA (online)', fpr: 0.01, falsePositivesAllowed: 2, tpr: 0.035, interval: { lower: 0.0142, upper: 0.0708 }, cap: 0.0272, status,
    });
    expect(boundCaption([{ ...p('below'), tpr: 0.01 }], 1)).toBe('');
    expect(boundCaption([p('noise')], 1)).toBe(
      'The bound (ε = 1) holds for the true rates; measured rates carry sampling noise. ' +
        'LiRA (online): 3.5% at 1% FPR against a cap of 2.72%, 95% interval [1.4, 7.1]; the interval reaches inside the bound, so this is sampling noise.',
    );
    expect(boundCaption([{ ...p('noise'), fpr: 0.001, falsePositivesAllowed: 0 }], 1)).toContain('LiRA (online): 3.5% at zero false positives (the 0.1% FPR budget) against a cap of 2.72%');
    expect(boundCaption([p('outside')], 1)).toMatch(/no sampling noise explains this\. The DP training code is likely broken\.$/);
  });
});
