/**
 * attack.knowsAugmentation: an attacker who does not know the target's augmentation trains its
 * shadow and reference models without any, and those are different models (a new training key).
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig, withField } from './config';
import { attackerAugmenter, augmenterFor } from './recipe';
import { trainingKey } from './artifacts';
import { configError } from '../testing/config-error';
import { generateDataset } from '../data/generate';
import { Rng } from '../rng';

const noisy = withField(withField(defaultConfig(), 'train.augmentation', 'noise'), 'train.augmentationStrength', '0.5');
const data = generateDataset({ name: 'patients', n: 100 }, new Rng(1));

describe('attack.knowsAugmentation', () => {
  it('defaults to true: the attacker copies the target recipe, augmentation included', () => {
    expect(defaultConfig().attack.knowsAugmentation).toBe(true);
    const target = augmenterFor(noisy, data);
    expect(target).toBeDefined();
    expect(attackerAugmenter(noisy, target)).toBe(target);
  });

  it('false: shadows and references train without augmentation, and the models are new ones', () => {
    const blind = withField(noisy, 'attack.knowsAugmentation', 'false');
    expect(attackerAugmenter(blind, augmenterFor(blind, data))).toBeUndefined();
    expect(trainingKey(blind)).not.toBe(trainingKey(noisy));
    // The default keeps the key it had before the field existed (cached models stay valid).
    expect(trainingKey(noisy)).not.toContain('knowsAugmentation');
  });

  it('refuses a value that is not a boolean, naming the field', () => {
    expect(configError(() => withField(noisy, 'attack.knowsAugmentation', 'maybe')).message).toContain('attack.knowsAugmentation');
  });
});
