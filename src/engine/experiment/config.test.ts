/**
 * @fileoverview ExperimentConfig: defaults, the validator's messages, cross-field checks, `--set`
 * parsing through withField, presets, and which changes force retraining (trainingKey).
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultConfig, mergeConfig, validateConfig, withField, type ExperimentConfig } from '../../core/experiment/config';
import { FIELDS } from '../../core/experiment/schema';
import { PRESETS, presetConfig } from '../../lessons/presets';
import { trainingKey } from '../../core/experiment/artifacts';

import { configError } from '../../../tests/support/config-error';

describe('defaults', () => {
  it('validate unchanged, and every schema field has its default', () => {
    const d = defaultConfig();
    expect(validateConfig(d)).toEqual(d);
    expect(validateConfig({})).toEqual(d);
    const leaf = (path: string) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], d);
    for (const f of FIELDS) expect(leaf(f.path), f.path).toEqual(f.default);
  });

  it('is a fresh object each call, so callers cannot corrupt the next default', () => {
    const a = defaultConfig() as unknown as { attack: { names: string[] } };
    a.attack.names.push('gradient-norm');
    expect(defaultConfig().attack.names).not.toContain('gradient-norm');
  });
});

describe('validateConfig errors name the field and what it allows', () => {
  it.each([
    [{ train: { epoch: 3 } }, /Unknown config field "train\.epoch"/],
    [{ train: { epochs: 'ten' } }, /train\.epochs must be an integer in 1\.\.500, got "ten"/],
    [{ train: { epochs: 2.5 } }, /train\.epochs must be an integer in 1\.\.500, got 2\.5/],
    [{ train: { epochs: 0 } }, /train\.epochs must be an integer in 1\.\.500, got 0/],
    [{ train: { learningRate: 0 } }, /train\.learningRate must be a number in \(0, 10\], got 0/],
    [{ model: { dropout: 0.95 } }, /model\.dropout must be a number in \[0, 0\.9\], got 0\.95/],
    [{ dp: { enabled: 'yes' } }, /dp\.enabled must be true or false, got "yes"/],
    [{ api: { output: 'logits' } }, /api\.output must be one of full, top-k, rounded, label, got "logits"/],
    [{ attack: { names: ['gap', 'telepathy'] } }, /attack\.names must be a comma-separated list of gap, .*gradient-norm/],
    [{ seed: null }, /seed must be an integer in 0\.\.2147483647, got null/],
  ])('%j', (input, message) => {
    const err = configError(() => validateConfig(input));
    expect(err.message).toMatch(message);
    expect(err.problems).toHaveLength(1);
  });

  it('lists every bad field at once', () => {
    const err = configError(() => validateConfig({ seed: -1, train: { batchSize: 0 }, nope: true }));
    expect(err.problems).toHaveLength(3);
    expect(err.message).toMatch(/"nope"/);
    expect(err.message).toMatch(/seed/);
    expect(err.message).toMatch(/train\.batchSize/);
  });

  it('rejects input that is not an object', () => {
    expect(configError(() => validateConfig([1, 2])).message).toMatch(/JSON object/);
    expect(configError(() => validateConfig(null)).message).toMatch(/JSON object/);
  });
});

describe('cross-field checks', () => {
  it('rejects a split that needs more rows than data.n, with both numbers', () => {
    const err = configError(() => validateConfig({ data: { name: 'purchases', n: 1200 }, split: { targetMembers: 500, shadowPool: 300 } }));
    expect(err.message).toMatch(/needs 1300 rows/);
    expect(err.message).toMatch(/split\.targetMembers 500/);
    expect(err.message).toMatch(/data\.n is 1200/);
    // One row fewer fits exactly.
    expect(() => validateConfig({ data: { name: 'purchases', n: 1300 }, split: { targetMembers: 500, shadowPool: 300 } })).not.toThrow();
  });

  it("checks the split against the dataset's default n when data.n is null", () => {
    // moons defaults to 400 rows; the default split needs 4000.
    expect(configError(() => validateConfig({ data: { name: 'moons' } })).message).toMatch(/data\.n is 400/);
  });

  it('rejects a CNN or image shifts on a non-image dataset, and accepts them on glyphs', () => {
    expect(configError(() => validateConfig({ model: { type: 'cnn' } })).message).toMatch(/model\.type cnn needs an image dataset.*patients/);
    expect(configError(() => validateConfig({ train: { augmentation: 'shift' } })).message).toMatch(/augmentation shift/);
    const glyphs = { data: { name: 'glyphs' }, split: { targetMembers: 500, shadowPool: 500 } };
    expect(validateConfig({ ...glyphs, model: { type: 'cnn' }, train: { augmentation: 'shift' } }).model.type).toBe('cnn');
  });

  it('checks dataset-specific ranges and knobs', () => {
    expect(configError(() => validateConfig({ data: { name: 'moons', n: 2000, classes: 3 } })).message).toMatch(/data\.classes for moons must be in 2\.\.2/);
    expect(configError(() => validateConfig({ data: { name: 'patients', features: 50 } })).message).toMatch(/data\.features applies only to purchases/);
    expect(configError(() => validateConfig({ attack: { names: [] } })).message).toMatch(/at least one attack/);
    expect(configError(() => validateConfig({ split: { targetMembers: 30 }, train: { ensemble: 4 } })).message).toMatch(/train\.ensemble 4/);
  });

  it('refuses DP-SGD with mixup, naming both fields and why, and allows DP with per-record augmentation', () => {
    const problems = configError(() => validateConfig({ dp: { enabled: true }, train: { augmentation: 'mixup' } })).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/dp\.enabled.*train\.augmentation mixup/);
    expect(problems[0]).toMatch(/two records into one training row.*≥ 2 × dp\.clipNorm/);
    expect(configError(() => withField(presetConfig('lesson-dp'), 'train.augmentation', 'mixup')).message).toMatch(/mixup/);
    expect(validateConfig({ dp: { enabled: true }, train: { augmentation: 'noise' } }).train.augmentation).toBe('noise');
    expect(validateConfig({ train: { augmentation: 'mixup' } }).dp.enabled).toBe(false);
    const glyphs = { data: { name: 'glyphs' }, split: { targetMembers: 500, shadowPool: 500 } };
    expect(validateConfig({ ...glyphs, dp: { enabled: true }, train: { augmentation: 'shift' } }).dp.enabled).toBe(true);
  });

  it('skips dataset checks for csv, whose size is only known once it is loaded', () => {
    expect(validateConfig({ data: { name: 'csv' }, split: { targetMembers: 5000, shadowPool: 10000 } }).data.name).toBe('csv');
  });
});

describe('withField (the --set and URL parser)', () => {
  const base = defaultConfig();

  it('parses numbers, booleans, enums, lists and null, without touching the input', () => {
    expect(withField(base, 'model.dropout', '0.5').model.dropout).toBe(0.5);
    expect(withField(base, 'train.epochs', '12').train.epochs).toBe(12);
    expect(withField(base, 'dp.enabled', 'true').dp.enabled).toBe(true);
    expect(withField(base, 'train.earlyStopping', 'false').train.earlyStopping).toBe(false);
    expect(withField(base, 'api.output', 'label').api.output).toBe('label');
    expect(withField(base, 'attack.names', 'gap, lira-online,label-only').attack.names).toEqual(['gap', 'lira-online', 'label-only']);
    const withTarget = withField(base, 'dp.targetEpsilon', '2');
    expect(withTarget.dp.targetEpsilon).toBe(2);
    expect(withField(withTarget, 'dp.targetEpsilon', 'null').dp.targetEpsilon).toBeNull();
    expect(base).toEqual(defaultConfig());
  });

  it.each([
    ['train.epochs', 'many', /train\.epochs must be an integer in 1\.\.500, got "many"/],
    ['train.epochs', '', /train\.epochs/],
    ['train.epochs', 'null', /train\.epochs/],
    ['dp.enabled', 'yes', /dp\.enabled must be true or false, got "yes"/],
    ['model.dropout', '1.5', /model\.dropout must be a number in \[0, 0\.9\], got "1\.5"/],
    ['attack.names', 'gap,nope', /attack\.names/],
    ['train.epochz', '3', /Unknown config field "train\.epochz"/],
  ])('rejects %s=%j naming the field', (path, raw, message) => {
    expect(configError(() => withField(base, path, raw)).message).toMatch(message);
  });

  it('validates the whole config after the change (cross-field checks apply)', () => {
    expect(configError(() => withField(base, 'model.type', 'cnn')).message).toMatch(/model\.type cnn/);
  });
});

describe('presets', () => {
  it.each(PRESETS.map((p) => [p.name]))('%s validates and round-trips', (name) => {
    const config = presetConfig(name);
    expect(validateConfig(JSON.parse(JSON.stringify(config)))).toEqual(config);
    expect(PRESETS.find((p) => p.name === name)!.description.length).toBeGreaterThan(20);
  });

  it('dp-purchases trains privately at ε = 2 and overfit-purchases does not', () => {
    expect(presetConfig('dp-purchases').dp).toMatchObject({ enabled: true, targetEpsilon: 2 });
    expect(presetConfig('overfit-purchases').dp.enabled).toBe(false);
  });

  it('an unknown preset lists the known ones', () => {
    expect(() => presetConfig('nope')).toThrow(/overfit-purchases/);
  });
});

describe('trainingKey', () => {
  const base: ExperimentConfig = presetConfig('overfit-purchases');
  const key = trainingKey(base);

  it('ignores the output API and the choice of attacks', () => {
    expect(trainingKey(withField(base, 'api.output', 'label'))).toBe(key);
    expect(trainingKey(withField(base, 'api.decimals', '1'))).toBe(key);
    expect(trainingKey(withField(base, 'attack.names', 'gap,label-only'))).toBe(key);
    expect(trainingKey(withField(base, 'attack.queries', '4'))).toBe(key);
  });

  it('changes with anything that decides the trained models', () => {
    for (const [path, raw] of [
      ['model.width', '64'], ['model.dropout', '0.5'], ['train.l2', '0.01'], ['seed', '2'],
      ['dp.enabled', 'true'], ['data.n', '4000'], ['attack.shadows', '4'], ['attack.references', '8'],
    ]) {
      expect(trainingKey(withField(base, path, raw)), path).not.toBe(key);
    }
  });

  it('does not depend on the order fields were written in', () => {
    const a = mergeConfig(defaultConfig(), { model: { width: 64 }, train: { epochs: 5 }, attack: { shadows: 3 } });
    const b = mergeConfig(defaultConfig(), { attack: { shadows: 3 }, train: { epochs: 5 }, model: { width: 64 } });
    expect(trainingKey(a)).toBe(trainingKey(b));
  });
});
