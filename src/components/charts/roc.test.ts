import { describe, expect, it } from 'vitest';
import {
  chancePath,
  impossibleRegionPath,
  fprResolution,
  logFloor,
  nearestPoint,
  probeFprs,
  probeText,
  rateScale,
  rocPath,
  rocSummary,
  screenPoints,
  tprAt,
} from './roc';

const curve = { fpr: [0, 0, 0.001, 0.01, 0.1, 1], tpr: [0, 0.02, 0.05, 0.2, 0.6, 1] };

describe('ROC geometry', () => {
  it('floors the log axis at 1e-4 unless a curve goes lower', () => {
    expect(logFloor([curve])).toBe(1e-4);
    expect(logFloor([curve, { fpr: [0, 2e-5, 1] }])).toBe(1e-5);
  });

  it('starts the log axis near 1/N non-members, not at 0.001% regardless', () => {
    // 150 non-members: nothing below 1/150 ≈ 0.67% is measurable; the axis starts at 0.1%.
    expect(logFloor([curve], 150)).toBe(1e-3);
    expect(fprResolution([curve], 150)).toBeCloseTo(1 / 150);
    expect(logFloor([curve], 250)).toBe(1e-3);
    expect(logFloor([curve], 1000)).toBe(1e-4);
    expect(logFloor([curve], 5000)).toBe(1e-4);
    // Unknown N: the curves' smallest positive FPR is 1/N.
    expect(fprResolution([{ fpr: [0, 0.004, 0.5, 1] }])).toBe(0.004);
    expect(logFloor([{ fpr: [0, 0.004, 0.5, 1] }])).toBe(1e-3);
    expect(logFloor([{ fpr: [0, 0] }, { fpr: [] }])).toBe(1e-4);
  });

  it('clamps zeros to the floor on log axes', () => {
    const x = rateScale('log', 1e-4, [0, 400]);
    const y = rateScale('log', 1e-4, [400, 0]);
    const path = rocPath(curve.fpr, curve.tpr, x, y, 'log', 1e-4);
    expect(path.startsWith('M0,400')).toBe(true);
    expect(path).not.toMatch(/NaN|Infinity/);
    expect(chancePath(x, y, 'log', 1e-4)).toBe('M0,400L400,0');
  });

  it('shades the region above the bound up to TPR = 1', () => {
    const x = rateScale('linear', 1e-4, [0, 100]);
    const y = rateScale('linear', 1e-4, [100, 0]);
    const path = impossibleRegionPath({ fpr: [0, 0.5, 1], tpr: [0.1, 1, 1], epsilon: 1 }, x, y, 'linear', 1e-4);
    expect(path).toBe('M0,90L50,0L100,0L100,0L50,0L0,0Z');
  });

  it('reads TPR at an FPR as the best threshold that keeps FPR that low', () => {
    expect(tprAt(curve.fpr, curve.tpr, 0.01)).toBe(0.2);
    expect(tprAt(curve.fpr, curve.tpr, 0.005)).toBe(0.05);
    expect(tprAt(curve.fpr, curve.tpr, 0)).toBe(0.02);
    expect(tprAt([0.5, 1], [0.6, 1], 0.1)).toBe(0);
  });

  it('finds the nearest point in pixels, within reach only', () => {
    const x = rateScale('linear', 1e-4, [0, 100]);
    const y = rateScale('linear', 1e-4, [100, 0]);
    const screens = screenPoints([curve, { fpr: [0.5], tpr: [0.5] }], x, y, 'linear', 1e-4);
    expect(nearestPoint(screens, 52, 49)).toMatchObject({ curve: 1, index: 0 });
    expect(nearestPoint(screens, 11, 42)).toMatchObject({ curve: 0, index: 4 });
    expect(nearestPoint(screens, 90, 90, 5)).toBeNull();
  });

  it('steps the keyboard probe through 1-2-5 decades on log axes', () => {
    expect(probeFprs('log', 1e-4).slice(0, 4)).toEqual([1e-4, 2e-4, 5e-4, 1e-3]);
    expect(probeFprs('log', 1e-4).at(-1)).toBe(1);
    expect(probeFprs('linear', 1e-4)).toHaveLength(21);
    expect(probeText([{ title: 'LiRA', ...curve }], 0.01)).toBe('At 1% FPR: LiRA 20%');
  });

  it('summarizes the strongest attack and the bound', () => {
    const series = [
      { name: 'a', title: 'Loss threshold', fpr: [], tpr: [], auc: 0.61, tprAt1: 0.02, tprAt01: 0.001 },
      { name: 'b', title: 'LiRA', fpr: [], tpr: [], auc: 0.78, tprAt1: 0.12, tprAt01: 0.031 },
    ];
    expect(rocSummary(series, { fpr: [], tpr: [], epsilon: 2 })).toBe(
      'LiRA (the highest AUC of 2 attacks): AUC 0.78, TPR 12% at 1% FPR and 3.1% at 0.1% FPR. A DP bound with ε = 2 caps every attack\'s true rates.',
    );
    expect(rocSummary([], null)).toBe('No attack results yet.');
  });
});
