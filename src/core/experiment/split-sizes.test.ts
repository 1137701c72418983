import { describe, expect, it } from 'vitest';
import { mergeConfig, validateConfig, withField } from './config';
import { PRESETS, presetConfig } from '../../lessons/presets';
import { planSplit } from './split-sizes';
import { Rng } from '../rng';
import { generateDataset } from '../data/generate';
import { splitForExperiment } from '../data/splits';

describe('planSplit: room for early stopping’s validation rows', () => {
  const base = presetConfig('lesson-defenses'); // 1000 rows: 200 + 200 + 400, 200 to spare
  const es = withField(base, 'train.earlyStopping', 'true');

  it('takes no rows without early stopping', () => {
    expect(planSplit(base, 1000, 'x')).toEqual({ members: 200, pool: 400, ownerValidation: 0, attackerValidation: 0, takenFromPool: 0 });
  });

  it('takes the owner’s validation rows from the rows left over, and the attacker’s from its pool', () => {
    expect(planSplit(es, 1000, 'x')).toEqual({ members: 200, pool: 400, ownerValidation: 30, attackerValidation: 30, takenFromPool: 0 });
  });

  it('takes from the end of the attacker’s pool when the data has no rows to spare, never from members', () => {
    expect(planSplit(es, 810, 'x')).toEqual({ members: 200, pool: 380, ownerValidation: 30, attackerValidation: 29, takenFromPool: 20 });
    const plan = planSplit(mergeConfig(es, { data: { n: 800 } }), 800, 'x');
    if (typeof plan === 'string') throw new Error(plan);
    expect(plan).toMatchObject({ pool: 370, ownerValidation: 30, takenFromPool: 30 });
    const data = generateDataset({ name: 'patients', n: 800 }, new Rng(1));
    const split = splitForExperiment(data, { targetMembers: 200, shadowPool: plan.pool, validation: plan.ownerValidation }, new Rng(1));
    const all = [...split.targetMembers, ...split.targetNonMembers, ...split.shadowPool, ...split.validation];
    expect(new Set(all).size).toBe(800);
    expect(split.targetMembers.length + split.targetNonMembers.length).toBe(400);
  });

  it('names the fields when even the pool cannot make room', () => {
    const tiny = { ...es, data: { ...es.data, n: 420 }, split: { ...es.split, targetMembers: 200, shadowPool: 20 } };
    expect(planSplit(tiny, 420, 'data.n is 420')).toMatch(/Early stopping's 30 validation rows \(train\.validationSplit 0\.15 × split\.targetMembers 200\) would leave fewer than 10 rows of split\.shadowPool 20, because data\.n is 420/);
    expect(() => validateConfig(tiny)).toThrow(/validation rows/);
    expect(planSplit(base, 700, 'data.n is 700')).toMatch(/The split needs 800 rows .* but data\.n is 700/);
  });

  it('keeps every preset valid with early stopping on', () => {
    for (const p of PRESETS) expect(() => withField(presetConfig(p.name), 'train.earlyStopping', 'true'), p.name).not.toThrow();
  });
});
