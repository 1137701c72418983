/**
 * @fileoverview What a defense plugin is. One file per defense in this folder holds everything
 * about it: its schema rows with their labels and when they apply, how it changes the training
 * recipe, what it forbids, its rows and text in the cheat sheet, its line in the audit report and
 * its advice. `registry.ts` lists the plugins; the config type, the schema, the controls, the
 * recipe, the cheat-sheet sweep, the report and the recommendations all derive from that list.
 * Pure: plugins import only core.
 */
import type { ExperimentConfig } from '../experiment/config';
import type { FieldSpec } from '../experiment/field-spec';
import type { Augmenter, DpSgdOptions, TrainOptions } from '../models/types';
import type { Dataset } from '../data/types';

/** One setting a defense owns: its schema row plus how the controls show it. */
export interface DefenseField {
  readonly spec: FieldSpec;
  /** The short label on screen ("L2 penalty"). */
  readonly label: string;
  /** Help in plain words where the schema's line (written for the CLI) will not do. */
  readonly help?: string;
  /** Display names of an enum's values, so no option shows its id. */
  readonly optionLabels?: Readonly<Record<string, string>>;
  /** Slider bounds tighter than the schema's hard limits. */
  readonly slider?: { readonly min: number; readonly max: number; readonly step: number };
  /** Whether the setting has an effect under the rest of the config (default: always). */
  readonly applies?: (c: ExperimentConfig) => boolean;
}

/** The cheat sheet's descriptive columns for one row; the numbers beside them are always measured. */
export interface CheatSheetNote {
  readonly name: string;
  readonly how: string;
  readonly pros: string;
  readonly cons: string;
  readonly bestFor: string;
}

/** One row of the cheat-sheet sweep: a key for its row and text, labels, and the fields it sets. */
export interface DefenseSweepRow {
  readonly key: string;
  readonly label: string;
  /** A few characters for chart labels. */
  readonly short: string;
  /** A partial config laid over the sweep's base. */
  readonly patch: Record<string, unknown>;
  readonly note: CheatSheetNote;
}

/** What the report's recipe line may quote about a run: its DP accounting, and how ε is written. */
export interface ReportContext {
  readonly privacy: { readonly epsilon: number; readonly delta: number; readonly noiseMultiplier: number; readonly clipNorm: number } | null;
  /** The app's way of writing ε (present/format.ts; core does no presentation). */
  readonly formatEpsilon: (epsilon: number) => string;
}

export interface Defense {
  /** Names the defense in advice notes; never shown. */
  readonly key: string;
  readonly title: string;
  readonly fields: readonly DefenseField[];
  /**
   * The settings (paths of its own fields) the playground's Defenses group shows, in that order;
   * the others are set through presets, links, lessons and `--set`.
   */
  readonly controls: readonly string[];
  /** Whether `c` turns the defense on. */
  isOn(c: ExperimentConfig): boolean;
  /**
   * Lays the defense's settings onto the training options (called for every defense, on or off,
   * so off means the neutral value). `dp` is DP-SGD's solved parameters, or null. Returns a new
   * object; does not mutate.
   */
  readonly trainOptions?: (c: ExperimentConfig, options: TrainOptions, dp: DpSgdOptions | null) => TrainOptions;
  /** The minibatch augmenter it trains with, or undefined. */
  readonly augmenter?: (c: ExperimentConfig, dataset: Dataset) => Augmenter | undefined;
  /** Problems with other fields, one sentence each, for the validator (empty when it fits). */
  readonly problems?: (c: ExperimentConfig) => string[];
  /** Its rows in the cheat-sheet sweep, each measured on the same data and seed. */
  readonly sweep: readonly DefenseSweepRow[];
  /** The report's recipe line when on ("L2 0.01"); null when there is nothing to say. */
  reportLine(c: ExperimentConfig, run: ReportContext): string | null;
  /** What to advise against overfitting while the defense is off: a step in the list, or a sentence for a large gap. */
  readonly remedy?: { readonly step?: string; readonly highGapSentence?: string };
  /** A note when it is on but cannot help (or is measured to help little) on this config; else null. */
  readonly caveat?: (c: ExperimentConfig) => string | null;
}
