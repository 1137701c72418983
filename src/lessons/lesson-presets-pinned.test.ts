/**
 * Lessons quote numbers from cached runs of their `lesson-*` presets. A preset is a patch over the
 * defaults, so changing a default silently changes every lesson that does not set that field. This
 * test pins each lesson preset's effective config: every field recorded in the fixture must keep its
 * value (new fields may appear). If you change a default on purpose, pin the old value in the
 * lesson presets' patches, or regenerate the caches (`npm run cache`) and this fixture together.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { presetConfig } from './presets';

type Json = Record<string, unknown>;
const pinned = JSON.parse(readFileSync('tests/fixtures/lesson-preset-configs.json', 'utf8')) as Record<string, Json>;

function leaves(obj: Json, prefix = ''): [string, unknown][] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' && !Array.isArray(v) ? leaves(v as Json, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]],
  );
}

function valueAt(obj: Json, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Json)[k] : undefined), obj);
}

describe('lesson presets keep the configs their cached results came from', () => {
  for (const [name, config] of Object.entries(pinned)) {
    it(name, () => {
      const now = presetConfig(name) as unknown as Json;
      const changed = leaves(config)
        .filter(([path, value]) => JSON.stringify(valueAt(now, path)) !== JSON.stringify(value))
        .map(([path, value]) => `${path}: ${JSON.stringify(value)} → ${JSON.stringify(valueAt(now, path))}`);
      expect(changed).toEqual([]);
    });
  }
});
