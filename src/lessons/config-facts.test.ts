import { describe, expect, it } from 'vitest';
import { configFacts } from './config-facts';
import { presetConfig } from './presets';
import { applySet } from './variants';

describe('configFacts', () => {
  it("names a run's settings, so prose can quote the preset instead of typing it", () => {
    const out: Record<string, number | string | null> = {};
    configFacts(presetConfig('lesson-dp'), out);
    expect(out['config.dp.targetEpsilon']).toBe(4);
    expect(out['config.train.epochs']).toBe(40);
    expect(out['config.model.width']).toBe(64);
    expect(out['config.split.targetMembers']).toBe(200);
    expect(out['config.dp.enabled']).toBe('on');
    expect(out['config.data.name']).toBe('patients');
  });

  it('follows a changed setting (a variant or a live run) and keeps nulls as null', () => {
    const out: Record<string, number | string | null> = {};
    configFacts(applySet(presetConfig('lesson-mystery'), { 'attack.guessWidth': null }), out, 'v.config.');
    expect(out['v.config.attack.guessWidth']).toBeNull();
    expect(out['v.config.attack.guessEpochs']).toBe(40);
    expect(out['v.config.model.width']).toBe(96);
    expect(Object.keys(out).some((k) => k.endsWith('attack.names'))).toBe(false);
  });
});
