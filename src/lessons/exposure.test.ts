import { describe, expect, it } from 'vitest';
import { classDistances, exposureSummary, spearman } from './exposure';

describe('exposure: outliers leak most', () => {
  it('measures distance to the own class centre in standardized features', () => {
    const d = classDistances([
      { label: 0, features: [0, 0] }, { label: 0, features: [2, 0] }, { label: 1, features: [10, 10] }, { label: 1, features: [10, 10] },
    ]);
    expect(d[0]).toBeCloseTo(d[1], 10); // symmetric about class 0's centre
    expect(d[2]).toBe(0); // identical records sit on their centre
    expect(d[0]).toBeGreaterThan(0);
  });

  it('spearman is 1 for a monotone relation, -1 reversed, 0 for a constant', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 100])).toBeCloseTo(1, 10);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 10);
    expect(spearman([1, 2, 3], [5, 5, 5])).toBe(0);
  });

  it('finds the most exposed members atypical when the scores favour outliers', () => {
    // 40 members on a line around class centres; the score grows with distance from the centre.
    const records = Array.from({ length: 80 }, (_, i) => ({ label: i % 2, features: [(i % 40) - 20, i % 2] }));
    const isMember = Uint8Array.from(records, (_, i) => (i < 40 ? 1 : 0));
    const scores = records.map((r) => Math.abs(r.features[0]));
    const e = exposureSummary('lira-online', records, scores, isMember, 5);
    expect(e.k).toBe(5);
    expect(e.points).toHaveLength(40);
    expect(e.topMeanAtypical).toBeGreaterThan(e.memberMeanAtypical + 20);
    expect(e.topInOutlierQuarter).toBe(5);
    expect(e.spearman).toBeGreaterThan(0.9);
    expect(Math.min(...e.points.map((p) => p.rank))).toBe(1);
  });
});
