/**
 * @fileoverview The defenses, in the order the controls, the cheat sheet and the report list them.
 * Adding a defense: its file in this folder, one line in DEFENSES, its settings in
 * DefenseSettings, and its test. The schema (schema.ts), the config type (config.ts), the
 * controls (state/field-meta.ts, control-groups.ts, field-applies.ts), the training recipe
 * (recipe.ts), the validator, the cheat-sheet sweep (core/experiment/sweep.ts) and its text, the
 * report's recipe line and the recommendations all read this list.
 */
import type { ExperimentConfig } from '../experiment/config';
import type { Defense, DefenseField } from './types';
import { l2, type L2Settings } from './l2';
import { l1, type L1Settings } from './l1';
import { dropout, type DropoutSettings } from './dropout';
import { earlyStopping, type EarlyStoppingSettings } from './early-stopping';
import { augmentation, type AugmentationSettings } from './augmentation';
import { ensemble, type EnsembleSettings } from './ensemble';
import { stacking, type StackingSettings } from './stacking';
import { dpSgd, type DpSgdSettings } from './dp-sgd';

export const DEFENSES: readonly Defense[] = [l2, l1, dropout, earlyStopping, augmentation, ensemble, stacking, dpSgd];

/** The config fields the defenses own, merged into ExperimentConfig (config.ts). */
export type DefenseSettings = L2Settings & L1Settings & DropoutSettings & EarlyStoppingSettings & AugmentationSettings & EnsembleSettings & StackingSettings & DpSgdSettings;

/** Every defense's settings, in registry order. */
export const DEFENSE_FIELDS: readonly DefenseField[] = DEFENSES.flatMap((d) => d.fields);

/** The defense setting at `path`, or undefined when no defense owns it. */
export function defenseField(path: string): DefenseField | undefined {
  return DEFENSE_FIELDS.find((f) => f.spec.path === path);
}

/** The defenses `config` turns on, in registry order. */
export function activeDefenses(config: ExperimentConfig): Defense[] {
  return DEFENSES.filter((d) => d.isOn(config));
}
