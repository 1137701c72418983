/**
 * @fileoverview `experiment --repeat N`: N seeds from --seed, the first seed's usual JSON, and a
 * `repeat` block whose means and standard deviations match the single runs; bad values are usage errors.
 */
import { describe, expect, it } from 'vitest';
import { parseFlags, UsageError } from '../args';
import { experimentCommand } from './experiment';
import { spread } from '../../core/experiment/repeat';

const SMALL = [
  '--set', 'data.name=purchases', '--set', 'data.n=800', '--set', 'split.targetMembers=150', '--set', 'split.shadowPool=300',
  '--set', 'model.width=32', '--set', 'train.epochs=6', '--set', 'attack.names=gap,loss-threshold',
];
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const run = async (argv: string[]) => (await experimentCommand.run(parseFlags(argv, experimentCommand.flags), () => undefined)) as Json;
const numbers = (j: Json) => ({ target: j.target, attacks: j.attacks });

describe('experiment --repeat', () => {
  it('runs seeds s, s+1, … and reports each figure as mean ± std beside the first run', async () => {
    const [repeated, seed3, seed4] = [await run([...SMALL, '--seed', '3', '--repeat', '2']), await run([...SMALL, '--seed', '3']), await run([...SMALL, '--seed', '4'])];
    expect(seed3.repeat).toBeUndefined();
    expect(numbers(repeated)).toEqual(numbers(seed3));
    expect(repeated.repeat.runs).toBe(2);
    expect(repeated.repeat.seeds).toEqual([3, 4]);
    const loss = (j: Json) => j.attacks.find((a: Json) => a.name === 'loss-threshold');
    const summary = repeated.repeat.attacks.find((a: Json) => a.name === 'loss-threshold');
    expect(summary.auc).toEqual(spread([loss(seed3).auc, loss(seed4).auc]));
    expect(summary.tprAtFpr['0.01']).toEqual(spread([loss(seed3).tprAtFpr['0.01'], loss(seed4).tprAtFpr['0.01']]));
    expect(repeated.repeat.target.testAccuracy).toEqual(spread([seed3.target.testAccuracy, seed4.target.testAccuracy]));
    expect(summary.auc.std).toBeGreaterThan(0);
    // Each TPR comes with its interval, the counts behind it, and what it is in words (issue 12).
    const gap = seed3.attacks[0];
    expect(gap).toMatchObject({ members: 150, nonMembers: 150, falsePositivesAllowed: { '0.1': 15, '0.01': 1, '0.001': 0 } });
    expect(gap.tprAtFprLabel['0.001']).toBe('TPR at zero false positives');
    expect(gap.tprAtFprCi['0.01'].lower).toBeLessThanOrEqual(gap.tprAtFpr['0.01']);
    expect(gap.tprAtFprCi['0.01'].upper).toBeGreaterThanOrEqual(gap.tprAtFpr['0.01']);
  }, 120_000);

  it('refuses values that are not a count of runs, and --scores with --repeat', async () => {
    await expect(run([...SMALL, '--repeat', '0'])).rejects.toThrow(new UsageError('--repeat must be an integer in 1..50, got 0'));
    await expect(run([...SMALL, '--repeat', '1.5'])).rejects.toThrow('--repeat must be an integer in 1..50, got 1.5');
    await expect(run([...SMALL, '--repeat', 'x'])).rejects.toThrow('flag --repeat must be a number, got "x"');
    await expect(run([...SMALL, '--repeat', '2', '--scores', 'out.json'])).rejects.toThrow('--scores writes the scores of one run; give it without --repeat');
    await expect(run([...SMALL, '--seed', '2147483647', '--repeat', '2'])).rejects.toThrow('would pass the largest seed 2147483647');
  });
});
