import { describe, expect, it } from 'vitest';
import { summarizeSweepRun, sweepCacheKey, sweepConfigs } from './sweep';
import { CHEAT_SHEET_SWEEP, cheatSheetSweep } from '../../state/cheat-sheet-sweep';

describe('cheat-sheet sweep', () => {
  it('has every defense of the cheat sheet, on one seed and one dataset', () => {
    const configs = sweepConfigs(CHEAT_SHEET_SWEEP);
    expect(configs.map((c) => c.key)).toEqual(['none', 'l2', 'l1', 'dropout', 'early', 'augmentation', 'ensemble', 'stacking', 'dp8', 'dp2', 'dp1']);
    expect(new Set(configs.map((c) => c.config.seed)).size).toBe(1);
    expect(new Set(configs.map((c) => JSON.stringify(c.config.data))).size).toBe(1);
    const by = Object.fromEntries(configs.map((c) => [c.key, c.config]));
    expect(by.none.dp.enabled).toBe(false);
    expect(by.l2.train.l2).toBeGreaterThan(0);
    expect(by.dropout.model.dropout).toBeGreaterThan(0);
    expect(by.early.train.earlyStopping).toBe(true);
    expect(by.augmentation.train.augmentation).not.toBe('none');
    expect(by.ensemble.train.ensemble).toBeGreaterThan(1);
    expect([by.dp8, by.dp2, by.dp1].map((c) => c.dp.targetEpsilon)).toEqual([8, 2, 1]);
    // Each defense changes the base in its own fields only.
    expect(by.dropout.train).toEqual(by.none.train);
  });

  it('shrinks every size in the tiny variant and keeps the defenses', () => {
    const tiny = sweepConfigs(cheatSheetSweep('tiny'));
    const full = sweepConfigs(cheatSheetSweep('full'));
    expect(tiny.map((c) => c.key)).toEqual(full.map((c) => c.key));
    for (let i = 0; i < tiny.length; i++) {
      expect(tiny[i].config.split.targetMembers).toBeLessThan(full[i].config.split.targetMembers);
      expect(tiny[i].config.attack.references).toBeLessThanOrEqual(full[i].config.attack.references);
    }
  });

  it('keys the cache by the definition', () => {
    const full = sweepCacheKey(cheatSheetSweep('full'));
    expect(full).toMatch(/^mia-sweep:cheat-sheet-v2:[0-9a-f]{8}$/);
    expect(sweepCacheKey(cheatSheetSweep('tiny'))).not.toBe(full);
    const changed = { ...CHEAT_SHEET_SWEEP, patch: { ...CHEAT_SHEET_SWEEP.patch, seed: 2 } };
    expect(sweepCacheKey(changed).split(':')[2]).not.toBe(full.split(':')[2]);
  });

  it('summarizes a run by its strongest attack on each measure', () => {
    const row = summarizeSweepRun({ key: 'dp2', label: 'DP' }, {
      target: { trainAccuracy: 0.7, testAccuracy: 0.6 },
      attacks: [
        { name: 'a', title: 'A', auc: 0.7, tprAtFpr: { '0.01': 0.02 } },
        { name: 'b', title: 'B', auc: 0.6, tprAtFpr: { '0.01': 0.09 } },
      ],
      privacy: { epsilon: 2, delta: 1e-5 },
    });
    expect(row).toMatchObject({ auc: 0.7, aucAttack: 'A', tprAt1: 0.09, tprAttack: 'B', epsilon: 2, testAccuracy: 0.6 });
    expect(() => summarizeSweepRun({ key: 'x', label: 'x' }, { target: { trainAccuracy: 1, testAccuracy: 1 }, attacks: [], privacy: null })).toThrow(/no attack/);
  });
});
