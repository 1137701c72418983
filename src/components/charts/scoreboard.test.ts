import { describe, expect, it } from 'vitest';
import { chanceSeverity, delta, lowFprSeverity } from './scoreboard';

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
