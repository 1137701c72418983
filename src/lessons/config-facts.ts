/**
 * @fileoverview The settings of the run behind a result, as facts: `config.dp.targetEpsilon`,
 * `config.train.epochs`, `config.model.width`, one per schema field. Prose that describes a cached
 * configuration ("trained for 40 epochs", "at ε = 4") quotes these instead of typing the number,
 * so the sentence follows the preset when it changes and follows a live run when the reader
 * changes a control. Pure.
 */
import { FIELDS } from '../core/experiment/schema';
import type { ExperimentConfig } from '../core/experiment/config';
import { getPath } from '../core/experiment/json-paths';

/**
 * Adds `<prefix><path>` for every schema field of `config` to `out`: numbers and strings as they
 * are, booleans as 'on'/'off', null as null (a setting decided elsewhere, e.g. σ from a target ε).
 * Lists (the attack names) are left out. Mutates `out`.
 */
export function configFacts(config: ExperimentConfig, out: Record<string, number | string | null>, prefix = 'config.'): void {
  for (const field of FIELDS) {
    const v = getPath(config as unknown as Record<string, unknown>, field.path);
    if (typeof v === 'number' || typeof v === 'string') out[prefix + field.path] = v;
    else if (typeof v === 'boolean') out[prefix + field.path] = v ? 'on' : 'off';
    else if (v === null) out[prefix + field.path] = null;
  }
}
