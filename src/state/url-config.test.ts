import { describe, expect, it } from 'vitest';
import { readConfigParams, sweepVariantFromSearch, writeConfigParams } from './url-config';
import { defaultConfig, withField } from '../core/experiment/config';
import { presetConfig } from '../lessons/presets';

describe('config in the URL', () => {
  it('writes only the fields that differ from the defaults', () => {
    const config = withField(defaultConfig(), 'train.epochs', '50');
    expect(writeConfigParams(config, new URLSearchParams()).toString()).toBe('train.epochs=50');
  });

  it('round-trips every preset exactly', () => {
    for (const name of ['overfit-purchases', 'moons-2d', 'glyphs-cnn', 'dp-purchases']) {
      const config = presetConfig(name);
      const params = writeConfigParams(config, new URLSearchParams('backend=wasm'));
      expect(params.get('backend')).toBe('wasm');
      const back = readConfigParams(params);
      expect(back.problems).toEqual([]);
      expect(back.config).toEqual(config);
    }
  });

  it('ignores garbage, out-of-range values and injected HTML with a message each', () => {
    const params = new URLSearchParams('train.epochs=9999&model.layers=abc&<img src=x onerror=alert(1)>=1&seed=7');
    const { config, problems } = readConfigParams(params);
    expect(config.train.epochs).toBe(defaultConfig().train.epochs);
    expect(config.seed).toBe(7);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/train\.epochs must be an integer in 1\.\.500/);
  });

  it('falls back to the defaults when fields clash', () => {
    const { config, problems } = readConfigParams(new URLSearchParams('model.type=cnn'));
    expect(config).toEqual(defaultConfig());
    expect(problems.join(' ')).toMatch(/cnn needs an image dataset/);
  });
});

describe('sweepVariantFromSearch', () => {
  it('picks the tiny sweep only for sweep=tiny', () => {
    expect(sweepVariantFromSearch('?sweep=tiny&backend=wasm')).toBe('tiny');
    expect(sweepVariantFromSearch('?a=1&sweep=tiny')).toBe('tiny');
    expect(sweepVariantFromSearch('?sweep=huge')).toBe('full');
    expect(sweepVariantFromSearch('?nosweep=tiny')).toBe('full');
    expect(sweepVariantFromSearch('')).toBe('full');
  });
});
