import { describe, expect, it } from 'vitest';
import { dominates, labelOffsets, paretoFront, tradeoffSummary, type TradeoffPoint } from './pareto';

const p = (key: string, testAccuracy: number, tprAt1: number): TradeoffPoint => ({ key, label: key, testAccuracy, tprAt1 });

describe('Pareto front', () => {
  const points = [p('none', 0.6, 0.27), p('l2', 0.64, 0.08), p('early', 0.64, 0.08), p('dropout', 0.63, 0.1), p('dp8', 0.62, 0.03), p('dp1', 0.5, 0.035), p('ens', 0.625, 0.025)];

  it('keeps only the points nothing beats on both axes, least leaky first', () => {
    expect(paretoFront(points).map((x) => x.key)).toEqual(['ens', 'l2', 'early']);
    expect(dominates(p('a', 0.7, 0.1), p('b', 0.6, 0.1))).toBe(true);
    expect(dominates(p('a', 0.7, 0.1), p('b', 0.7, 0.1))).toBe(false);
    expect(paretoFront([])).toEqual([]);
  });

  it('summarizes the front in words', () => {
    const s = tradeoffSummary(points);
    expect(s).toContain('Best trade-offs (the Pareto front): ens, l2, early.');
    expect(s).toContain('ens, exposes 2.5% of members at 1% FPR with 62.5% test accuracy');
    expect(tradeoffSummary([])).toBe('No defense measured yet.');
  });
});

describe('labelOffsets', () => {
  it('pushes overlapping labels apart and leaves the rest alone', () => {
    const offsets = labelOffsets([{ x: 0, y: 100, width: 50 }, { x: 10, y: 104, width: 50 }, { x: 200, y: 100, width: 50 }], 13);
    expect(offsets).toEqual([0, 9, 0]);
    // Positions where (y + 13) − y rounds below 13 must not loop forever.
    const stacked = labelOffsets([{ x: 0, y: 4.083, width: 50 }, { x: 0, y: 4.083, width: 50 }, { x: 0, y: 4.083, width: 50 }], 13);
    expect(stacked.map((v) => Math.round(v))).toEqual([0, 13, 26]);
  });
});
