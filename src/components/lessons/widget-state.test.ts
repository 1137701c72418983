import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { WidgetState } from './widget-state.svelte';
import { CourseProgress } from './progress.svelte';
import { safeStore } from '../../state/storage';
import { readWidget } from '../../lessons/blocks';
import { applySet } from '../../lessons/variants';
import type { CacheFile, LessonResult } from '../../lessons/result';

const spec = readWidget(
  JSON.stringify({ id: 'w1', type: 'experiment', preset: 'lesson-overfit', attack: 'loss-threshold', variants: [{ key: 'e2', set: { 'train.epochs': 2 } }] }),
  'test', 1,
);
const cache = JSON.parse(readFileSync('public/cache/lesson-overfit.json', 'utf8')) as CacheFile;

describe('WidgetState', () => {
  it('shows the cached result, then marks it stale when a control changes', () => {
    const w = new WidgetState(spec);
    expect(w.current).toBeNull();
    w.cache = cache;
    expect(w.current?.source).toBe('cached');
    expect(w.stale).toBe(false);
    expect(w.facts['e2.auc']).toBe(cache.variants.e2.result.attacks.find((a) => a.name === 'loss-threshold')!.auc);
    expect(w.set('train.epochs', '7')).toBeNull();
    expect(w.stale).toBe(true);
    expect(w.set('train.epochs', 'lots')).toMatch(/train.epochs/);
  });

  it('shows a cached variant at once when the controls match it', () => {
    const w = new WidgetState(spec);
    w.cache = cache;
    w.set('train.epochs', '2');
    expect(w.stale).toBe(false);
    expect(w.current).toBe(cache.variants.e2.result);
  });

  it('lets a live result replace the cached one for the same config', () => {
    const w = new WidgetState(spec);
    w.cache = cache;
    const live = { ...cache.result, source: 'live' } as LessonResult;
    w.addLive(live);
    expect(w.current?.source).toBe('live');
    const liveVariant = { ...cache.variants.e2.result, source: 'live', config: applySet(w.baseConfig!, { 'train.epochs': 2 }) } as LessonResult;
    w.addLive(liveVariant);
    expect(w.variants.e2.source).toBe('live');
  });

  it('hides its results until revealed, but not its settings', () => {
    const w = new WidgetState(spec);
    w.cache = cache;
    w.revealed = false;
    // Only settings: the run's, the preset's and each variant's (e2.config.*), no result.
    expect(Object.keys(w.facts).every((k) => /^(config|preset|e2\.config)\./.test(k))).toBe(true);
    expect(w.facts.auc).toBeUndefined();
    expect(w.facts['config.train.epochs']).toBe(w.baseConfig!.train.epochs);
    expect(w.facts['preset.train.epochs']).toBe(w.baseConfig!.train.epochs);
    for (const v of spec.variants) {
      const [path, value] = Object.entries(v.set)[0];
      expect(w.facts[`${v.key}.config.${path}`], `${v.key}.config.${path}`).toBe(typeof value === 'boolean' ? (value ? 'on' : 'off') : value);
    }
    w.revealed = true;
    expect(typeof w.facts.auc).toBe('number');
    expect(w.facts['config.train.epochs']).toBe(w.baseConfig!.train.epochs);
  });
});

describe('CourseProgress', () => {
  it('keeps visits, predictions and answers in storage', () => {
    const store = new Map<string, string>();
    const storage = safeStore(() => ({ getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v), removeItem: (k) => void store.delete(k) }));
    const p = new CourseProgress(storage);
    expect(p.status('01-remembers')).toBe('new');
    p.visit('01-remembers');
    p.predict('01-remembers', 'p1', 1);
    expect(p.status('01-remembers')).toBe('started');
    p.answer('01-remembers', 'c1', 1, true);
    const again = new CourseProgress(storage);
    expect(again.status('01-remembers')).toBe('done');
    expect(again.entries['01-remembers'].predictions.p1).toBe(1);
    again.reset();
    expect(new CourseProgress(storage).status('01-remembers')).toBe('new');
  });
});
