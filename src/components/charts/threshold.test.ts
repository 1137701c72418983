import { describe, expect, it } from 'vitest';
import { clampToDomain, countText, formatThreshold, outlinePath, scoreAxisLabel, scoreDomain, steppedThreshold, thresholdValueText } from './threshold';
import { shareBins } from './histogram';
import { tableRoc, zeroFalsePositiveNote } from './threshold';
import { groupTable, operatingPoint } from '../../core/metrics/operating-point';

describe('scoreDomain', () => {
  it('spans both groups with 2% of room beyond the last bar', () => {
    const [lo, hi] = scoreDomain([0, 1, 2], [3, 4, 5, 10]);
    expect(lo).toBeCloseTo(-0.2, 12);
    expect(hi).toBeCloseTo(10.2, 12);
  });

  it('keeps one extreme score from squashing the rest', () => {
    const values = Array.from({ length: 999 }, (_, i) => i / 1000);
    const [, hi] = scoreDomain(values, [1e6]);
    expect(hi).toBeLessThan(2.1);
  });

  it('trims the long low tail but keeps the high scores, where the low FPRs are', () => {
    // 95 scores near 0, five far below, and the highest non-member at 3.
    const members = [...Array.from({ length: 50 }, (_, i) => i / 50), 2.5];
    const nonMembers = [...Array.from({ length: 45 }, (_, i) => -i / 50), -20, -22, -24, -25, -26, 3];
    const [lo, hi] = scoreDomain(members, nonMembers);
    expect(lo).toBeGreaterThan(-26);
    expect(hi).toBeGreaterThanOrEqual(3);
  });

  it('ignores ±∞ and gives one unit around a constant score', () => {
    expect(scoreDomain([Number.NEGATIVE_INFINITY, 2, 2], [2, Number.POSITIVE_INFINITY])).toEqual([1.5, 2.5]);
    expect(scoreDomain([], [])).toEqual([0, 1]);
  });
});

describe('steppedThreshold', () => {
  const domain: [number, number] = [0, 1];
  it('moves one hundredth of the axis per arrow, ten with Shift or a Page key', () => {
    expect(steppedThreshold('ArrowRight', false, 0.5, domain)).toBeCloseTo(0.51, 12);
    expect(steppedThreshold('ArrowLeft', false, 0.5, domain)).toBeCloseTo(0.49, 12);
    expect(steppedThreshold('ArrowUp', true, 0.5, domain)).toBeCloseTo(0.6, 12);
    expect(steppedThreshold('PageDown', false, 0.5, domain)).toBeCloseTo(0.4, 12);
  });
  it('stops at the ends, jumps there with Home/End, and ignores other keys', () => {
    expect(steppedThreshold('ArrowRight', true, 0.95, domain)).toBe(1);
    expect(steppedThreshold('Home', false, 0.5, domain)).toBe(0);
    expect(steppedThreshold('End', false, 0.5, domain)).toBe(1);
    expect(steppedThreshold('Enter', false, 0.5, domain)).toBeNull();
    // A threshold beyond the axis (the attacker's could be +∞) steps from the end it sits at.
    expect(steppedThreshold('ArrowLeft', false, Number.POSITIVE_INFINITY, domain)).toBeCloseTo(0.99, 12);
  });
  it('clamps', () => {
    expect(clampToDomain(-3, domain)).toBe(0);
    expect(clampToDomain(Number.NaN, domain)).toBe(0);
  });
});

describe('outlinePath', () => {
  it('steps along each bin top across its full width', () => {
    const bins = shareBins([0.1, 0.6, 0.7, 0.8], [], 2, [0, 1]);
    const d = outlinePath(bins, (b) => b.memberShare, (v) => v * 100, (v) => 100 - v * 100);
    expect(d).toBe('M0,100V75H50V25H100V100');
    expect(outlinePath([], (b) => b.memberShare, (v) => v, (v) => v)).toBe('');
  });
});

describe('readout words', () => {
  it('counts records, exactly or about when the rates rest on a sample', () => {
    expect(countText(0.04, 12, 300, 'members')).toBe('12 of 300 members');
    expect(countText(0.04, 8, 1200, 'non-members', true)).toBe('about 48 of 1,200 non-members');
  });
  it('speaks the handle value with both rates and counts', () => {
    const p = { threshold: 0.9, tp: 120, fp: 3, members: 300, nonMembers: 300, tpr: 0.4, fpr: 0.01 };
    expect(thresholdValueText('0.9', p, p)).toBe('threshold 0.9: TPR 40% (120 of 300 members), FPR 1% (3 of 300 non-members)');
  });
  it('writes thresholds readably', () => {
    expect(formatThreshold(0.93456)).toBe('0.935');
    expect(formatThreshold(-12.345)).toBe('-12.3');
    expect(formatThreshold(123456)).toBe('1.23e+5');
    expect(formatThreshold(Number.POSITIVE_INFINITY)).toBe('above every score');
  });
  it('names what each attack score measures', () => {
    expect(scoreAxisLabel('confidence-threshold', 'Confidence threshold')).toBe('Model confidence in the true class');
    expect(scoreAxisLabel('new-attack', 'New attack')).toBe('New attack score');
  });
});

describe('tableRoc', () => {
  it('draws the ROC the threshold moves along: every operating point is one of its vertices', () => {
    const table = groupTable([0.9, 0.8, 0.8, 0.3], [0.7, 0.3, 0.2, 0.1, 0.05]);
    const { linear, log } = tableRoc(table, 'confidence-threshold', 'Confidence threshold');
    // Pairs won: 0.9 and both 0.8s beat all 5 non-members; 0.3 beats 3 and ties 1: (15 + 3.5) / 20.
    expect(linear.auc).toBeCloseTo(18.5 / 20, 12);
    for (const t of [1, 0.85, 0.75, 0.3, 0.15, 0]) {
      const p = operatingPoint(table, t);
      const onCurve = Array.from(linear.fpr).some((f, i) => f === p.fpr && linear.tpr[i] === p.tpr);
      expect(onCurve).toBe(true);
    }
    expect(log.fpr.length).toBeGreaterThan(0);
    expect(linear.tprAt1).toBe(0.75);
  });
});

describe('zeroFalsePositiveNote', () => {
  const at = (tp: number, fp: number) => ({ threshold: 1, tp, fp, members: 300, nonMembers: 300, tpr: tp / 300, fpr: fp / 300 });
  it('says how large an FPR no false positive among N can rule out, and what precision that leaves', () => {
    // 0 of 300: the 95% upper bound is 1 − 0.025^(1/300) = 1.2221%; with 30 of 300 members caught,
    // 0.001 / (0.001 + 0.012221·0.99) = 7.634%.
    expect(zeroFalsePositiveNote(at(30, 0))).toBe(
      'No non-member is accused here, but 300 non-members cannot tell an FPR of 0 from one up to 1.22% (95% bound); ' +
        'at that FPR a MEMBER verdict would be right only 7.63% of the time if 1 in 100 of those queried are members.',
    );
  });
  it('is silent once a non-member is accused, or when nobody is', () => {
    expect(zeroFalsePositiveNote(at(30, 1))).toBeNull();
    expect(zeroFalsePositiveNote(at(0, 0))).toBeNull();
  });
});
