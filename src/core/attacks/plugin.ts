/**
 * @fileoverview What an attack plugin is. One file per attack in plugins/ holds everything about
 * it: its catalogue entry (title, what it needs, citation, threat model, variant titles), the
 * schema rows of the settings only it reads, with their labels and when they apply, and `run`.
 * registry.ts lists the plugins; the schema, the config type, the controls and the attack stage
 * derive from that list. A plugin with settings exports their type (`{ readonly attack: {...} }`,
 * like a defense's) and writes its rows with attackFields, which checks rows and type agree.
 * Pure: plugins import only core, and reach models only through AttackContext.
 */
import type { ExperimentConfig } from '../experiment/config';
import type { FieldSpec } from '../experiment/field-spec';
import type { Rng } from '../rng';
import type { AttackResult } from './calibration';
import type { LabelledResponse, OutputApi, ShadowResponse } from './output-api';
import type { AttackSettings } from './registry';

/** One setting an attack owns: its schema row (at `path`) plus how the controls show it. */
export interface AttackField<P extends string = string> {
  readonly spec: FieldSpec & { readonly path: P };
  /** The short label on screen ("RMIA references"). */
  readonly label: string;
  /** Help in plain words where the schema's line (written for the CLI) will not do. */
  readonly help?: string;
  /** Display names of an enum's values, so no option shows its id. */
  readonly optionLabels?: Readonly<Record<string, string>>;
  /** Shown in the playground's Attacker group (the others are set by presets, links and `--set`). */
  readonly control?: boolean;
  /** Whether the setting has an effect under the rest of the config (default: the attack is chosen). */
  readonly applies?: (c: ExperimentConfig) => boolean;
}

/** The shape of a plugin's settings type: the config fields under `attack` it owns. */
export interface AttackSettingsShape {
  readonly attack: object;
}

/** The config path of each setting in `S`, e.g. `attack.liraVariance`. */
export type AttackSettingPath<S extends AttackSettingsShape> = `attack.${keyof S['attack'] & string}`;

/**
 * A plugin's rows keyed by setting: one for each key of `S['attack']` and no other, each at that
 * key's path, with a default of its type and (for a choice) a display name for each of its values.
 */
export type AttackFieldRows<S extends AttackSettingsShape> = {
  readonly [K in keyof S['attack'] & string]: Omit<AttackField, 'spec' | 'optionLabels'> & {
    readonly spec: Omit<FieldSpec, 'path' | 'default'> & { readonly path: `attack.${K}`; readonly default: S['attack'][K] };
    readonly optionLabels?: S['attack'][K] extends string ? Readonly<Record<S['attack'][K], string>> : never;
  };
};

/**
 * The rows of a plugin's settings `S`, in the order written (the schema's order). The compiler
 * refuses a row the settings type lacks, a setting with no row, a path that is not its key's, a
 * default outside the type and option names for other values, so the config type and the schema
 * cannot drift apart (enum kinds take their values from the same `as const` tuple as the type).
 */
export function attackFields<S extends AttackSettingsShape>(rows: AttackFieldRows<S>): readonly AttackField<AttackSettingPath<S>>[] {
  return Object.values(rows) as AttackField<AttackSettingPath<S>>[];
}

/**
 * The attacks' own settings, some of which pick a published variant (shadowVariant,
 * mentropyThresholds, rmiaSetting); missing fields take the schema's defaults. Not read from
 * ExperimentConfig, whose attack names come from the plugins that take this type.
 */
export type AttackVariantSettings = Partial<AttackSettings['attack']>;

/** Who answers a query: the target, or the m-th shadow or reference model. */
export type ModelRef = 'target' | number;

/**
 * Everything an attack may read, built by the attack stage (core/experiment/attack-stage.ts) over the worker's models.
 * Responses already went through the output API; the async parts query models on demand, and
 * the stage caches them, so two attacks asking for the same thing pay once.
 */
