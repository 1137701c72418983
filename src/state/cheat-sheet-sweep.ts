/**
 * @fileoverview The cheat sheet's sweep. Its base model is a lesson preset (lesson-defenses, the
 * model lessons 7–10 measure every defense on), which lives in src/lessons, so the definition is
 * built here rather than in core (core imports only core). Pure.
 */
import { cheatSheetSweepOn, sweepDefinition, type SweepDefinition, type SweepVariant } from '../core/experiment/sweep';
import { LESSON_PRESETS } from '../lessons/presets';

const base = LESSON_PRESETS.find((p) => p.name === 'lesson-defenses');
if (!base) throw new Error('The cheat sheet needs the lesson-defenses preset.');

/** The cheat sheet at full size. */
export const CHEAT_SHEET_SWEEP: SweepDefinition = cheatSheetSweepOn(base);

/** The cheat sheet at `variant` size (`tiny` for tests, `?sweep=tiny`). */
export function cheatSheetSweep(variant: SweepVariant = 'full'): SweepDefinition {
  return sweepDefinition(variant, CHEAT_SHEET_SWEEP);
}
