import { describe, expect, it } from 'vitest';
import { auditLine, chanceSeverity, delta, lowFprSeverity, tprTile } from './scoreboard';

describe('scoreboard severity', () => {
  it('grades AUC and balanced accuracy against chance 0.5', () => {
    expect(chanceSeverity(0.54)).toBe('ok');
    expect(chanceSeverity(0.55)).toBe('warn');
    expect(chanceSeverity(0.69)).toBe('warn');
    expect(chanceSeverity(0.7)).toBe('danger');
  });

  it('grades TPR at 1% FPR against chance 1%', () => {
    expect(lowFprSeverity(0.012)).toBe('ok');
    expect(lowFprSeverity(0.05)).toBe('warn');
    expect(lowFprSeverity(0.25)).toBe('danger');
  });
});

describe('delta', () => {
  it('judges a rise as better or worse by the metric', () => {
    expect(delta(0.85, 0.8, true, 'points')).toEqual({
      arrow: '↑',
      text: '+5.0 pts',
      tone: 'better',
      spoken: 'up 5.0 pts since the last run, better',
    });
    expect(delta(0.6, 0.75, false, 'prob')).toMatchObject({ arrow: '↓', text: '−0.15', tone: 'better' });
    expect(delta(0.8, 0.7, false, 'prob')?.tone).toBe('worse');
  });

  it('calls tiny changes "same" and missing values null', () => {
    expect(delta(0.751, 0.749, false, 'prob')?.tone).toBe('same');
    expect(delta(0.5, null, true, 'points')).toBeNull();
    expect(delta(null, 0.5, true, 'points')).toBeNull();
  });
});

describe('TPR tile and audit line (issue 12)', () => {
  it('gives the TPR its 95% interval and the false positives its budget allows', () => {
    const attack = { title: 'LiRA', auc: 0.8, balancedAccuracy: 0.7, tprAt1: 0.086, members: 500, nonMembers: 500 };
    expect(tprTile(attack)).toEqual({ name: 'TPR @ 1% FPR', detail: 'members exposed, 95% CI [6.3, 11.4]; 5 of 500 non-members may be flagged' });
    expect(tprTile({ ...attack, tprAt1: 0.05, members: 60, nonMembers: 60 }).name).toBe('TPR at zero false positives');
    expect(tprTile({ title: 'LiRA', auc: 0.8, balancedAccuracy: 0.7, tprAt1: 0.086 })).toEqual({ name: 'TPR @ 1% FPR', detail: 'members exposed (chance 1%)' });
  });

  it('says whether the attacks’ empirical ε is a bound or an estimate', () => {
    expect(auditLine({ epsilon: 0.199, method: 'one-run', label: '' })).toBe('attacks: ε ≥ 0.199 (one-run lower bound, 95%)');
    expect(auditLine({ epsilon: 0.0035, method: 'fixed-split', label: '' })).toBe("attacks' estimate: ε ≈ 0.0035 (not a bound)");
    expect(auditLine(null)).toBe('');
  });
});
