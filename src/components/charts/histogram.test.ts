import { describe, expect, it } from 'vitest';
import { binAt, binText, histogramSummary, maxShare, medianOf, shareBins } from './histogram';

describe('shareBins', () => {
  it('turns counts into shares of each group so unequal groups compare', () => {
    const members = [0.95, 0.97, 0.99, 1];
    const nonMembers = Array.from({ length: 40 }, (_, i) => (i < 20 ? 0.1 : 0.96));
    const bins = shareBins(members, nonMembers, 10, [0, 1]);
    expect(bins).toHaveLength(10);
    expect(bins[9]).toMatchObject({ memberCount: 4, nonMemberCount: 20, memberShare: 1, nonMemberShare: 0.5 });
    expect(bins[1].nonMemberShare).toBe(0.5);
    expect(bins.reduce((s, b) => s + b.memberShare, 0)).toBeCloseTo(1);
    expect(maxShare(bins)).toBe(1);
  });

  it('clamps out-of-domain values into the end bins and skips NaN', () => {
    const bins = shareBins([-0.5, 1.5, Number.NaN], [], 4, [0, 1]);
    expect(bins[0].memberCount).toBe(1);
    expect(bins[3].memberCount).toBe(1);
    expect(bins.every((b) => b.nonMemberShare === 0)).toBe(true);
  });

  it('finds the bin under the pointer', () => {
    expect(binAt(0.5, 20, [0, 1])).toBe(10);
    expect(binAt(1, 20, [0, 1])).toBe(19);
    expect(binAt(0, 4, [0, 1])).toBe(0);
    expect(binAt(1.01, 20, [0, 1])).toBeNull();
    expect(binAt(Number.NaN, 20, [0, 1])).toBeNull();
  });

  it('describes a bin and the medians', () => {
    const [bin] = shareBins([0.02], [0.03, 0.5], 10, [0, 1]);
    expect(binText(bin)).toBe('0.00–0.10: members 100%, non-members 50%');
    expect(medianOf(new Float32Array([0.5, 0.7, 0.9]))).toBeCloseTo(0.7);
    expect(histogramSummary([0.99, 0.995, 0.98], [0.7, 0.71, 0.72], 'confidence')).toBe(
      'Median confidence: members 0.99, non-members 0.71 (3 members, 3 non-members).',
    );
    expect(histogramSummary([], [], 'confidence')).toBe('No confidence values yet.');
    // A saved result keeps quantiles of each group: the summary names the groups' real sizes.
    expect(histogramSummary([0.99, 0.995, 0.98], [0.7, 0.71, 0.72], 'confidence', { members: 300, nonMembers: 1200 })).toBe(
      'Median confidence: members 0.99, non-members 0.71 (300 members, 1,200 non-members).',
    );
  });
});
