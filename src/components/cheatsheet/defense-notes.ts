/**
 * @fileoverview The cheat sheet's descriptive columns (how each defense works, pros, cons, best
 * for), keyed by sweep step. The text lives with each defense (src/core/defenses) and reaches the
 * table through the sweep's steps; the numbers are always measured.
 */
import { CHEAT_SHEET_SWEEP } from '../../state/cheat-sheet-sweep';
import type { CheatSheetNote } from '../../core/defenses/types';

/** The text of one row. */
export type DefenseNote = CheatSheetNote;

const NOTES: ReadonlyMap<string, DefenseNote> = new Map(CHEAT_SHEET_SWEEP.steps.map((s) => [s.key, s.note]));

/** The text of sweep step `key`, or null when no step has that key. */
export function defenseNote(key: string): DefenseNote | null {
  return NOTES.get(key) ?? null;
}
