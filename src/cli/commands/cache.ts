/**
 * @fileoverview `cache`: runs every lesson preset (and the variants its widgets sweep) and the embed
 * presets (lessons/embed-cache.ts) on wasm and
 * writes compact results to public/cache/<preset>.json, so each lesson figure shows at once and
 * live training replaces it later. Presets and variants come from the lessons' own widget blocks.
 */
import { oneRecordEffect } from '../../engine/experiment/one-record';
import { withField } from '../../core/experiment/config';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from './types';
import { UsageError } from '../args';
import { initNodeBackend } from '../tf-node';
import {
  attackExperiment, disposeArtifacts, prepareExperiment, trainingKey, type Artifacts, type ExperimentConfig,
} from '../../engine/experiment/index';
import { presetConfig } from '../../lessons/presets';
import { toPlaygroundResult } from '../../core/experiment/playground-view';
import { metaSampleOf } from '../lesson-meta';
import { readCatalog, type Catalog } from '../../lessons/catalog';
import { parseAll, type Lesson } from '../../lessons/parse';
import { compactResult, roundNumbers, type CacheFile, type LessonResult } from '../../lessons/result';
import { applySet, cachePlan, type PresetPlan } from '../../lessons/variants';
import { embedCachePlans } from '../../lessons/embed-cache';

/** The catalog and parsed lessons under `dir`. Throws LessonFormatError on any format problem. */
export function loadLessonsFromDisk(dir = 'lessons'): { catalog: Catalog; lessons: Lesson[] } {
  const sources: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name, 'index.md');
    if (entry.isDirectory() && existsSync(file)) sources[entry.name] = readFileSync(file, 'utf8');
  }
  const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown;
  const catalog = readCatalog(read('syllabus.json'), sources, read('glossary.json'));
  return { catalog, lessons: parseAll(catalog.lessons, sources, catalog.glossary) };
}

async function runOn(artifacts: Artifacts, config: ExperimentConfig, plan: PresetPlan, lite: boolean): Promise<LessonResult> {
  const result = await attackExperiment(artifacts, config);
  const view = await toPlaygroundResult(artifacts, result, false);
  return compactResult(view, { source: 'cached', lite, pinNames: plan.pinNames, confidencePoints: lite ? 100 : 200 });
}

async function cachePreset(plan: PresetPlan, log: (s: string) => void): Promise<CacheFile> {
  const config = presetConfig(plan.preset);
  const base = await prepareExperiment(config);
  try {
    const result = await runOn(base, config, plan, false);
    const variants: Record<string, CacheFile['variants'][string]> = {};
    for (const v of plan.variants) {
      const vc = applySet(config, v.set);
      log(`  ${plan.preset} / ${v.key}`);
      if (trainingKey(vc) === base.key) {
        variants[v.key] = { label: v.label, set: v.set, result: await runOn(base, vc, plan, true) };
        continue;
      }
      const a = await prepareExperiment(vc);
      try {
        variants[v.key] = { label: v.label, set: v.set, result: await runOn(a, vc, plan, true) };
      } finally {
        disposeArtifacts(a);
      }
    }
    const meta = plan.meta ? await metaSampleOf(base, config) : undefined;
    // Lesson 9: the preset's first member in and out, with the preset's DP and without any.
    const oneRecord = plan.oneRecord
      ? { dp: await oneRecordEffect(withField(config, 'dp.enabled', 'true'), 0, 4), nodp: await oneRecordEffect(withField(config, 'dp.enabled', 'false'), 0, 4) }
      : undefined;
    return roundNumbers({ preset: plan.preset, result, variants, ...(meta && { meta }), ...(oneRecord && { oneRecord }) });
  } finally {
    disposeArtifacts(base);
  }
}

export const cacheCommand: Command = {
  name: 'cache',
  summary: 'Run every lesson and embed preset and its variants; write compact results to --out (public/cache).',
  flags: [
    { name: 'out', description: 'folder for <preset>.json files (default public/cache)' },
    { name: 'lessons', description: 'the lessons folder (default lessons)' },
    { name: 'only', description: 'comma-separated presets to run (default: all the lessons use)' },
  ],
  async run(flags, log) {
    const out = (flags.out as string | undefined) ?? 'public/cache';
    const { lessons } = loadLessonsFromDisk((flags.lessons as string | undefined) ?? 'lessons');
    // Embeds open on their own presets; a lesson's plan for the same preset wins.
    const lessonPlans = cachePlan(lessons);
    let plans = [...lessonPlans, ...embedCachePlans().filter((e) => !lessonPlans.some((p) => p.preset === e.preset))];
    const only = (flags.only as string | undefined)?.split(',').map((s) => s.trim()).filter(Boolean);
    if (only) {
      const unknown = only.find((p) => !plans.some((x) => x.preset === p));
      if (unknown) throw new UsageError(`--only: no lesson or embed uses preset "${unknown}" (used: ${plans.map((p) => p.preset).join(', ')})`);
      plans = plans.filter((p) => only.includes(p.preset));
    }
    await initNodeBackend('wasm');
    mkdirSync(out, { recursive: true });
    const written = [];
    for (const plan of plans) {
      const t0 = performance.now();
      log(`${plan.preset}: ${plan.variants.length} variants (used by ${plan.usedBy.join(', ')})`);
      const file = await cachePreset(plan, log);
      const text = JSON.stringify(file);
      writeFileSync(join(out, `${plan.preset}.json`), text + '\n');
      written.push({ preset: plan.preset, variants: plan.variants.length, bytes: text.length, seconds: Math.round((performance.now() - t0) / 100) / 10 });
    }
    return { out, written };
  },
};
