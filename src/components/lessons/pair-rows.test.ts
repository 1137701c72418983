import { describe, expect, it } from 'vitest';
import { pairRows } from './pair-rows';
import type { LessonResult } from '../../lessons/result';

const result = (john: number, config: Record<string, unknown>, source: 'cached' | 'live' = 'cached'): LessonResult =>
  ({
    source, config, classNames: ['a', 'b'], target: { testAccuracy: 0.6 }, privacy: null,
    records: [
      { name: 'John Doe', member: true, label: 1, probs: [0, 1], scores: { lira: john, loss: -0.1 }, fprAtScore: { lira: 0.01, loss: 0.5 } },
      { name: 'Jane Smith', member: false, label: 0, probs: [0.3, 0.7], scores: { lira: -2, loss: -3 }, fprAtScore: { lira: 0.9, loss: 0.9 } },
    ],
    attacks: [
      { name: 'loss', title: 'Loss threshold', threshold: -0.5, auc: 0.7, tprAt1: 0 },
      { name: 'lira', title: 'LiRA', threshold: 0.5, auc: 0.8, tprAt1: 0.2 },
    ],
  }) as unknown as LessonResult;

describe('pairRows', () => {
  it('without variants: one row per attack, the featured one first', () => {
    const rows = pairRows({ current: result(2, { seed: 1 }), base: null, variants: [], results: {}, featured: 'lira', baseLabel: '' });
    expect(rows.map((r) => r.label)).toEqual(['LiRA', 'Loss threshold']);
    expect(rows[0].verdicts.map((v) => [v.name, v.flagged])).toEqual([['John Doe', true], ['Jane Smith', false]]);
  });

  it('with variants: the preset, then each variant under the featured attack; a live run with other settings comes first', () => {
    const base = result(2, { seed: 1 });
    const variants = [{ key: 'dropout', label: 'Dropout 0.5', set: {} }];
    const inputs = { base, variants, results: { dropout: result(0.1, { seed: 1, dropout: 0.5 }) }, featured: 'lira', baseLabel: 'No defense' };
    const rows = pairRows({ ...inputs, current: base });
    expect(rows.map((r) => [r.label, r.verdicts[0].flagged])).toEqual([['No defense', true], ['Dropout 0.5', false]]);
    const live = pairRows({ ...inputs, current: result(0.3, { seed: 1, dropout: 0.7 }, 'live') });
    expect(live.map((r) => r.label)).toEqual(['Your settings', 'No defense', 'Dropout 0.5']);
    expect(live[0].live).toBe(true);
  });
});
