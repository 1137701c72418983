/**
 * @fileoverview Which of a lesson widget's controls are on screen: those whose setting has an effect
 * under the widget's current config (state/field-applies.ts, the rule the playground's panel hides
 * by). "Attacker copies the augmentation" means nothing while the target trains without
 * augmentation, so it shows only once the reader picks one.
 */
import type { ExperimentConfig } from '../../core/experiment/config';
import type { ControlSpec } from '../../lessons/blocks';
import { fieldApplies } from '../../state/field-applies';

/** The controls of `controls` that apply under `config`, in the lesson's order. Pure. */
export function shownControls(controls: readonly ControlSpec[], config: ExperimentConfig): ControlSpec[] {
  return controls.filter((c) => fieldApplies(c.path, config));
}
