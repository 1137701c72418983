/**
 * @fileoverview Widget configs: a preset with a variant's or the reader's changes laid over it,
 * and the plan of what the cache command must run for every lesson preset. Pure.
 */
import { withField, type ExperimentConfig } from '../core/experiment/config';
import { RESERVED_NAMES } from '../core/data/names';
import type { VariantSpec, WidgetSpec } from './blocks';
import type { Lesson } from './parse';

/** `config` with each `path → value` of `set` applied and validated. Throws ConfigError. Pure. */
export function applySet(config: ExperimentConfig, set: Readonly<Record<string, unknown>>): ExperimentConfig {
  return Object.entries(set).reduce((c, [path, value]) => withField(c, path, value === null ? 'null' : String(value)), config);
}

/** Same experiment? Configs compare as JSON (field order is fixed by defaultConfig). Pure. */
export function sameConfig(a: ExperimentConfig, b: ExperimentConfig): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What the cache must hold for one preset, gathered from every widget that names it. */
export interface PresetPlan {
  readonly preset: string;
  readonly variants: VariantSpec[];
  /** Lesson 5's table needs rows of the shadow-model attack's meta-dataset. */
  meta: boolean;
  /** Lesson 9's picture: the first member trained in and out, with and without DP (one-record.ts). */
  oneRecord?: boolean;
  /**
   * Record names every result must keep: the lessons' two patients, John Doe (a member) and Jane
   * Smith (a non-member), so each figure and each variant can show their scores and verdicts.
   */
  readonly pinNames: string[];
  readonly usedBy: string[];
}

/** Groups the widgets of `lessons` by preset. Throws if two widgets give one variant key different settings. */
export function cachePlan(lessons: readonly Lesson[]): PresetPlan[] {
  const plans = new Map<string, PresetPlan>();
  const add = (lesson: Lesson, w: WidgetSpec) => {
    if (!w.preset) return;
    let plan = plans.get(w.preset);
    // Every plan pins the reserved names: a dataset without them (purchases) simply has no such
    // records, and one with them (patients) keeps the pair in the base result and every variant.
    if (!plan) plans.set(w.preset, (plan = { preset: w.preset, variants: [], meta: false, pinNames: [...RESERVED_NAMES], usedBy: [] }));
    plan.usedBy.push(`${lesson.slug}#${w.id}`);
    if (w.type === 'meta-table') plan.meta = true;
    if (w.type === 'one-record') plan.oneRecord = true;
    for (const v of w.variants) {
      const known = plan.variants.find((x) => x.key === v.key);
      if (!known) plan.variants.push(v);
      else if (JSON.stringify(known.set) !== JSON.stringify(v.set)) {
        throw new Error(`Preset ${w.preset}: variant "${v.key}" has different settings in ${lesson.slug}#${w.id}.`);
      }
    }
  };
  for (const lesson of lessons) for (const w of lesson.widgets) add(lesson, w);
  return [...plans.values()];
}
