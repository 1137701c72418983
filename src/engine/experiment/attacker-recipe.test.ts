/**
 * attack.guessWidth / attack.guessEpochs: an attacker who does not know the target's recipe trains
 * its shadow and reference models with its guess of the width and epochs; the target is unchanged.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, mergeConfig, withField } from '../../core/experiment/config';
import { presetConfig } from '../../lessons/presets';
import { prepareExperiment } from './prepare';
import { disposeArtifacts, trainingKey, type Artifacts } from '../../core/experiment/artifacts';
import { initNodeBackend } from '../../cli/tf-node';
import { attackerOptions, attackerSpec, modelSpecFor, trainOptionsFor } from '../../core/experiment/recipe';
import { configError } from '../../../tests/support/config-error';
import { generateDataset } from '../../core/data/generate';
import { Rng } from '../../core/rng';

describe('the attacker\'s guess of the recipe', () => {
  const base = defaultConfig();
  const data = generateDataset({ name: 'patients', n: 100 }, new Rng(1));

  it('defaults to the exact recipe: the same spec and options, and no new training key', () => {
    expect([base.attack.guessWidth, base.attack.guessEpochs]).toEqual([null, null]);
    const spec = modelSpecFor(base, data);
    const options = trainOptionsFor(base, null);
    expect(attackerSpec(base, spec)).toBe(spec);
    expect(attackerOptions(base, options)).toBe(options);
    expect(trainingKey(base)).not.toContain('guess');
  });

  it('a guess replaces every hidden width and the epochs, and makes new attacker models', () => {
    const guess = withField(withField(base, 'attack.guessWidth', '32'), 'attack.guessEpochs', '7');
    const spec = attackerSpec(guess, modelSpecFor(guess, data));
    const exact = modelSpecFor(base, data);
    if (spec.type !== 'mlp' || exact.type !== 'mlp') throw new Error('the default model is an MLP');
    expect(spec.hidden).toEqual(exact.hidden.map(() => 32));
    expect(exact.hidden).not.toContain(32);
    expect(attackerOptions(guess, trainOptionsFor(guess, null)).epochs).toBe(7);
    expect(trainingKey(guess)).not.toBe(trainingKey(base));
  });

  it('refuses a width out of range, naming the field', () => {
    expect(configError(() => withField(base, 'attack.guessWidth', '0')).message).toContain('attack.guessWidth');
  });
});

describe('the attacker\'s guess in training', () => {
  const small = (train: Record<string, unknown>, model: Record<string, unknown>, attack: Record<string, unknown> = {}) =>
    mergeConfig(presetConfig('lesson-defenses'), { train: { epochs: 3, ...train }, model, attack: { names: ['lira-online'], shadows: 1, references: 2, ...attack } });
  const refProbs = (a: Artifacts) => a.references!.probs.map((p) => Array.from(p));

  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it("keeps the target and trains the references with the guessed width and epochs", async () => {
    const exact = await prepareExperiment(small({}, { width: 24 }));
    const guessed = await prepareExperiment(small({}, { width: 24 }, { guessWidth: 8, guessEpochs: 2 }));
    // A target that really has the guessed recipe: its references are the ones the guesser trains.
    const likeGuess = await prepareExperiment(small({ epochs: 2 }, { width: 8 }));
    try {
      expect(Array.from(guessed.targetProbs)).toEqual(Array.from(exact.targetProbs));
      expect(refProbs(guessed)).not.toEqual(refProbs(exact));
      expect(refProbs(guessed)).toEqual(refProbs(likeGuess));
    } finally {
      [exact, guessed, likeGuess].forEach(disposeArtifacts);
    }
  }, 120_000);
});
