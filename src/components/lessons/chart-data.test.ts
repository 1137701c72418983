import { describe, expect, it } from 'vitest';
import { rocBound, rocSeries } from './chart-data';
import { boundFigure } from '../../core/privacy/bound-figure';
import type { LessonResult } from '../../lessons/result';

const attack = {
  name: 'lira-online', title: 'LiRA', auc: 0.7, tprAt10: 0.5, tprAt1: 0.03, tprAt01: 0.005, members: 200, nonMembers: 200,
  roc: { fpr: [0, 0.5, 1], tpr: [0, 0.7, 1] }, rocLog: { fpr: [1e-4, 0.01, 1], tpr: [0.005, 0.03, 1] },
};
const lesson = (privacy: LessonResult['privacy']) => ({ privacy, attacks: [attack] }) as unknown as LessonResult;
const dp = { epsilon: 2, delta: 1e-5, noiseMultiplier: 1, sampleRate: 0.01, steps: 100, clipNorm: 1 };

describe('lesson ROC data', () => {
  it('takes the DP bound from boundFigure, the one source the playground and the report read', () => {
    const mine = rocBound(lesson(dp), 'log')!;
    const playground = boundFigure(dp, [{ ...attack, tprAtFpr: { '0.1': 0.5, '0.01': 0.03, '0.001': 0.005 } }], 'log')!;
    expect(mine).toEqual(playground);
    // At ε = 2 the cap at 10% FPR is e²·0.1 + δ ≈ 0.74, above the measured 50%.
    expect(mine.points.map((p) => p.status)).toEqual(['below', 'below', 'below']);
  });

  it('draws no bound without DP or with σ = 0 (ε null)', () => {
    expect(rocBound(lesson(null), 'linear')).toBeNull();
    expect(rocBound(lesson({ ...dp, epsilon: null }), 'log')).toBeNull();
  });

  it('picks the curve of the asked scale', () => {
    expect(rocSeries(lesson(null), 'log')[0].fpr).toEqual(attack.rocLog.fpr);
    expect(rocSeries(lesson(null), 'linear')[0].fpr).toEqual(attack.roc.fpr);
  });
});
