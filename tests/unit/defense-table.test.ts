/**
 * @fileoverview The bench's defense table holds each row to the criteria the default was chosen
 * by: a leaking but unsaturated baseline, each main defense lowering the strongest attack, DP
 * keeping the model useful. Checked on made-up rows, so a wrong comparison cannot hide.
 */
import { describe, expect, it } from 'vitest';
import { defenseFigures, meanRows, type DefenseRow } from '../bench/defenses';

const row = (key: string, testAccuracy: number, strongestAuc: number, tprAt1: number, epsilon: number | null = null): DefenseRow => ({
  key, testAccuracy, strongestAuc, tprAt1, epsilon,
});
const GOOD = [
  row('none', 0.6, 0.82, 0.12),
  row('dropout', 0.62, 0.75, 0.09),
  row('augmentation', 0.61, 0.73, 0.08),
  row('dp', 0.63, 0.56, 0.02, 2),
  row('l2', 0.66, 0.7, 0.06),
  row('earlyStopping', 0.68, 0.66, 0.03),
];
const holds = (rows: DefenseRow[]) => Object.fromEntries(defenseFigures(rows).filter((f) => f.target !== null).map((f) => [f.name, f.holds]));

describe('defense table figures', () => {
  it('hold for a default that teaches', () => {
    expect(Object.values(holds(GOOD)).every(Boolean)).toBe(true);
  });

  it('miss when the baseline saturates or barely leaks', () => {
    expect(holds([row('none', 0.6, 0.99, 1), ...GOOD.slice(1)])['defense.none.strongestAuc']).toBe(false);
    expect(holds([row('none', 0.6, 0.62, 0.12), ...GOOD.slice(1)])['defense.none.strongestAuc']).toBe(false);
    expect(holds([row('none', 0.6, 0.82, 0.02), ...GOOD.slice(1)])['defense.none.tprAt1']).toBe(false);
  });

  it('miss when a defense lowers the AUC by less than 0.05, raises the TPR, or DP ruins utility', () => {
    const weakDropout = GOOD.map((r) => (r.key === 'dropout' ? row('dropout', 0.6, 0.8, 0.09) : r));
    expect(holds(weakDropout)['defense.dropout.strongestAuc']).toBe(false);
    const tprUp = GOOD.map((r) => (r.key === 'augmentation' ? row('augmentation', 0.6, 0.7, 0.2) : r));
    expect(holds(tprUp)['defense.augmentation.tprAt1']).toBe(false);
    const brokenDp = GOOD.map((r) => (r.key === 'dp' ? row('dp', 0.031, 0.5, 0.01, 2) : r));
    expect(holds(brokenDp)['defense.dp.testAccuracy']).toBe(false);
  });

  it('reports L2 and early stopping without holding them to a target', () => {
    const figures = defenseFigures(GOOD).filter((f) => f.name.startsWith('defense.l2.') || f.name.startsWith('defense.earlyStopping.'));
    expect(figures.length).toBe(6);
    expect(figures.every((f) => f.target === null)).toBe(true);
  });

  it('averages seeds row by row', () => {
    const other = GOOD.map((r) => row(r.key, r.testAccuracy + 0.1, r.strongestAuc - 0.1, r.tprAt1, r.epsilon));
    const mean = meanRows([GOOD, other]);
    expect(mean.map((r) => r.key)).toEqual(GOOD.map((r) => r.key));
    expect(mean[0].testAccuracy).toBeCloseTo(0.65, 12);
    expect(mean[0].strongestAuc).toBeCloseTo(0.77, 12);
    expect(mean[3].epsilon).toBe(2);
    expect(mean[0].epsilon).toBeNull();
  });
});
