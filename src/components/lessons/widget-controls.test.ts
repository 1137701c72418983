import { describe, expect, it } from 'vitest';
import { shownControls } from './widget-controls';
import { presetConfig } from '../../lessons/presets';
import { applySet } from '../../lessons/variants';

const controls = [{ path: 'train.augmentation' }, { path: 'attack.knowsAugmentation' }];
const paths = (config: ReturnType<typeof presetConfig>) => shownControls(controls, config).map((c) => c.path);

describe('shownControls', () => {
  it("hides 'Attacker copies the augmentation' while the target trains without augmentation (lesson 8's w3)", () => {
    const base = presetConfig('lesson-defenses');
    expect(base.train.augmentation).toBe('none');
    expect(paths(base)).toEqual(['train.augmentation']);
  });

  it('shows it once an augmentation is picked', () => {
    expect(paths(applySet(presetConfig('lesson-defenses'), { 'train.augmentation': 'noise' }))).toEqual(['train.augmentation', 'attack.knowsAugmentation']);
    expect(paths(applySet(presetConfig('lesson-defenses'), { 'train.augmentation': 'mixup' }))).toEqual(['train.augmentation', 'attack.knowsAugmentation']);
  });

  it('hides the other settings that do nothing under the config (width for a CNN, ε with DP off)', () => {
    const config = presetConfig('lesson-defenses');
    const shown = shownControls([{ path: 'model.width' }, { path: 'dp.targetEpsilon' }, { path: 'train.epochs' }], config).map((c) => c.path);
    expect(shown).toContain('train.epochs');
    expect(shown).not.toContain('dp.targetEpsilon');
  });
});

describe('augmentation strength', () => {
  it('applies only with an augmentation on (lesson 8 w1 shows it once one is picked)', () => {
    const controls = [{ path: 'train.augmentation' }, { path: 'train.augmentationStrength' }, { path: 'train.ensemble' }];
    expect(shownControls(controls, presetConfig('lesson-defenses')).map((c) => c.path)).toEqual(['train.augmentation', 'train.ensemble']);
    const noise = applySet(presetConfig('lesson-defenses'), { 'train.augmentation': 'noise' });
    expect(shownControls(controls, noise).map((c) => c.path)).toEqual(['train.augmentation', 'train.augmentationStrength', 'train.ensemble']);
  });
});
