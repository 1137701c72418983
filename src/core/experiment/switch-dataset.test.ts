import { describe, expect, it } from 'vitest';
import { switchDataset } from './switch-dataset';
import { PLAYGROUND_PRESETS, configOfPreset } from './presets';

const presetConfig = (name: string) => configOfPreset(PLAYGROUND_PRESETS, name);
import { defaultConfig } from './config';

describe('switchDataset', () => {
  it('gives a valid config for every dataset from every preset', () => {
    for (const from of [defaultConfig(), presetConfig('glyphs-cnn'), presetConfig('moons-2d')]) {
      for (const name of ['moons', 'circles', 'spiral', 'blobs', 'patients', 'purchases', 'glyphs'] as const) {
        const c = switchDataset(from, name);
        expect(c.data.name).toBe(name);
        expect(c.data.noise).toBeNull();
      }
    }
  });

  it('keeps model and defense settings that still apply', () => {
    const c = switchDataset(presetConfig('glyphs-cnn'), 'moons');
    expect(c.model.type).toBe('mlp');
    expect(c.train.epochs).toBe(presetConfig('glyphs-cnn').train.epochs);
    expect(c.split.targetMembers).toBe(100);
  });
});
