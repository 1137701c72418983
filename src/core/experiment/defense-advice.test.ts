/**
 * @fileoverview defenseAdvice: a note exactly when a defense is on that cannot help (or is measured
 * to help little) on the config's data, and none for the playground's default with any defense on.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig, mergeConfig } from './config';
import { defenseAdvice, VACUOUS_AT_1PCT_EPSILON } from './defense-advice';
import { PLAYGROUND_PRESETS, configOfPreset } from './presets';

const presetConfig = (name: string) => configOfPreset(PLAYGROUND_PRESETS, name);

const withPatch = (patch: Record<string, unknown>, base = defaultConfig()) => mergeConfig(base, patch);
const defenses = (patch: Record<string, unknown>, base = defaultConfig()) => defenseAdvice(withPatch(patch, base)).map((n) => n.defense);

describe('defenseAdvice', () => {
  it("has nothing to say about the default's dropout, noise augmentation or DP at the default ε", () => {
    expect(defenseAdvice(defaultConfig())).toEqual([]);
    expect(defenses({ model: { dropout: 0.5 } })).toEqual([]);
    expect(defenses({ train: { augmentation: 'noise' } })).toEqual([]);
    expect(defenses({ train: { augmentation: 'mixup' } })).toEqual([]);
    expect(defenses({ dp: { enabled: true } })).toEqual([]);
  });

  it('says dropout cannot act without hidden layers', () => {
    const notes = defenseAdvice(withPatch({ model: { layers: 0, dropout: 0.5 } }));
    expect(notes.map((n) => n.defense)).toEqual(['dropout']);
    expect(notes[0].text).toMatch(/0 hidden layers/);
    expect(defenses({ model: { layers: 0, dropout: 0 } })).toEqual([]);
  });

  it('says noise augmentation and mixup barely help on purchase baskets, with the measured numbers', () => {
    const baskets = presetConfig('overfit-purchases');
    const noise = defenseAdvice(withPatch({ train: { augmentation: 'noise', augmentationStrength: 0.6 } }, baskets));
    expect(noise.map((n) => n.defense)).toEqual(['augmentation']);
    expect(noise[0].text).toMatch(/0\/1 items/);
    expect(noise[0].text).toMatch(/0\.996 → 0\.987/);
    expect(defenses({ train: { augmentation: 'mixup' } }, baskets)).toEqual(['augmentation']);
    // Noise strong enough to lower the attack gets no "barely helps" note.
    expect(defenses({ train: { augmentation: 'noise', augmentationStrength: 1.5 } }, baskets)).toEqual([]);
    // Without augmentation there is nothing to explain.
    expect(defenseAdvice(baskets)).toEqual([]);
  });

  it('says augmentation at strength 0 changes nothing', () => {
    expect(defenses({ train: { augmentation: 'noise', augmentationStrength: 0 } })).toEqual(['augmentation']);
  });

  it('warns when ε is too large for the guarantee to say anything at 1% FPR, and not below', () => {
    expect(Math.exp(VACUOUS_AT_1PCT_EPSILON) * 0.01).toBeCloseTo(1, 12);
    const at8 = defenseAdvice(withPatch({ dp: { enabled: true, targetEpsilon: 8 } }));
    expect(at8.map((n) => n.defense)).toEqual(['dp']);
    expect(at8[0].text).toMatch(/ε = 8/);
    expect(defenses({ dp: { enabled: true, targetEpsilon: 4 } })).toEqual([]);
    // DP off: no note, whatever ε says.
    expect(defenses({ dp: { enabled: false, targetEpsilon: 8 } })).toEqual([]);
  });

  it('says noise multiplier 0 gives no guarantee', () => {
    expect(defenses({ dp: { enabled: true, targetEpsilon: null, noiseMultiplier: 0 } })).toEqual(['dp']);
    expect(defenses({ dp: { enabled: true, targetEpsilon: null, noiseMultiplier: 1 } })).toEqual([]);
  });
});
