/**
 * @fileoverview Per-record views: who is most exposed, each record's verdict, and metrics by slice.
 *
 * Aggregate numbers hide that membership leakage is uneven: outliers and small classes are
 * exposed far more than typical records. These helpers let the UI point at individual
 * records ("John Doe") and at groups (per class, correctly vs wrongly classified).
 */
import { assertNoNaN, countMembers, membershipBits, type MembershipArray, type ScoreArray } from './inputs';
import { advantage, auc, rocCurve, tprAtFpr } from './roc';
import { descendingOrder } from './sorted';
import { accuracy, balancedAccuracy, confusionAt, fpr, precision, tpr } from './threshold';

/**
 * Exposure rank of each record: 1 for the highest score, n for the lowest. Tied scores all
 * get the average of the ranks they span (three records tied for ranks 2–4 each get 3), so a
 * rank never depends on input order. Values can therefore be fractional. Pure; O(n log n).
 */
export function exposureRanks(scores: ScoreArray): Float64Array {
  assertNoNaN('exposureRanks', scores);
  const order = descendingOrder(scores);
  const ranks = new Float64Array(scores.length);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && scores[order[end]] === scores[order[start]]) end++;
    const average = (start + 1 + end) / 2; // mean of ranks start+1 .. end
    for (let k = start; k < end; k++) ranks[order[k]] = average;
    start = end;
  }
  return ranks;
}

/** Verdict per record at `threshold`: 1 = flagged as member (score ≥ threshold), 0 = not. Pure. */
export function verdicts(scores: ScoreArray, threshold: number): Uint8Array {
  if (Number.isNaN(threshold)) throw new Error('verdicts: threshold is NaN');
  assertNoNaN('verdicts', scores);
  const out = new Uint8Array(scores.length);
  for (let i = 0; i < out.length; i++) out[i] = scores[i] >= threshold ? 1 : 0;
  return out;
}

/**
 * Indices of the `k` members with the highest scores, most exposed first; ties keep index
 * order. Returns every member when there are fewer than `k`. Non-members are never listed:
 * the question is which members the attack exposes. Pure.
 */
export function mostExposed(scores: ScoreArray, isMember: MembershipArray, k: number): Int32Array {
  if (!(Number.isInteger(k) && k >= 0)) throw new Error(`mostExposed: k must be an integer ≥ 0, got ${k}`);
  assertNoNaN('mostExposed', scores);
  const bits = membershipBits('mostExposed', isMember, scores.length);
  const order = descendingOrder(scores);
  const out: number[] = [];
  for (let j = 0; j < order.length && out.length < k; j++) {
    if (bits[order[j]] === 1) out.push(order[j]);
  }
  return Int32Array.from(out);
}

/** Threshold-free and (optionally) at-threshold metrics for one slice. */
export interface SliceStats {
  readonly auc: number;
  readonly advantage: number;
  /** TPR at FPR ≤ 0.01 within the slice (0 = nobody exposed at that FPR). */
  readonly tprAt1PctFpr: number;
  /** Verdict metrics at the threshold passed to sliceMetrics, or null when none was passed. */
  readonly atThreshold: {
    readonly accuracy: number;
    readonly balancedAccuracy: number;
    readonly precision: number;
    readonly tpr: number;
    readonly fpr: number;
  } | null;
}

/** One group's result: `stats` when it could be evaluated, else `skipped` says why. */
export interface SliceResult {
  readonly group: number;
  readonly name: string;
  readonly members: number;
  readonly nonMembers: number;
  readonly stats: SliceStats | null;
  readonly skipped: string | null;
}

/**
 * Metrics per group. `groups[i]` is record i's group id in 0..groupNames.length−1 (e.g. its
 * class, or 1 = correctly / 0 = wrongly classified). Returns one entry per name, in id order.
 * A group lacking members or non-members cannot have an ROC curve, so it is returned with
 * `stats: null` and a `skipped` reason instead of throwing, since small slices are common.
 * Pass `threshold` (from the attacker's own calibration) to also get verdict metrics. Pure.
 */
export function sliceMetrics(
  scores: ScoreArray,
  isMember: MembershipArray,
  groups: Int32Array,
  groupNames: readonly string[],
  threshold?: number,
): SliceResult[] {
  assertNoNaN('sliceMetrics', scores);
  const bits = membershipBits('sliceMetrics', isMember, scores.length);
  if (groups.length !== scores.length) {
    throw new Error(`sliceMetrics: ${scores.length} scores but ${groups.length} group ids`);
  }
  if (threshold !== undefined && Number.isNaN(threshold)) throw new Error('sliceMetrics: threshold is NaN');
  const G = groupNames.length;
  const rows: number[][] = Array.from({ length: G }, () => []);
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (!(g >= 0 && g < G)) {
      throw new Error(`sliceMetrics: group id ${g} at index ${i} is outside 0..${G - 1} (${G} group names)`);
    }
    rows[g].push(i);
  }

  return rows.map((idx, g) => {
    const s = Float64Array.from(idx, (i) => scores[i]);
    const m = Uint8Array.from(idx, (i) => bits[i]);
    const members = countMembers(m);
    const nonMembers = m.length - members;
    const base = { group: g, name: groupNames[g], members, nonMembers };
    if (members === 0 || nonMembers === 0) {
      const skipped = idx.length === 0 ? 'no records' : members === 0 ? 'no members' : 'no non-members';
      return { ...base, stats: null, skipped };
    }
    const roc = rocCurve(s, m);
    let atThreshold: SliceStats['atThreshold'] = null;
    if (threshold !== undefined) {
      const c = confusionAt(s, m, threshold);
      atThreshold = {
        accuracy: accuracy(c),
        balancedAccuracy: balancedAccuracy(c),
        precision: precision(c),
        tpr: tpr(c),
        fpr: fpr(c),
      };
    }
    const stats = { auc: auc(s, m), advantage: advantage(roc), tprAt1PctFpr: tprAtFpr(roc, 0.01), atThreshold };
    return { ...base, stats, skipped: null };
  });
}
