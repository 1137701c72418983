import { describe, expect, it } from 'vitest';
import { defaultConfig, mergeConfig, validateConfig } from '../../core/experiment/config';
import { blockedChoice } from './blocked-choices';

describe('blockedChoice: DP-SGD and mixup', () => {
  const base = defaultConfig();
  const dp = mergeConfig(base, { dp: { enabled: true } });
  const mixup = mergeConfig(base, { train: { augmentation: 'mixup' } });

  it('greys out mixup while DP-SGD is on, and says why', () => {
    const b = blockedChoice('train.augmentation', dp);
    expect(b.options).toEqual(['mixup']);
    expect(b.disabled).toBe(false);
    expect(b.reason).toMatch(/Mixup is off while DP-SGD is on: it blends two records/);
  });

  it('turns the DP-SGD toggle off while mixup is chosen, and says why', () => {
    const b = blockedChoice('dp.enabled', mixup);
    expect(b.disabled).toBe(true);
    expect(b.reason).toMatch(/DP-SGD is off while mixup is chosen/);
  });

  it('blocks nothing otherwise', () => {
    const none = { disabled: false, options: [], reason: null };
    expect(blockedChoice('train.augmentation', base)).toEqual(none);
    expect(blockedChoice('dp.enabled', base)).toEqual(none);
    expect(blockedChoice('dp.enabled', dp)).toEqual(none); // turning DP off is always allowed
    expect(blockedChoice('train.augmentation', mixup)).toEqual(none);
    expect(blockedChoice('model.dropout', dp)).toEqual(none);
  });

  it('blocks exactly what the validator refuses', () => {
    // Every choice the panel still offers leads to a valid config.
    for (const config of [dp, mixup]) {
      for (const option of ['none', 'noise', 'mixup']) {
        if (blockedChoice('train.augmentation', config).options.includes(option)) continue;
        expect(() => validateConfig({ ...config, train: { ...config.train, augmentation: option } })).not.toThrow();
      }
      if (!blockedChoice('dp.enabled', config).disabled) {
        expect(() => validateConfig({ ...config, dp: { ...config.dp, enabled: !config.dp.enabled } })).not.toThrow();
      }
    }
    expect(() => validateConfig({ ...dp, train: { ...dp.train, augmentation: 'mixup' } })).toThrow(/mixup/);
  });
});
