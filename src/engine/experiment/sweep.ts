/**
 * @fileoverview The cheat-sheet defense sweep, as data: one base experiment and one patch per
 * defense, all on the same data and seed, so the rows differ only in the defense. The browser runs
 * the configs one after another; `summarizeSweepRun` keeps the few numbers the table needs. Pure.
 */
import { mergeConfig, type ExperimentConfig } from '../../core/experiment/config';
import { presetConfig } from '../../core/experiment/presets';
import type { SweepRowSpread } from './sweep-seeds';

/** One defense of the sweep: a key for its row and text, a label, and the fields it changes. */
export interface SweepStep {
  readonly key: string;
  readonly label: string;
  /** A few characters for chart labels. */
  readonly short: string;
  /** A partial config laid over the sweep's base. */
  readonly patch: Record<string, unknown>;
}

/** A sweep: a base preset plus a patch, then one step per defense (the first is "none"). */
export interface SweepDefinition {
  /** Names the sweep in caches and reports; changes whenever the definition does. */
  readonly id: string;
  readonly preset: string;
  readonly patch: Record<string, unknown>;
  readonly steps: readonly SweepStep[];
  /** Seeds each step is measured with (s, s + 1, …; default 1): see sweep-seeds.ts. */
  readonly seeds?: number;
}

/** The sizes a sweep can run at: `full` for the page, `tiny` for tests (`?sweep=tiny`). */
export type SweepVariant = 'full' | 'tiny';

/**
 * The cheat sheet: the lesson-defenses patient model (200 members, a 2×64 MLP trained to 100%
 * train accuracy) attacked by the loss threshold, the shadow-model attack and LiRA. About a minute
 * on wasm: each row trains a target, 2 shadow models and 8 reference models.
 */
export const CHEAT_SHEET_SWEEP: SweepDefinition = {
  id: 'cheat-sheet-v1',
  preset: 'lesson-defenses',
  patch: { seed: 1, attack: { names: ['loss-threshold', 'shadow-model', 'lira-online'], shadows: 2, references: 8 } },
  steps: [
    { key: 'none', label: 'No defense', short: 'None', patch: {} },
    { key: 'l2', label: 'L2 penalty (λ = 0.01)', short: 'L2', patch: { train: { l2: 0.01 } } },
    { key: 'dropout', label: 'Dropout (0.5)', short: 'Dropout', patch: { model: { dropout: 0.5 } } },
    { key: 'early', label: 'Early stopping', short: 'Early stopping', patch: { train: { earlyStopping: true, patience: 3 } } },
    { key: 'augmentation', label: 'Noise augmentation (σ = 0.5)', short: 'Noise aug.', patch: { train: { augmentation: 'noise', augmentationStrength: 0.5 } } },
    { key: 'ensemble', label: 'Disjoint ensemble of 4', short: 'Ensemble ×4', patch: { train: { ensemble: 4 } } },
    { key: 'dp8', label: 'DP-SGD, ε = 8', short: 'DP ε=8', patch: { dp: { enabled: true, targetEpsilon: 8, clipNorm: 1 } } },
    { key: 'dp2', label: 'DP-SGD, ε = 2', short: 'DP ε=2', patch: { dp: { enabled: true, targetEpsilon: 2, clipNorm: 1 } } },
    { key: 'dp1', label: 'DP-SGD, ε = 1', short: 'DP ε=1', patch: { dp: { enabled: true, targetEpsilon: 1, clipNorm: 1 } } },
  ],
};

/** What `tiny` lays over the base: a few seconds per row, for browser tests. */
const TINY_PATCH = {
  data: { n: 300 },
  split: { targetMembers: 60, shadowPool: 120 },
  train: { epochs: 10 },
  attack: { shadows: 1, references: 4 },
};

/** The sweep at `variant` size. Pure. */
export function sweepDefinition(variant: SweepVariant = 'full', base: SweepDefinition = CHEAT_SHEET_SWEEP): SweepDefinition {
  if (variant === 'full') return base;
  return { ...base, id: `${base.id}-tiny`, patch: deepMerge(base.patch, TINY_PATCH) };
}

/** `?sweep=tiny` picks the tiny sweep; anything else the full one. Pure. */
export function sweepVariantFromSearch(search: string): SweepVariant {
  // Core has no DOM lib (no URLSearchParams), and this one flag needs no more than a match.
  return /(?:^\??|&)sweep=tiny(?:&|$)/.test(search) ? 'tiny' : 'full';
}

/** One validated config per step, in order. Throws ConfigError if a patch does not fit. Pure. */
export function sweepConfigs(def: SweepDefinition): { key: string; label: string; short: string; config: ExperimentConfig }[] {
  const base = mergeConfig(presetConfig(def.preset), def.patch);
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
