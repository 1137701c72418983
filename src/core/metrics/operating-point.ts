/**
 * @fileoverview An attack's operating point at a threshold the learner chooses: how many members it
 * catches and non-members it falsely accuses, the ROC point that threshold lands on, and what a
 * "member" verdict is worth when members are rare (precision at a base rate).
 *
 * Dragging a threshold asks for these numbers dozens of times a second, so the scores are sorted
 * once ({@link thresholdTable}) and each threshold costs two binary searches. The rule is the ROC's:
 * a record is flagged as a member when its score ≥ the threshold.
 */
import { assertBothClasses, assertNoNaN, membershipBits, type MembershipArray, type ScoreArray } from './inputs';
import type { RocCurve } from './roc';

/** Each group's scores, sorted ascending; built once per result by {@link thresholdTable}. */
export interface ThresholdTable {
  readonly members: Float64Array;
  readonly nonMembers: Float64Array;
}

/** What the verdicts at one threshold add up to. Rates are in [0, 1]. */
export interface OperatingPoint {
  readonly threshold: number;
  /** Members flagged (score ≥ threshold), of `members`. */
  readonly tp: number;
  /** Non-members flagged, of `nonMembers`. */
  readonly fp: number;
  readonly members: number;
  readonly nonMembers: number;
  /** tp / members. */
  readonly tpr: number;
  /** fp / nonMembers. */
  readonly fpr: number;
}

/**
 * Sorts `scores` by group (isMember 1 = member). Throws on NaN scores, a length mismatch or a
 * group with no records (a rate over it would be undefined). Does not mutate its inputs.
 */
export function thresholdTable(scores: ScoreArray, isMember: MembershipArray): ThresholdTable {
  assertNoNaN('thresholdTable', scores);
  const bits = membershipBits('thresholdTable', isMember, scores.length);
  const members: number[] = [];
  const nonMembers: number[] = [];
  for (let i = 0; i < bits.length; i++) (bits[i] === 1 ? members : nonMembers).push(scores[i]);
  return groupTable(members, nonMembers);
}

/**
 * The same table from the two groups' scores given apart (a lesson keeps them so, often as a
 * quantile sample). Throws like {@link thresholdTable}. Does not mutate its inputs.
 */
export function groupTable(members: ScoreArray, nonMembers: ScoreArray): ThresholdTable {
  assertNoNaN('groupTable', members, 'member score');
  assertNoNaN('groupTable', nonMembers, 'non-member score');
  assertBothClasses('groupTable', members.length, nonMembers.length);
  return { members: Float64Array.from(members).sort(), nonMembers: Float64Array.from(nonMembers).sort() };
}

/** How many of the ascending `sorted` values are ≥ t. */
function countAtOrAbove(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length - lo;
}

/**
 * The counts and rates when records with score ≥ `threshold` are flagged. +Infinity flags only
 * +Infinity scores; -Infinity flags everyone. O(log n). Throws on a NaN threshold. Pure.
 */
export function operatingPoint(table: ThresholdTable, threshold: number): OperatingPoint {
  if (Number.isNaN(threshold)) throw new Error('operatingPoint: threshold is NaN');
  const tp = countAtOrAbove(table.members, threshold);
  const fp = countAtOrAbove(table.nonMembers, threshold);
  const members = table.members.length;
  const nonMembers = table.nonMembers.length;
  return { threshold, tp, fp, members, nonMembers, tpr: tp / members, fpr: fp / nonMembers };
}

/**
 * Precision of a "member" verdict when a share `baseRate` (π) of the people queried are members:
 * TPR·π / (TPR·π + FPR·(1 − π)). At π = 1% even a small FPR drowns the true positives, which is
 * why a high AUC can still mean most accusations are false. Null when nobody is flagged
 * (TPR = FPR = 0): precision is then undefined, not 0. `baseRate` must be in (0, 1). Pure.
 */
export function precisionAtBaseRate(tpr: number, fpr: number, baseRate: number): number | null {
  if (!(baseRate > 0 && baseRate < 1)) throw new Error(`precisionAtBaseRate: base rate must be in (0, 1), got ${baseRate}`);
  if (!(tpr >= 0 && tpr <= 1 && fpr >= 0 && fpr <= 1)) {
    throw new Error(`precisionAtBaseRate: rates must be in [0, 1], got TPR ${tpr} and FPR ${fpr}`);
  }
  const caught = tpr * baseRate;
  const accused = caught + fpr * (1 - baseRate);
  return accused === 0 ? null : caught / accused;
}

/**
 * The index of the point of `roc` (from rocCurve) that `threshold` lands on: the records flagged
 * at the threshold are exactly those flagged at roc.thresholds[k], the smallest curve threshold
 * ≥ `threshold`. A threshold above every score lands on the origin (index 0). O(log n). Pure.
 */
export function rocIndexAt(roc: Pick<RocCurve, 'thresholds'>, threshold: number): number {
  if (Number.isNaN(threshold)) throw new Error('rocIndexAt: threshold is NaN');
  // thresholds descend: find the last index k with thresholds[k] ≥ threshold (index 0 is +∞).
  let lo = 0;
  let hi = roc.thresholds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (roc.thresholds[mid] >= threshold) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
