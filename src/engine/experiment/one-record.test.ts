/**
 * Training with and without one record: without DP the record's own score moves far more than
 * retraining noise moves it; with DP-SGD the move sits inside that noise.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../cli/tf-node';
import { presetConfig } from '../../lessons/presets';
import { withField } from '../../core/experiment/config';
import { oneRecordEffect } from './one-record';

describe('one record in or out (lesson 9 model, its first member)', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('without DP, removing the record moves its score far beyond run-to-run noise', async () => {
    const r = await oneRecordEffect(withField(presetConfig('lesson-dp'), 'dp.enabled', 'false'), 0, 3);
    expect(r.noise).toHaveLength(3);
    expect(r.withRecord).toBeGreaterThan(r.withoutRecord);
    expect(r.effect).toBeGreaterThan(10 * r.noiseStd);
    // The same call gives the same numbers (seeded data, split and training).
    expect((await oneRecordEffect(withField(presetConfig('lesson-dp'), 'dp.enabled', 'false'), 0, 1)).effect).toBe(r.effect);
  }, 120_000);

  it('with DP-SGD at ε = 4, the move is smaller than the noise', async () => {
    const r = await oneRecordEffect(presetConfig('lesson-dp'), 0, 3);
    expect(Math.abs(r.effect)).toBeLessThan(r.noiseStd);
  }, 120_000);

  it('names the range when the member does not exist', async () => {
    await expect(oneRecordEffect(presetConfig('lesson-dp'), 200)).rejects.toThrow(/member must be in 0\.\.199/);
  });
});
