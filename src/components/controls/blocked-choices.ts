/**
 * @fileoverview Choices the control panel turns off because the rest of the config rules them
 * out, each with the reason shown beside the control. The validator refuses the same combinations
 * (config.ts); greying them out here keeps a learner from reaching the error at all. Pure.
 */
import type { ExperimentConfig } from '../../core/experiment/config';

/** What a control may not offer right now: a whole control, or some of its options. */
export interface BlockedChoice {
  /** The whole control is off (e.g. the DP-SGD toggle while mixup is chosen). */
  readonly disabled: boolean;
  /** Enum values that cannot be picked, e.g. ['mixup'] while DP-SGD is on. */
  readonly options: readonly string[];
  /** Why, in plain words, shown under the control; null when nothing is blocked. */
  readonly reason: string | null;
}

const NONE: BlockedChoice = { disabled: false, options: [], reason: null };

const MIXUP_UNDER_DP =
  'Mixup is off while DP-SGD is on: it blends two records into one training row, so a record can count twice ' +
  'and the ε shown would not hold.';

const DP_UNDER_MIXUP =
  'DP-SGD is off while mixup is chosen: mixup blends two records into one training row, so a record can count ' +
  'twice and ε would not hold. Choose another augmentation first.';

/** What the control for `path` must not offer under `config`. Pure. */
export function blockedChoice(path: string, config: ExperimentConfig): BlockedChoice {
  if (path === 'train.augmentation' && config.dp.enabled) return { disabled: false, options: ['mixup'], reason: MIXUP_UNDER_DP };
  if (path === 'dp.enabled' && !config.dp.enabled && config.train.augmentation === 'mixup') {
    return { disabled: true, options: [], reason: DP_UNDER_MIXUP };
  }
  return NONE;
}
