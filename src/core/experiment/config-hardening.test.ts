/**
 * @fileoverview The config as an attack surface: prototype keys in a config file or patch, numbers
 * that `Number()` would accept but nobody means, and `--set` pairs that only fit together.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, defaultConfig, mergeConfig, parseFieldValue, readField, validateConfig, withField } from './config';
import { fieldSpec } from './schema';

import { configError } from '../../../tests/support/config-error';

const proto = Object.prototype as unknown as Record<string, unknown>;

afterEach(() => {
  // A failing test must not leave the prototype polluted for the next one.
  for (const k of ['nullable', 'x', 'polluted']) delete proto[k];
});

describe('prototype keys in a config', () => {
  const payloads: [string, string][] = [
    ['{"__proto__":{"nullable":true},"train":{"epochs":null}}', '__proto__'],
    ['{"constructor":{"prototype":{"x":1}}}', 'constructor'],
    ['{"train":{"constructor":{"prototype":{"polluted":1}}}}', 'constructor'],
    ['{"model":{"prototype":{"x":1}}}', 'prototype'],
    ['{"attack":{"names":[{"__proto__":{"x":1}}]}}', '__proto__'],
  ];

  it.each(payloads)('mergeConfig refuses %s, naming the key, and leaves Object.prototype clean', (json, key) => {
    const err = configError(() => mergeConfig(defaultConfig(), JSON.parse(json)));
    expect(err.message).toContain(`the key "${key}"`);
    expect(err.message).not.toContain('\n');
    for (const k of ['nullable', 'x', 'polluted']) expect(Object.hasOwn(Object.prototype, k), k).toBe(false);
    expect(({} as Record<string, unknown>).nullable).toBeUndefined();
  });

  it.each(payloads)('validateConfig refuses %s as well', (json, key) => {
    expect(configError(() => validateConfig(JSON.parse(json))).message).toContain(`the key "${key}"`);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('names where a nested key sits', () => {
    expect(configError(() => mergeConfig(defaultConfig(), JSON.parse('{"train":{"__proto__":{}}}'))).message).toBe(
      'The config may not contain the key "__proto__" (at train.__proto__).',
    );
  });

  it('a polluted prototype cannot make a field nullable', () => {
    proto.nullable = true;
    expect(configError(() => validateConfig({ train: { epochs: null } })).message).toMatch(/train\.epochs must be an integer/);
  });

  it('--set paths through a prototype are unknown fields', () => {
    for (const path of ['__proto__.nullable', 'constructor.prototype.x', 'train.constructor']) {
      expect(configError(() => withField(defaultConfig(), path, 'true')).message).toBe(`Unknown config field "${path}".`);
    }
    expect(({} as Record<string, unknown>).nullable).toBeUndefined();
  });

  it('reading a path never resolves inherited properties', () => {
    const c = defaultConfig() as unknown as Record<string, unknown>;
    expect(readField(c, 'constructor')).toBeUndefined();
    expect(readField(c, 'train.toString')).toBeUndefined();
    expect(readField(c, 'train.epochs')).toBe(40);
  });

  it('a patch that is not an object is refused, not ignored', () => {
    for (const patch of [[1, 2], 'train', 5]) expect(configError(() => mergeConfig(defaultConfig(), patch)).message).toMatch(/JSON object/);
  });
});

describe('numbers typed in --set and links parse strictly', () => {
  const epochs = fieldSpec('train.epochs')!;
  it.each(['0x10', '0b101', '0o17', '1e400', 'NaN', 'Infinity', '-Infinity', '', ' ', ' 12', '12 ', '+12', '1_0'])(
    'train.epochs=%j is refused with the range',
    (raw) => {
      expect(configError(() => parseFieldValue(epochs, raw)).message).toBe(`train.epochs must be an integer in 1..500, got ${JSON.stringify(raw)}.`);
    },
  );

  it('-0 is refused where it would pass a >= 0 check', () => {
    expect(configError(() => parseFieldValue(fieldSpec('seed')!, '-0')).message).toBe('seed must be an integer in 0..2147483647, got "-0".');
    expect(configError(() => parseFieldValue(fieldSpec('model.dropout')!, '-0.0')).message).toMatch(/model\.dropout must be a number in \[0, 0\.9\]/);
    expect(configError(() => validateConfig({ seed: -0 })).message).toBe('seed must be an integer in 0..2147483647, got -0.');
  });

  it('plain decimal forms still parse', () => {
    expect(parseFieldValue(epochs, '12')).toBe(12);
    expect(parseFieldValue(epochs, '1e2')).toBe(100);
    expect(parseFieldValue(fieldSpec('model.dropout')!, '.5')).toBe(0.5);
    expect(parseFieldValue(fieldSpec('train.learningRate')!, '1e-3')).toBe(0.001);
    expect(parseFieldValue(fieldSpec('data.n')!, 'null')).toBeNull();
  });
});

describe('--set pairs are validated together', () => {
  const pairs = [['data.n', '200'], ['split.targetMembers', '50'], ['split.shadowPool', '100']] as const;

  it('in any order: data.n=200 before the split fields that make it fit', () => {
    // Alone, data.n=200 does not fit the default split; applied one at a time it was refused.
    expect(() => withField(defaultConfig(), 'data.n', '200')).toThrow(/The split needs 1200 rows/);
    const forward = mergeConfig(defaultConfig(), {}, pairs);
    const backward = mergeConfig(defaultConfig(), {}, [...pairs].reverse());
    expect(forward).toEqual(backward);
    expect(forward.data.n).toBe(200);
    expect(forward.split).toEqual({ targetMembers: 50, shadowPool: 100, oneRunAudit: false });
  });

  it('over a patch, and every bad pair is listed at once', () => {
    const err = configError(() => mergeConfig(defaultConfig(), { train: { epochs: 5 } }, [['train.epochs', '0x10'], ['nope', '1'], ['seed', 'Infinity']]));
    expect(err.problems).toEqual([
      'train.epochs must be an integer in 1..500, got "0x10".',
      'Unknown config field "nope".',
      'seed must be an integer in 0..2147483647, got "Infinity".',
    ]);
  });

  it('a pair overrides the patch', () => {
    expect(mergeConfig(defaultConfig(), { train: { epochs: 5 } }, [['train.epochs', '7']]).train.epochs).toBe(7);
  });
});
