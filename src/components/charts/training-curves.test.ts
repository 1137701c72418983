import { scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import { curvePaths, curvePoints, curvesSummary, curveYDomain, gapText, nearestEpochIndex, showsEarlyStop } from './training-curves';

const history = [
  { epoch: 2, memberAccuracy: 0.8, nonMemberAccuracy: 0.75, memberLoss: 0.5, nonMemberLoss: 0.6 },
  { epoch: 1, memberAccuracy: 0.6, nonMemberAccuracy: 0.58, memberLoss: 0.9, nonMemberLoss: 0.95 },
  { epoch: 3, memberAccuracy: 0.97, nonMemberAccuracy: 0.8, memberLoss: 0.1, nonMemberLoss: Number.NaN },
];

describe('training curves', () => {
  it('picks the metric, sorts by epoch and drops non-finite epochs', () => {
    expect(curvePoints(history, 'accuracy').map((p) => p.epoch)).toEqual([1, 2, 3]);
    expect(curvePoints(history, 'loss').map((p) => p.epoch)).toEqual([1, 2]);
    expect(curvePoints(history, 'loss')[0]).toEqual({ epoch: 1, member: 0.9, nonMember: 0.95 });
  });

  it('zooms accuracy below 1 and starts loss at 0', () => {
    expect(curveYDomain(curvePoints(history, 'accuracy'), 'accuracy')).toEqual([0.5, 1]);
    const [lo, hi] = curveYDomain(curvePoints(history, 'loss'), 'loss');
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(1.045);
    expect(curveYDomain([], 'accuracy')).toEqual([0, 1]);
  });

  it('builds the lines and the gap area through every point', () => {
    const pts = curvePoints(history, 'accuracy');
    const x = scaleLinear().domain([1, 3]).range([0, 200]);
    const y = scaleLinear().domain([0, 1]).range([100, 0]);
    const paths = curvePaths(pts, x, y);
    expect(paths.member).toBe('M0,40L100,20L200,3');
    expect(paths.gap.startsWith('M0,40')).toBe(true);
    expect(curvePaths([], x, y).member).toBe('');
  });

  it('finds the nearest epoch and describes the run', () => {
    const pts = curvePoints(history, 'accuracy');
    expect(nearestEpochIndex(pts, 2.4)).toBe(1);
    expect(nearestEpochIndex(pts, 99)).toBe(2);
    expect(nearestEpochIndex([], 1)).toBeNull();
    expect(gapText({ epoch: 1, member: 0.4, nonMember: 0.7 }, 'loss')).toBe('0.3');
    expect(showsEarlyStop(2, 10)).toBe(true);
    expect(showsEarlyStop(10, 10)).toBe(false);
    expect(showsEarlyStop(null, 10)).toBe(false);
    expect(curvesSummary(pts, 'accuracy', 10, 2)).toBe(
      'Epoch 3: train 97%, test 80% (gap 17 pts), of 10 planned epochs. Early stopping kept the best epoch, 2.',
    );
  });
});
