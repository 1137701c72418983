import { describe, expect, it } from 'vitest';
import { sweepCacheKey, type SweepRow } from './sweep';
import { CHEAT_SHEET_SWEEP } from '../../state/cheat-sheet-sweep';
import { combineSeedRows, stepSeeds, withSeeds } from './sweep-seeds';
import { spread } from './repeat';

const row = (auc: number, tprAt1: number, test: number, attack: string): SweepRow => ({
  key: 'none', label: 'No defense', trainAccuracy: 1, testAccuracy: test, auc, aucAttack: attack, tprAt1, tprAttack: attack, epsilon: null, delta: null,
});

describe('cheat sheet over several seeds', () => {
  it('runs each step with seeds s, s+1, s+2 under its own cache key', () => {
    const three = withSeeds(CHEAT_SHEET_SWEEP, 3);
    expect(withSeeds(CHEAT_SHEET_SWEEP, 1)).toBe(CHEAT_SHEET_SWEEP);
    expect(stepSeeds(three, 1)).toEqual([1, 2, 3]);
    expect(stepSeeds(CHEAT_SHEET_SWEEP, 1)).toEqual([1]);
    expect(sweepCacheKey(three)).not.toBe(sweepCacheKey(CHEAT_SHEET_SWEEP));
  });

  it('reports each figure as mean ± std over the seeds', () => {
    const combined = combineSeedRows([row(0.8, 0.2, 0.6, 'LiRA'), row(0.7, 0.1, 0.62, 'Loss threshold'), row(0.75, 0.15, 0.64, 'LiRA')]);
    expect(combined.auc).toBeCloseTo(0.75, 12);
    expect(combined.tprAt1).toBeCloseTo(0.15, 12);
    expect(combined.testAccuracy).toBeCloseTo(0.62, 12);
    expect(combined.aucAttack).toBe('LiRA');
    expect(combined.spread).toEqual({ seeds: 3, trainAccuracy: 0, testAccuracy: spread([0.6, 0.62, 0.64]).std, auc: spread([0.8, 0.7, 0.75]).std, tprAt1: spread([0.2, 0.1, 0.15]).std });
    const one = row(0.8, 0.2, 0.6, 'LiRA');
    expect(combineSeedRows([one])).toBe(one);
  });
});
