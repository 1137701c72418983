/**
 * @fileoverview Plain-language notes for defenses that cannot help, or are known not to help, in
 * a given config, so the scoreboard can say why an attack did not move instead of a bare
 * "no change". Each defense writes its own note (`caveat` in src/core/defenses); the
 * data-specific ones quote measurements (issue 14, `npm run cli -- experiment`, wasm, seed 1). Pure.
 */
import type { ExperimentConfig } from './config';
import { DEFENSES } from '../defenses/registry';

export { VACUOUS_AT_1PCT_EPSILON } from '../defenses/dp-sgd';

/** One note: which defense it is about (its registry key), and the sentence to show. */
export interface DefenseNote {
  readonly defense: string;
  readonly text: string;
}

/**
 * Notes on the defenses `config` turns on that cannot help, or are known to help little, on its
 * data, in registry order. Empty when every active defense is expected to work. Pure.
 */
export function defenseAdvice(config: ExperimentConfig): DefenseNote[] {
  const notes: DefenseNote[] = [];
  for (const d of DEFENSES) {
    const text = d.caveat?.(config) ?? null;
    if (text) notes.push({ defense: d.key, text });
  }
  return notes;
}
