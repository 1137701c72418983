/**
 * @fileoverview Sorting scores once and walking them by distinct level.
 *
 * ROC, AUC and threshold search all reduce to the same sweep: order records by score
 * (highest first), then visit each distinct score with the running count of members and
 * non-members at or above it. Grouping ties into one level is what makes tied scores count
 * as half in the AUC and makes every threshold a real, attainable operating point.
 */
import {
  assertBothClasses,
  assertNoNaN,
  countMembers,
  membershipBits,
  type MembershipArray,
  type ScoreArray,
} from './inputs';

/**
 * Indices 0..n-1 ordered by score, highest first; equal scores keep index order so results
 * are deterministic. Uses explicit comparisons rather than `b - a`, which is NaN for two
 * equal infinities and would break the sort. Does not mutate `scores`.
 */
export function descendingOrder(scores: ScoreArray): Uint32Array {
  const order = new Uint32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => {
    const sa = scores[a];
    const sb = scores[b];
    return sa > sb ? -1 : sa < sb ? 1 : a - b;
  });
  return order;
}

/** Distinct score levels, highest first, with cumulative counts at or above each level. */
export interface ScoreLevels {
  /** Distinct scores in descending order (length L). */
  readonly scores: Float64Array;
  /** Members with score ≥ scores[k] (nondecreasing, ends at `members`). */
  readonly tp: Float64Array;
  /** Non-members with score ≥ scores[k] (nondecreasing, ends at `nonMembers`). */
  readonly fp: Float64Array;
  readonly members: number;
  readonly nonMembers: number;
}

/**
 * Validates inputs (no NaN, matching lengths, 0/1 labels, both classes present) and sweeps
 * the scores into levels. `fn` names the public caller in error messages. Pure.
 */
export function scoreLevels(fn: string, scores: ScoreArray, isMember: MembershipArray): ScoreLevels {
  assertNoNaN(fn, scores);
  const bits = membershipBits(fn, isMember, scores.length);
  const members = countMembers(bits);
  const nonMembers = bits.length - members;
  assertBothClasses(fn, members, nonMembers);

  const order = descendingOrder(scores);
  const levelScores: number[] = [];
  const tp: number[] = [];
  const fp: number[] = [];
  let tpRun = 0;
  let fpRun = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (bits[i] === 1) tpRun++;
    else fpRun++;
    // Close the level after the last record that shares this score (`!==` treats 0 and -0 as one).
    const next = k + 1 < order.length ? scores[order[k + 1]] : undefined;
    if (next === undefined || next !== scores[i]) {
      levelScores.push(scores[i]);
      tp.push(tpRun);
      fp.push(fpRun);
    }
  }
  return {
    scores: Float64Array.from(levelScores),
    tp: Float64Array.from(tp),
    fp: Float64Array.from(fp),
    members,
    nonMembers,
  };
}
