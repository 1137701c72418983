/**
 * @fileoverview ROC curve, AUC and the low-FPR views that matter for membership inference.
 *
 * Conventions follow scikit-learn's `roc_curve(..., drop_intermediate=False)`: one point per
 * distinct score, thresholds descending, a record flagged as a member when score ≥ threshold,
 * and a leading (0, 0) point with threshold +Infinity meaning "flag nobody". Average-case
 * numbers (AUC) hide whether an attack confidently exposes anyone, so this module also gives
 * TPR at a fixed low FPR and a log–log series (Carlini et al. 2022, "Membership Inference
 * Attacks From First Principles").
 */
import type { MembershipArray, ScoreArray } from './inputs';
import { scoreLevels } from './sorted';

/** An ROC curve: parallel arrays of length L + 1 for L distinct scores. */
export interface RocCurve {
  /** False positive rate per point, nondecreasing from 0 to 1. */
  readonly fpr: Float64Array;
  /** True positive rate per point, nondecreasing from 0 to 1. */
  readonly tpr: Float64Array;
  /**
   * Threshold per point, descending. thresholds[0] is +Infinity for the "flag nobody" origin,
   * even when some scores are +Infinity themselves (then the next point also has +Infinity,
   * as in scikit-learn).
   */
  readonly thresholds: Float64Array;
  /** Number of members (positives) the curve was computed from. */
  readonly members: number;
  /** Number of non-members (negatives) the curve was computed from. */
  readonly nonMembers: number;
}

/**
 * The ROC curve of `scores` against `isMember`. O(n log n). Does not mutate its inputs.
 * Throws on a NaN score (naming its index), a length mismatch, or a single-class input.
 */
export function rocCurve(scores: ScoreArray, isMember: MembershipArray): RocCurve {
  const lv = scoreLevels('rocCurve', scores, isMember);
  const L = lv.scores.length;
  const fpr = new Float64Array(L + 1);
  const tpr = new Float64Array(L + 1);
  const thresholds = new Float64Array(L + 1);
  thresholds[0] = Number.POSITIVE_INFINITY;
  for (let k = 0; k < L; k++) {
    fpr[k + 1] = lv.fp[k] / lv.nonMembers;
    tpr[k + 1] = lv.tp[k] / lv.members;
    thresholds[k + 1] = lv.scores[k];
  }
  return { fpr, tpr, thresholds, members: lv.members, nonMembers: lv.nonMembers };
}

/**
 * Area under the ROC curve: the probability that a random member outscores a random
 * non-member, with ties counted as half (the Mann–Whitney U statistic over P·N).
 * Computed from integer counts per score level, so it is exact up to one final division.
 * O(n log n); pure. Throws like {@link rocCurve}.
 */
export function auc(scores: ScoreArray, isMember: MembershipArray): number {
  const lv = scoreLevels('auc', scores, isMember);
  let u = 0;
  let tpAbove = 0;
  let fpAbove = 0;
  for (let k = 0; k < lv.scores.length; k++) {
    const tpHere = lv.tp[k] - tpAbove;
    const fpHere = lv.fp[k] - fpAbove;
    // Each non-member at this level loses to every member strictly above and ties with those here.
    u += fpHere * (tpAbove + tpHere / 2);
    tpAbove = lv.tp[k];
    fpAbove = lv.fp[k];
  }
  return u / (lv.members * lv.nonMembers);
}

/**
 * The largest TPR over the curve's points whose FPR ≤ `maxFpr` (inclusive, compared exactly:
 * FPRs are k/N, so a `maxFpr` of exactly k/N counts). 0 when only the origin qualifies.
 * With fewer than 1/maxFpr non-members the only reachable FPR ≤ maxFpr is 0, so this is the
 * TPR at zero false positives. `maxFpr` must be in [0, 1]. Pure.
 */
export function tprAtFpr(roc: RocCurve, maxFpr: number): number {
  if (!(maxFpr >= 0 && maxFpr <= 1)) {
    throw new Error(`tprAtFpr: maxFpr must be in [0, 1], got ${maxFpr}`);
  }
  // FPR and TPR are both nondecreasing, so the answer is at the last point with fpr ≤ maxFpr.
  let lo = 0;
  let hi = roc.fpr.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (roc.fpr[mid] <= maxFpr) lo = mid;
    else hi = mid - 1;
  }
  return roc.fpr[lo] <= maxFpr ? roc.tpr[lo] : 0;
}

/**
 * Membership advantage: max over thresholds of TPR − FPR (Yeom et al. 2018). In [0, 1]
 * because the origin contributes 0; equals 2·(best balanced accuracy) − 1. Pure.
 */
export function advantage(roc: RocCurve): number {
  let best = 0;
  for (let i = 0; i < roc.fpr.length; i++) best = Math.max(best, roc.tpr[i] - roc.fpr[i]);
  return best;
}

/** Points ready for a log–log ROC plot; all values are in [minFpr, 1] and (0, 1]. */
export interface LogRocSeries {
  readonly fpr: Float64Array;
  readonly tpr: Float64Array;
}

/**
 * Thins an ROC curve for a log–log plot. Points with TPR = 0 are dropped (they have no place
 * on a log axis); FPRs below `minFpr`, including 0, are clamped to `minFpr` so that TPR at
 * zero false positives stays visible at the left edge. The log-FPR range is cut into
 * `maxPoints` equal buckets and each keeps the point with the highest TPR (the earliest such
 * point, which dominates the rest), so the plot keeps the upper envelope and never has more
 * than `maxPoints` points however many records there are. Pure.
 */
export function logRocSeries(roc: RocCurve, minFpr = 1e-5, maxPoints = 300): LogRocSeries {
  if (!(minFpr > 0 && minFpr < 1)) throw new Error(`logRocSeries: minFpr must be in (0, 1), got ${minFpr}`);
  if (!(Number.isInteger(maxPoints) && maxPoints >= 2)) {
    throw new Error(`logRocSeries: maxPoints must be an integer ≥ 2, got ${maxPoints}`);
  }
  const logMin = Math.log(minFpr);
  const fpr: number[] = [];
  const tpr: number[] = [];
  let lastBucket = -1;
  for (let i = 0; i < roc.fpr.length; i++) {
    const t = roc.tpr[i];
    if (!(t > 0)) continue;
    const f = Math.max(roc.fpr[i], minFpr);
    const bucket = Math.min(maxPoints - 1, Math.floor(((Math.log(f) - logMin) / -logMin) * maxPoints));
    if (bucket !== lastBucket) {
      fpr.push(f);
      tpr.push(t);
      lastBucket = bucket;
    } else if (t > tpr[tpr.length - 1]) {
      fpr[fpr.length - 1] = f;
      tpr[tpr.length - 1] = t;
    }
  }
  return { fpr: Float64Array.from(fpr), tpr: Float64Array.from(tpr) };
}
