/**
 * @fileoverview The guessing game's deal: `count` records, half members, in a fixed mixed order,
 * and the scores of the reader and of a simple confidence rule. Pure.
 */
import type { LessonRecord } from '../../lessons/result';

/** Member/non-member pattern of the deal, so the order never gives the answer away. */
const PATTERN = [true, false, false, true, false, true, true, false, true, false, false, true];

/** `count` records alternating by PATTERN, taken in order from `records`. Pure. */
export function dealRecords(records: readonly LessonRecord[], count: number): LessonRecord[] {
  const members = records.filter((r) => r.member && r.name !== 'John Doe');
  const others = records.filter((r) => !r.member);
  const out: LessonRecord[] = [];
  for (let i = 0; i < count; i++) {
    const pool = PATTERN[i % PATTERN.length] ? members : others;
    const next = pool.shift();
    if (next) out.push(next);
  }
  return out;
}

/** The model's confidence in a record's true class. Pure. */
export const trueConfidence = (r: LessonRecord): number => r.probs[r.label] ?? NaN;

/** How many guesses match the truth. Pure. */
export function score(records: readonly LessonRecord[], guesses: readonly (boolean | null)[]): number {
  return records.reduce((s, r, i) => s + (guesses[i] === r.member ? 1 : 0), 0);
}

/** The score of "member when confidence ≥ threshold". Pure. */
export function ruleScore(records: readonly LessonRecord[], threshold: number): number {
  return records.reduce((s, r) => s + ((trueConfidence(r) >= threshold) === r.member ? 1 : 0), 0);
}
