/**
 * @fileoverview Cached results for embeds: which presets have a file in public/cache (every
 * preset a lesson uses, plus the embed presets below, which `npm run cli -- cache` also runs), and
 * the cached result that matches a config exactly, so an embed draws its first figure at once and
 * live training takes over. Pure.
 */
import { presetConfig } from './presets';
import type { ExperimentConfig } from '../core/experiment/config';
import type { VariantSpec } from './blocks';
import type { CacheFile, LessonResult } from './result';
import { applySet, sameConfig, type PresetPlan } from './variants';

/** Presets made for embeds, with the variants their default controls reach in one move. */
export const EMBED_CACHE_PLANS: readonly { readonly preset: string; readonly variants: readonly VariantSpec[] }[] = [
  {
    preset: 'patients-gap',
    variants: [
      { key: 'dropout-0.5', label: 'Dropout 0.5', set: { 'model.dropout': 0.5 } },
      { key: 'dp', label: 'DP-SGD at ε = 2', set: { 'dp.enabled': true } },
    ],
  },
];

/** The embed presets as cache plans for the `cache` command. Pure. */
export function embedCachePlans(): PresetPlan[] {
  return EMBED_CACHE_PLANS.map((p) => ({ preset: p.preset, variants: [...p.variants], meta: false, pinNames: [], usedBy: ['embeds'] }));
}

/**
 * Whether public/cache holds a file for `preset`: lesson presets (the `cache` command runs every
 * preset a lesson names; a test checks each has its file) and the embed presets. Pure.
 */
export function hasCachedResult(preset: string): boolean {
  return preset.startsWith('lesson-') || EMBED_CACHE_PLANS.some((p) => p.preset === preset);
}

/** The cached result for exactly `config` (the preset's own or one of its variants), or null. Pure. */
export function cachedResultFor(file: CacheFile, config: ExperimentConfig): LessonResult | null {
  let base: ExperimentConfig;
  try {
    base = presetConfig(file.preset);
  } catch {
    return null;
  }
  if (sameConfig(base, config)) return file.result;
  for (const v of Object.values(file.variants)) {
    try {
      if (sameConfig(applySet(base, v.set), config)) return v.result;
    } catch {
      // A variant the current schema refuses matches nothing.
    }
  }
  return null;
}
