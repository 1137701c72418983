/**
 * @fileoverview The guessing game's deal: `count` records, half members, in a fixed mixed order,
 * and the scores of the reader and of a simple confidence rule. Pure.
 *
 * The deal is representative of the whole result, not of the first records kept: within each group
 * (members, non-members) the share of cards whose true-class confidence clears the rule's threshold
 * matches that share among all of the group's records (the result's confidence quantiles). So the
 * rule's score on the ten cards is what it scores on all patients, rounded to the deal, and the
 * lesson's point ("the model's confidence beats guessing") is true of the cards the reader sees
 * exactly as far as it is true of the model.
 */
import type { LessonRecord } from '../../lessons/result';

/** Member/non-member pattern of the deal, so the order never gives the answer away. */
const PATTERN = [true, false, false, true, false, true, true, false, true, false, false, true];

/** The confidence rule the game compares the reader with: "member when confidence ≥ 0.9". */
export const RULE_THRESHOLD = 0.9;

/** The model's confidence in a record's true class. Pure. */
export const trueConfidence = (r: LessonRecord): number => r.probs[r.label] ?? NaN;

/** Share of `values` at or above `t` (0 for none). Pure. */
export function shareAtLeast(values: readonly number[], t: number): number {
  return values.length === 0 ? 0 : values.filter((v) => v >= t).length / values.length;
}

/**
 * `n` records of one group: round(n·share) that clear `threshold` and the rest below it, each part
 * spread evenly over its records sorted by confidence. When one side runs short the other fills in.
 */
function pickGroup(pool: readonly LessonRecord[], n: number, share: number, threshold: number): LessonRecord[] {
  const sorted = [...pool].sort((a, b) => trueConfidence(a) - trueConfidence(b) || a.index - b.index);
  const high = sorted.filter((r) => trueConfidence(r) >= threshold);
  const low = sorted.filter((r) => !(trueConfidence(r) >= threshold));
  let nHigh = Math.min(high.length, Math.round(n * share));
  const nLow = Math.min(low.length, n - nHigh);
  nHigh = Math.min(high.length, n - nLow);
  const spread = (xs: LessonRecord[], k: number) => Array.from({ length: k }, (_, i) => xs[Math.floor(((i + 0.5) / k) * xs.length)]);
  return [...spread(low, nLow), ...spread(high, nHigh)].sort((a, b) => a.index - b.index);
}

/** The confidences the deal must represent: each group's quantile sample of all its records. */
export interface GroupConfidences {
  readonly members: readonly number[];
  readonly nonMembers: readonly number[];
}

/**
 * `count` records alternating by PATTERN, half members, chosen so that within each group the share
 * clearing RULE_THRESHOLD matches `all` (the whole result's confidences). Deterministic. Pure.
 */
export function dealRecords(records: readonly LessonRecord[], count: number, all: GroupConfidences): LessonRecord[] {
  const nMembers = Math.ceil(count / 2);
  const members = pickGroup(records.filter((r) => r.member && r.name !== 'John Doe'), nMembers, shareAtLeast(all.members, RULE_THRESHOLD), RULE_THRESHOLD);
  const others = pickGroup(records.filter((r) => !r.member && r.name !== 'Jane Smith'), count - nMembers, shareAtLeast(all.nonMembers, RULE_THRESHOLD), RULE_THRESHOLD);
  const out: LessonRecord[] = [];
  for (let i = 0; i < count; i++) {
    const pool = PATTERN[i % PATTERN.length] ? members : others;
    const next = pool.shift() ?? (PATTERN[i % PATTERN.length] ? others : members).shift();
    if (next) out.push(next);
  }
  return out;
}

/** How many guesses match the truth. Pure. */
export function score(records: readonly LessonRecord[], guesses: readonly (boolean | null)[]): number {
  return records.reduce((s, r, i) => s + (guesses[i] === r.member ? 1 : 0), 0);
}

/** The score of "member when confidence ≥ threshold". Pure. */
export function ruleScore(records: readonly LessonRecord[], threshold: number): number {
  return records.reduce((s, r) => s + ((trueConfidence(r) >= threshold) === r.member ? 1 : 0), 0);
}

/** The rule's balanced accuracy on all records (mean of its hit rate on members and on non-members). Pure. */
export function ruleAccuracyAll(all: GroupConfidences, threshold: number): number {
  return (shareAtLeast(all.members, threshold) + 1 - shareAtLeast(all.nonMembers, threshold)) / 2;
}
