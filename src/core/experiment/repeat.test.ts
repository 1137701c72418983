import { describe, expect, it } from 'vitest';
import { spread, summarizeRepeats } from './repeat';
import type { ExperimentResult } from './experiment-result';

/** Just the figures summarizeRepeats reads. */
function run(seed: number, auc: number, tpr1: number, test: number, extra = false): ExperimentResult {
  const attack = (name: string) => ({
    name, auc, accuracy: 0.6, balancedAccuracy: 0.6, advantage: 0.2, empiricalEpsilon: 0.1, tprAtFpr: { '0.1': 0.3, '0.01': tpr1, '0.001': 0 },
  });
  return {
    config: { seed }, target: { trainAccuracy: 1, testAccuracy: test, trainLoss: 0.01, testLoss: 1 },
    privacy: null, attacks: extra ? [attack('lira-online'), attack('gap')] : [attack('lira-online')],
  } as unknown as ExperimentResult;
}

describe('seed spread', () => {
  it('is the mean and the sample standard deviation', () => {
    expect(spread([1, 2, 3, 4])).toEqual({ mean: 2.5, std: Math.sqrt(5 / 3) });
    expect(spread([0.7])).toEqual({ mean: 0.7, std: 0 });
  });

  it('summarizes every figure over the seeds, for the attacks that ran in every run', () => {
    const s = summarizeRepeats([run(1, 0.8, 0.1, 0.7, true), run(2, 0.7, 0.05, 0.72), run(3, 0.75, 0.15, 0.74, true)]);
    expect(s.runs).toBe(3);
    expect(s.seeds).toEqual([1, 2, 3]);
    expect(s.attacks.map((a) => a.name)).toEqual(['lira-online']);
    expect(s.attacks[0].auc.mean).toBeCloseTo(0.75, 12);
    expect(s.attacks[0].auc.std).toBeCloseTo(0.05, 12);
    expect(s.attacks[0].tprAtFpr['0.01']).toEqual(spread([0.1, 0.05, 0.15]));
    expect(s.target.testAccuracy.mean).toBeCloseTo(0.72, 12);
    expect(s.target.testAccuracy.std).toBeCloseTo(0.02, 12);
    expect(s.privacy).toBeNull();
  });
});