export interface AttackContext {
  readonly settings: ExperimentConfig['attack'];
  readonly api: OutputApi;
  /** The target's response on the candidates, through the API, with their true labels. */
  readonly target: LabelledResponse;
  /** Each shadow model's response on the attacker's pool, through the API, with IN/OUT. */
  readonly shadows: readonly ShadowResponse[];
  readonly candidates: { readonly n: number; readonly y: Int32Array };
  readonly pool: { readonly n: number; readonly y: Int32Array };
  /** The reference models (null when none were trained): their count, IN mask and raw probabilities on the candidates. */
  readonly references: { readonly count: number; readonly inMask: Uint8Array; readonly probs: readonly Float32Array[] } | null;
  /** LiRA's φ of every reference on every candidate (row m·n + i), through the same API as the target's. */
  referencePhi(): Float64Array;
  /** Raw probabilities of the target (or reference m) on the attacker's pool. */
  poolProbs(who: ModelRef): Promise<Float32Array>;
  /** Predicted labels on `settings.queries` perturbed copies of each candidate (target) or pool row (shadow m). */
  copyPredictions(who: ModelRef): Promise<Int32Array>;
  /** Per-record loss-gradient norms of the target on the candidates, or of shadow m on the pool (white-box). */
  gradNorms(who: ModelRef): Promise<Float32Array>;
  /** A generator for one random purpose, the same on every run with the same seed. */
  rng(label: string): Rng;
}

/** One attack. `N` is its name, part of the CLI's output contract; `P` the paths of its settings. */
export interface AttackPlugin<N extends string = string, P extends string = string> {
  readonly name: N;
  readonly title: string;
  /** One line for a tooltip or a legend. */
  readonly description: string;
  /**
   * The least the target's output API must reveal: the predicted label, or probability scores.
   * White-box attacks read the weights instead of the API, so any API will do for them.
   */
  readonly needs: 'label' | 'scores';
  /** Shadow models with known IN/OUT records (for the attack model or for the threshold). */
  readonly usesShadowModels: boolean;
  /** Reference models trained on random halves, so each record is IN for some and OUT for others. */
  readonly usesReferenceModels: boolean;
  /** The target's weights (white-box access). */
  readonly usesWeights: boolean;
  /** Extra queries on perturbed copies of each record. */
  readonly usesPerturbedQueries: boolean;
  readonly citation: string;
  /** What the attacker is assumed to hold or do: one sentence starting "The attacker" (tooltips, reports). */
  readonly threatModel: string;
  /** The settings only this attack reads, in schema order. */
  readonly fields?: readonly AttackField<P>[];
  /** Title, description, citation or threat model changed by the variant `settings` choose. */
  readonly variant?: (settings: AttackVariantSettings) => Partial<Pick<AttackPlugin, 'title' | 'description' | 'citation' | 'threatModel'>>;
  /** Runs the attack; throws AttackUnavailableError when the API hides what it needs. */
  run(ctx: AttackContext): AttackResult | Promise<AttackResult>;
}

/**
 * Declares a plugin, keeping its name's and its settings' literal types (so AttackName is the
 * union of the names, and the registry can check AttackSettings covers every setting).
 */
export function defineAttack<N extends string, P extends string = never>(plugin: AttackPlugin<N, P>): AttackPlugin<N, P> {
  return plugin;
}

/** The black-box defaults most attacks share. */
export const BLACK_BOX = { usesReferenceModels: false, usesWeights: false, usesPerturbedQueries: false } as const;

export const YEOM = 'Yeom, Giacomelli, Fredrikson & Jha. Privacy Risk in Machine Learning: Analyzing the Connection to Overfitting. CSF 2018.';
export const SALEM = 'Salem, Zhang, Humbert, Berrang, Fritz & Backes. ML-Leaks: Model and Data Independent Membership Inference Attacks and Defenses. NDSS 2019.';
export const CARLINI = 'Carlini, Chien, Nasr, Song, Terzis & Tramèr. Membership Inference Attacks From First Principles. IEEE S&P 2022.';
export const SHADOW_THRESHOLD = 'The attacker trains shadow models like the target on its own proxy data, disjoint from the target\'s records, to set the threshold.';
/** LiRA and RMIA train their references on the candidates: say so wherever they are offered. */
export const HOLDS_CANDIDATES = 'The attacker holds the candidate records themselves and trains reference models on random halves of them';
