/**
 * @fileoverview The cheat-sheet defense sweep, as data: one base experiment and one patch per
 * defense, all on the same data and seed, so the rows differ only in the defense. The browser runs
 * the configs one after another; `summarizeSweepRun` keeps the few numbers the table needs. Pure.
 */
import { defaultConfig, mergeConfig, type ExperimentConfig } from './config';
import type { Preset } from './presets';
import type { SweepRowSpread } from './sweep-seeds';
import { DEFENSES } from '../defenses/registry';
import type { CheatSheetNote } from '../defenses/types';

/** One defense of the sweep: a key for its row and text, a label, the fields it changes, and its cheat-sheet text. */
export interface SweepStep {
  readonly key: string;
  readonly label: string;
  /** A few characters for chart labels. */
  readonly short: string;
  /** A partial config laid over the sweep's base. */
  readonly patch: Record<string, unknown>;
  readonly note: CheatSheetNote;
}

/** The baseline row every defense is compared with. */
const NO_DEFENSE: SweepStep = {
  key: 'none',
  label: 'No defense',
  short: 'None',
  patch: {},
  note: {
    name: 'No defense',
    how: 'Train until the training loss stops falling, then ship the model.',
    pros: 'Simplest to build; fits the training data best.',
    cons: 'Memorizes individual records, so it leaks the most.',
    bestFor: 'A baseline to measure every defense against, never production.',
  },
};

/** A sweep: a base preset plus a patch, then one step per defense (the first is "none"). */
export interface SweepDefinition {
  /** Names the sweep in caches and reports; changes whenever the definition does. */
  readonly id: string;
  /** The base preset's name (for the reader) and its patch over defaultConfig(). */
  readonly preset: string;
  readonly base: Record<string, unknown>;
  readonly patch: Record<string, unknown>;
  readonly steps: readonly SweepStep[];
  /** Seeds each step is measured with (s, s + 1, …; default 1): see sweep-seeds.ts. */
  readonly seeds?: number;
}

/** The sizes a sweep can run at: `full` for the page, `tiny` for tests (`?sweep=tiny`). */
export type SweepVariant = 'full' | 'tiny';

/**
 * The cheat sheet on `base`, which is the lesson-defenses patient model (200 members, a 2×64 MLP
 * trained to 100% train accuracy; a lesson preset, so src/state/cheat-sheet-sweep.ts passes it in)
 * attacked by the loss threshold, the shadow-model attack and LiRA. One row with no defense, then
 * each defense's rows (src/core/defenses, in registry order). About a minute on wasm: each row
 * trains a target, 2 shadow models and 8 reference models. Pure.
 */
export const cheatSheetSweepOn = (base: Preset): SweepDefinition => ({
  id: 'cheat-sheet-v2',
  preset: base.name,
  base: base.patch,
  patch: { seed: 1, attack: { names: ['loss-threshold', 'shadow-model', 'lira-online'], shadows: 2, references: 8 } },
  steps: [NO_DEFENSE, ...DEFENSES.flatMap((d) => d.sweep)],
});

/** What `tiny` lays over the base: a few seconds per row, for browser tests. */
const TINY_PATCH = {
  data: { n: 300 },
  split: { targetMembers: 60, shadowPool: 120 },
  train: { epochs: 10 },
  attack: { shadows: 1, references: 4 },
};

/** The sweep at `variant` size. Pure. */
export function sweepDefinition(variant: SweepVariant, base: SweepDefinition): SweepDefinition {
  if (variant === 'full') return base;
  return { ...base, id: `${base.id}-tiny`, patch: deepMerge(base.patch, TINY_PATCH) };
}

/** One validated config per step, in order. Throws ConfigError if a patch does not fit. Pure. */
export function sweepConfigs(def: SweepDefinition): { key: string; label: string; short: string; config: ExperimentConfig }[] {
  const base = mergeConfig(mergeConfig(defaultConfig(), def.base), def.patch);
  return def.steps.map((s) => ({ key: s.key, label: s.label, short: s.short, config: mergeConfig(base, s.patch) }));
}

/**
 * A storage key that changes whenever any config of the sweep does (an FNV-1a hash of the
 * configs), so a cached sweep is never shown for a different definition. Pure.
 */
export function sweepCacheKey(def: SweepDefinition): string {
  const text = JSON.stringify(sweepConfigs(def).map((c) => [c.key, c.config]));
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `mia-sweep:${def.id}:${h.toString(16).padStart(8, '0')}`;
}

/** The measured numbers of one row. Rates in [0, 1]; `epsilon` null when trained without DP. */
export interface SweepRow {
  readonly key: string;
  readonly label: string;
  readonly trainAccuracy: number;
  readonly testAccuracy: number;
  /** The highest AUC of the attacks run, and which attack reached it. */
  readonly auc: number;
  readonly aucAttack: string;
  /** The highest TPR at 1% FPR of the attacks run, and which attack reached it. */
  readonly tprAt1: number;
  readonly tprAttack: string;
  readonly epsilon: number | null;
  readonly delta: number | null;
  /** Over several seeds: the figures above are means, and these their standard deviations. */
  readonly spread?: SweepRowSpread;
}

/** The part of a result a sweep row reads (ExperimentResult and the playground's view both fit). */
export interface SweepRunLike {
  readonly target: { readonly trainAccuracy: number; readonly testAccuracy: number };
  readonly attacks: readonly { readonly name: string; readonly title: string; readonly auc: number; readonly tprAtFpr: { readonly '0.01': number } }[];
  readonly privacy: { readonly epsilon: number; readonly delta: number } | null;
}

/**
 * The row of one finished run: the strongest attack's AUC and TPR at 1% FPR (each the maximum over
 * the attacks, since a defender must assume the best attack). Throws if no attack ran. Pure.
 */
export function summarizeSweepRun(step: { key: string; label: string }, r: SweepRunLike): SweepRow {
  if (r.attacks.length === 0) throw new Error(`Sweep row ${step.key}: no attack ran.`);
  const byAuc = r.attacks.reduce((b, a) => (a.auc > b.auc ? a : b));
  const byTpr = r.attacks.reduce((b, a) => (a.tprAtFpr['0.01'] > b.tprAtFpr['0.01'] ? a : b));
  return {
    key: step.key,
    label: step.label,
    trainAccuracy: r.target.trainAccuracy,
    testAccuracy: r.target.testAccuracy,
    auc: byAuc.auc,
    aucAttack: byAuc.title,
    tprAt1: byTpr.tprAtFpr['0.01'],
    tprAttack: byTpr.title,
    epsilon: r.privacy ? r.privacy.epsilon : null,
    delta: r.privacy ? r.privacy.delta : null,
  };
}

type Json = Record<string, unknown>;

function deepMerge(a: Json, b: Json): Json {
  const out: Json = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && prev && typeof prev === 'object' && !Array.isArray(prev) ? deepMerge(prev as Json, v as Json) : v;
  }
  return out;
}
