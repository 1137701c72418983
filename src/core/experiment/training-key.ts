/**
 * @fileoverview Which trained models a config needs: two configs with the same key share the target,
 * shadow and reference models (the engine reuses them; the page's job runner and the playground
 * compare keys to know whether a change retrains). Pure.
 */
import type { ExperimentConfig } from './config';

/**
 * The part of the config that decides the trained models. Attack and output-API fields are left
 * out, so changing them reuses the artifacts. The shadow and reference counts are included
 * because they decide which attacker models exist.
 */
export function trainingKey(config: ExperimentConfig): string {
  const { api: _api, attack, ...rest } = config;
  // The attacker's models depend on whether it copies the augmentation; the default adds no key.
  return JSON.stringify({ ...rest, shadows: attack.shadows, references: attack.references, ...(!attack.knowsAugmentation && { knowsAugmentation: false }),
    // A guessed recipe changes the attacker's models; the exact recipe (null) adds no key.
    ...(attack.guessWidth !== null && { guessWidth: attack.guessWidth }),
    ...(attack.guessEpochs !== null && { guessEpochs: attack.guessEpochs }),
  });
}

