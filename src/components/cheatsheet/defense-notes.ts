/**
 * @fileoverview The cheat sheet's descriptive columns (how each defense works, pros, cons, best
 * for), keyed by sweep step. The text lives in defenses.json; the numbers are always measured.
 */
import notes from './defenses.json';

/** The text of one row. */
export interface DefenseNote {
  readonly name: string;
  readonly how: string;
  readonly pros: string;
  readonly cons: string;
  readonly bestFor: string;
}

const NOTES: Readonly<Record<string, DefenseNote>> = notes;

/** The text of sweep step `key`, or null when the data file has none. */
export function defenseNote(key: string): DefenseNote | null {
  return NOTES[key] ?? null;
}
