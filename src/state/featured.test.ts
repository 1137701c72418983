import { describe, expect, it } from 'vitest';
import { boardValues, featuredAttack } from './featured';
import type { PlaygroundResult } from './engine-types';
import type { AttackName } from '../core/attacks/registry';

const attack = (name: AttackName, auc: number, tpr1: number) => ({ name, title: name.toUpperCase(), auc, balancedAccuracy: auc, tprAtFpr: { '0.1': 0, '0.01': tpr1, '0.001': 0 } });
const result = (attacks: ReturnType<typeof attack>[]) =>
  ({ attacks, target: { testAccuracy: 0.7, trainAccuracy: 0.9 }, privacy: null }) as unknown as PlaygroundResult;

describe('featured attack', () => {
  it('features the attack that catches the most members at 1% FPR, ties broken by AUC', () => {
    const attacks = [attack('gap', 0.8, 0.01), attack('lira-online', 0.75, 0.3), attack('loss-threshold', 0.78, 0.3)];
    expect(featuredAttack(attacks, null)).toBe('loss-threshold');
  });

  it("keeps the learner's pick while it runs, and falls back to the strongest when it does not", () => {
    const full = [attack('gap', 0.6, 0.01), attack('loss-threshold', 0.9, 0.4)];
    expect(featuredAttack(full, 'gap')).toBe('gap');
    // The label-only API leaves only the gap attack; back on full scores the strongest returns.
    expect(featuredAttack([attack('gap', 0.6, 0.01)], null)).toBe('gap');
    expect(featuredAttack(full, null)).toBe('loss-threshold');
    expect(featuredAttack([], null)).toBeNull();
  });

  it('compares the same attack across runs, never a different one', () => {
    const before = result([attack('gap', 0.6, 0.01)]);
    const now = result([attack('gap', 0.6, 0.01), attack('loss-threshold', 0.9, 0.4)]);
    expect(boardValues(now, 'loss-threshold')?.attack?.auc).toBe(0.9);
    // The previous run had no loss-threshold attack: no attack numbers to compare with.
    expect(boardValues(before, 'loss-threshold', true)?.attack).toBeNull();
    expect(boardValues(before, 'loss-threshold', true)?.testAccuracy).toBe(0.7);
    // Without strict, the view still shows some attack rather than nothing.
    expect(boardValues(before, 'loss-threshold')?.attack?.title).toBe('GAP');
  });
});
