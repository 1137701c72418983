/**
 * @fileoverview Which attacker models a config's attacks need, so nothing is trained in vain.
 */
import { ATTACKS } from '../attacks/registry';
import type { ExperimentConfig } from './config';

/** True when some chosen attack calibrates on, or learns from, shadow models. */
export function needsShadows(config: ExperimentConfig): boolean {
  return config.attack.names.some((n) => n !== 'gap' && ATTACKS[n].usesShadowModels);
}

/** True when LiRA (online or offline) is among the chosen attacks. */
export function needsReferences(config: ExperimentConfig): boolean {
  return config.attack.names.some((n) => ATTACKS[n].usesReferenceModels);
}
