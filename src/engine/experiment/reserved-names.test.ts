/**
 * The lessons' two patients: at every seed John Doe is a target member and Jane Smith an evaluated
 * non-member, and naming them moves no record (the split and the data are what they would be
 * without the names), so no lesson number changes because of them.
 */
import { describe, expect, it } from 'vitest';
import { prepareBase } from './prepare';
import { presetConfig } from '../../lessons/presets';
import { mergeConfig } from '../../core/experiment/config';
import { splitForExperiment } from '../../core/data/splits';
import { resolveDataset } from '../../core/experiment/recipe';
import { planSplit } from '../../core/experiment/split-sizes';
import { Rng } from '../../core/rng';
import { JANE_SMITH, JOHN_DOE } from '../../core/data/names';

describe('John Doe and Jane Smith', () => {
  for (const seed of [1, 2, 16]) {
    it(`seed ${seed}: John is a member, Jane a non-member, each named once`, () => {
      const base = prepareBase(mergeConfig(presetConfig('lesson-defenses'), { seed }));
      const names = base.dataset.recordNames!;
      const role = (name: string) => {
        const row = names.indexOf(name);
        return base.split.targetMembers.includes(row) ? 'member' : base.split.targetNonMembers.includes(row) ? 'non-member' : 'other';
      };
      expect(role(JOHN_DOE)).toBe('member');
      expect(role(JANE_SMITH)).toBe('non-member');
      expect(names.filter((n) => n === JOHN_DOE || n === JANE_SMITH)).toHaveLength(2);
      expect(new Set(names).size).toBe(names.length);
    });
  }

  it('naming them moves no row: the split and the candidates are those of the plain seeded split', () => {
    const config = presetConfig('lesson-defenses');
    const base = prepareBase(config);
    const rng = new Rng(config.seed);
    const data = resolveDataset(config, rng);
    const plan = planSplit(config, data.n, '');
    if (typeof plan === 'string') throw new Error(plan);
    const plain = splitForExperiment(data, { targetMembers: config.split.targetMembers, shadowPool: plan.pool, validation: plan.ownerValidation }, rng.fork('split'));
    expect(Array.from(base.split.targetMembers)).toEqual(Array.from(plain.targetMembers));
    expect(Array.from(base.split.targetNonMembers)).toEqual(Array.from(plain.targetNonMembers));
    expect(Array.from(base.dataset.x)).toEqual(Array.from(data.x));
    // Only the two rows that now carry the reserved names, and rows 0 and 1 that gave them up, differ.
    const moved = base.dataset.recordNames!.flatMap((n, i) => (n === data.recordNames![i] ? [] : [i]));
    expect(moved.length).toBeLessThanOrEqual(4);
  });
});
