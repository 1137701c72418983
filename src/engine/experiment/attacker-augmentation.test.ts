/**
 * attack.knowsAugmentation: an attacker who does not know the target's augmentation trains its
 * shadow and reference models without any, and those are different models (a new training key).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, mergeConfig, withField } from '../../core/experiment/config';
import { presetConfig } from '../../lessons/presets';
import { prepareExperiment } from './prepare';
import { disposeArtifacts, type Artifacts } from '../../core/experiment/artifacts';
import { initNodeBackend } from '../../cli/tf-node';
import { attackerAugmenter, augmenterFor } from '../../core/experiment/recipe';
import { trainingKey } from '../../core/experiment/artifacts';
import { configError } from '../../../tests/support/config-error';
import { generateDataset } from '../../core/data/generate';
import { Rng } from '../../core/rng';

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

describe('attack.knowsAugmentation in training', () => {
  // Lesson 8's model, cut short: noise augmentation on the target; 2 references for LiRA.
  const small = (patch: Record<string, unknown>) =>
    mergeConfig(presetConfig('lesson-defenses'), { train: { epochs: 3, ...patch }, attack: { names: ['lira-online'], shadows: 1, references: 2 } });
  const refProbs = (a: Artifacts) => a.references!.probs.map((p) => Array.from(p));

  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it("trains the target with the augmentation and the attacker's references without it", async () => {
    const knows = await prepareExperiment(small({ augmentation: 'noise', augmentationStrength: 0.5 }));
    const blind = await prepareExperiment(withField(small({ augmentation: 'noise', augmentationStrength: 0.5 }), 'attack.knowsAugmentation', 'false'));
    const plain = await prepareExperiment(small({ augmentation: 'none' }));
    try {
      // The same target either way: only the attacker's models change.
      expect(Array.from(blind.targetProbs)).toEqual(Array.from(knows.targetProbs));
      expect(refProbs(blind)).not.toEqual(refProbs(knows));
      // The blind attacker's references are exactly the models trained with no augmentation at all.
      expect(refProbs(blind)).toEqual(refProbs(plain));
    } finally {
      [knows, blind, plain].forEach(disposeArtifacts);
    }
  }, 120_000);
});
