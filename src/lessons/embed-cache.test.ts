import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EMBED_CACHE_PLANS, cachedResultFor, hasCachedResult } from './embed-cache';
import { PRESETS, presetConfig } from './presets';
import { withField } from '../core/experiment/config';
import { applySet, sameConfig } from './variants';
import type { CacheFile } from './result';

const read = (preset: string) => JSON.parse(readFileSync(`public/cache/${preset}.json`, 'utf8')) as CacheFile;

describe('cached results for embeds', () => {
  it('every preset an embed would fetch has its file (a missing one would log a 404 in the embed)', () => {
    const fetched = PRESETS.filter((p) => hasCachedResult(p.name)).map((p) => p.name);
    expect(fetched).toContain('patients-gap');
    for (const name of fetched) expect(existsSync(`public/cache/${name}.json`), `${name}: run npm run cache -- --only ${name}`).toBe(true);
    expect(hasCachedResult('moons-2d')).toBe(false);
  });

  it('the embed presets are cached with their variants and are not stale', () => {
    for (const plan of EMBED_CACHE_PLANS) {
      const file = read(plan.preset);
      const base = presetConfig(plan.preset);
      expect(sameConfig(file.result.config, base), `${plan.preset} is stale: run npm run cache -- --only ${plan.preset}`).toBe(true);
      for (const v of plan.variants) expect(sameConfig(file.variants[v.key].result.config, applySet(base, v.set)), `${plan.preset}/${v.key}`).toBe(true);
    }
  });

  it('finds the preset’s own result, a variant’s, or none', () => {
    const file = read('patients-gap');
    const base = presetConfig('patients-gap');
    expect(cachedResultFor(file, base)).toBe(file.result);
    expect(cachedResultFor(file, withField(base, 'model.dropout', '0.5'))).toBe(file.variants['dropout-0.5'].result);
    expect(cachedResultFor(file, withField(base, 'model.dropout', '0.3'))).toBeNull();
  });

  it('patients-gap shows a visible gap: members far more confident than non-members', () => {
    const { members, nonMembers } = read('patients-gap').result.confidence;
    const median = (a: readonly number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
    expect(median(members) - median(nonMembers)).toBeGreaterThan(0.2);
  });
});
