/**
 * Each lesson's claims, checked against the cached numbers its own figures show: the prose says
 * "dropout lowers the attack", so the cached dropout run must have a lower AUC, and so on.
 * Regenerate the cache with `npm run cache` after changing a lesson preset.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLessonsFromDisk } from '../cli/commands/cache';
import { checkComparison, checkDpBound, widgetFacts } from './facts';
import { configFacts } from './config-facts';
import { PLACEHOLDER_SOURCE, parsePlaceholder } from './placeholders';
import { presetConfig } from './presets';
import { fieldSpec } from '../core/experiment/schema';
import { applySet, cachePlan, sameConfig } from './variants';
import type { CacheFile } from './result';

const { lessons } = loadLessonsFromDisk('lessons');
const cacheOf = (preset: string): CacheFile => JSON.parse(readFileSync(`public/cache/${preset}.json`, 'utf8')) as CacheFile;

describe('cached results', () => {
  for (const plan of cachePlan(lessons)) {
    it(`${plan.preset}: matches the preset and every variant, and stays small`, () => {
      const file = `public/cache/${plan.preset}.json`;
      expect(existsSync(file), `${file} is missing; run npm run cache`).toBe(true);
      const bytes = readFileSync(file).length;
      expect(bytes).toBeLessThan(300_000);
      const cache = cacheOf(plan.preset);
      const base = presetConfig(plan.preset);
      expect(sameConfig(cache.result.config, base), `${plan.preset}: the cache is stale; run npm run cache`).toBe(true);
      for (const v of plan.variants) {
        expect(cache.variants[v.key], `${plan.preset} lacks variant ${v.key}`).toBeDefined();
        expect(sameConfig(cache.variants[v.key].result.config, applySet(base, v.set)), `${plan.preset}/${v.key} is stale`).toBe(true);
      }
      if (plan.meta) expect(cache.meta?.rows.length).toBeGreaterThan(10);
      // The lessons' two patients are in every patient result and every variant (the pair's cards and facts).
      if (base.data.name === 'patients') {
        for (const r of [cache.result, ...Object.values(cache.variants).map((v) => v.result)]) {
          expect(r.records.find((x) => x.name === 'John Doe')?.member, `${plan.preset}: John Doe is not a pinned member`).toBe(true);
          expect(r.records.find((x) => x.name === 'Jane Smith')?.member, `${plan.preset}: Jane Smith is not a pinned non-member`).toBe(false);
        }
      }
    });
  }
});

describe('the running example', () => {
  it('John Doe and Jane Smith are the same two records in every lesson that uses the patients', () => {
    const presets = [...new Set(cachePlan(lessons).map((p) => p.preset))].filter((p) => presetConfig(p).data.name === 'patients');
    expect(presets.length).toBeGreaterThanOrEqual(4);
    for (const name of ['John Doe', 'Jane Smith']) {
      const seen = presets.map((p) => {
        const c = presetConfig(p);
        const rec = cacheOf(p).result.records.find((r) => r.name === name)!;
        return JSON.stringify({ seed: c.seed, data: c.data, label: rec.label, features: rec.features });
      });
      expect(new Set(seen).size, `${name} differs across ${presets.join(', ')}`).toBe(1);
    }
  });
});

describe('lesson claims hold for their cached numbers', () => {
  for (const lesson of lessons) {
    for (const w of lesson.widgets.filter((x) => x.claims.length > 0)) {
      it(`${lesson.slug} #${w.id}`, () => {
        const cache = cacheOf(w.preset!);
        const variants = Object.fromEntries(w.variants.map((v) => [v.key, cache.variants[v.key].result]));
        const facts = widgetFacts(cache.result, variants, w.attack, cache.meta ?? null, cache.oneRecord ?? null);
        for (const claim of w.claims) {
          const outcome = claim === 'dp-bound' ? checkDpBound([cache.result, ...Object.values(variants)]) : checkComparison(claim, facts);
          expect(outcome.ok, `${lesson.slug} #${w.id}: "${claim}" fails (${outcome.detail})`).toBe(true);
        }
      });
    }
  }

  it('every graded prediction is backed by a claim on the same widget', () => {
    for (const lesson of lessons) {
      for (const p of lesson.predictions.filter((x) => x.answer !== null)) {
        const w = lesson.widgets.find((x) => x.id === p.widget)!;
        expect(w.claims.length, `${lesson.slug} #${p.id} is graded, but widget ${w.id} makes no claim`).toBeGreaterThan(0);
      }
    }
  });

  it("every placeholder in a widget's own text (lesson 11's reveal) names a fact of that widget", () => {
    let checked = 0;
    for (const lesson of lessons) {
      for (const w of lesson.widgets.filter((x) => x.preset)) {
        for (const m of JSON.stringify(w.extra).matchAll(new RegExp(PLACEHOLDER_SOURCE, 'g'))) {
          const ref = parsePlaceholder(m[0]);
          expect(ref, `${lesson.slug} #${w.id}: ${m[0]}`).not.toBeNull();
          expect(ref!.widget, `${lesson.slug} #${w.id}: ${m[0]} names another widget`).toBe(w.id);
          const cache = cacheOf(w.preset!);
          const variants = Object.fromEntries(w.variants.map((v) => [v.key, cache.variants[v.key].result]));
          const facts: Record<string, number | string | null> = { ...widgetFacts(cache.result, variants, w.attack, cache.meta ?? null, cache.oneRecord ?? null) };
          configFacts(presetConfig(w.preset!), facts, 'preset.');
          expect(facts[ref!.path], `${lesson.slug} #${w.id}: ${m[0]} has no value`).not.toBeUndefined();
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('every placeholder names a fact its widget has', () => {
    for (const lesson of lessons) {
      for (const ref of lesson.placeholders) {
        const w = lesson.widgets.find((x) => x.id === ref.widget)!;
        if (!w.preset) continue;
        const cache = cacheOf(w.preset);
        const variants = Object.fromEntries(w.variants.map((v) => [v.key, cache.variants[v.key].result]));
        const facts: Record<string, unknown> = { ...widgetFacts(cache.result, variants, w.attack, cache.meta ?? null, cache.oneRecord ?? null) };
        // The widget's preset settings (preset.*), as WidgetState adds them.
        configFacts(presetConfig(w.preset), facts as Record<string, number | string | null>, 'preset.');
        expect(facts[ref.path], `${lesson.slug}: {{${ref.key}}} has no value`).not.toBeUndefined();
      }
    }
  });
});

describe('lesson structure', () => {
  it('has eleven lessons, each with objectives, a prediction, a live widget, a checkpoint and a playground preset', () => {
    expect(lessons).toHaveLength(11);
    for (const l of lessons) {
      expect(l.objectives.length, l.slug).toBeGreaterThan(0);
      expect(l.predictions.length, `${l.slug} has no prediction`).toBeGreaterThan(0);
      expect(l.checkpoints.length, `${l.slug} has no checkpoint`).toBeGreaterThan(0);
      expect(l.widgets.some((w) => w.preset !== null), `${l.slug} has no live widget`).toBe(true);
      expect(() => presetConfig(l.playground)).not.toThrow();
    }
  });

  it('widget controls and variants name real config fields with valid values', () => {
    for (const l of lessons) {
      for (const w of l.widgets.filter((x) => x.preset)) {
        const base = presetConfig(w.preset!);
        for (const c of w.controls) expect(fieldSpec(c.path), `${l.slug}#${w.id} control ${c.path}`).toBeDefined();
        for (const v of w.variants) expect(() => applySet(base, v.set), `${l.slug}#${w.id} variant ${v.key}`).not.toThrow();
      }
    }
  });
});
