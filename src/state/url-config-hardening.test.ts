/**
 * @fileoverview Hostile links: prototype keys and numbers `Number()` would accept but nobody types
 * (hex, binary, overflow, NaN, padding) are ignored with a message, and nothing is polluted.
 */
import { describe, expect, it } from 'vitest';
import { readConfigParams } from './url-config';
import { defaultConfig } from '../core/experiment/config';

describe('config links under attack', () => {
  it('prototype keys are unknown settings and pollute nothing', () => {
    const { config, problems } = readConfigParams(new URLSearchParams('__proto__.nullable=true&constructor.prototype.x=1&train.epochs=null'));
    expect(({} as Record<string, unknown>).nullable).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(config).toEqual(defaultConfig());
    expect(problems).toEqual([
      'Ignored the unknown setting "__proto__.nullable".',
      'Ignored the unknown setting "constructor.prototype.x".',
      'Ignored train.epochs: train.epochs must be an integer in 1..500, got "null".',
    ]);
  });

  it.each(['0x10', '0b101', '1e400', 'NaN', 'Infinity', '', '%2010'])('train.epochs=%s is ignored with the range', (raw) => {
    const { config, problems } = readConfigParams(new URLSearchParams(`train.epochs=${raw}`));
    expect(config.train.epochs).toBe(defaultConfig().train.epochs);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Ignored train\.epochs: train\.epochs must be an integer in 1\.\.500, got /);
  });

  it('-0 is ignored for the seed', () => {
    expect(readConfigParams(new URLSearchParams('seed=-0')).problems[0]).toMatch(/seed must be an integer in 0\.\.2147483647, got "-0"/);
  });

  it('fields that only fit together are read together, in any order', () => {
    const a = readConfigParams(new URLSearchParams('data.n=200&split.targetMembers=50&split.shadowPool=100'));
    const b = readConfigParams(new URLSearchParams('split.shadowPool=100&split.targetMembers=50&data.n=200'));
    expect(a.problems).toEqual([]);
    expect(a.config).toEqual(b.config);
    expect(a.config.data.n).toBe(200);
  });
});
