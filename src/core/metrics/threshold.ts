/**
 * @fileoverview Turning scores into MEMBER / NON-MEMBER verdicts at one threshold.
 *
 * A record is flagged as a member when its score ≥ the threshold, the same rule as the ROC
 * curve. The ratio helpers return 0 for an empty denominator rather than NaN so a summary
 * always serialises to JSON; callers that need to tell "0" from "undefined" look at the counts.
 */
import { assertNoNaN, membershipBits, type MembershipArray, type ScoreArray } from './inputs';
import { scoreLevels } from './sorted';

/** Confusion counts at one threshold (member = positive). */
export interface Confusion {
  /** Members flagged as members. */
  readonly tp: number;
  /** Non-members wrongly flagged as members (falsely accused). */
  readonly fp: number;
  /** Non-members correctly cleared. */
  readonly tn: number;
  /** Members that escaped detection. */
  readonly fn: number;
}

/**
 * Confusion counts when records with score ≥ `threshold` are flagged as members.
 * A threshold of +Infinity flags only +Infinity scores; -Infinity flags everyone. Pure.
 */
export function confusionAt(scores: ScoreArray, isMember: MembershipArray, threshold: number): Confusion {
  if (Number.isNaN(threshold)) throw new Error('confusionAt: threshold is NaN');
  assertNoNaN('confusionAt', scores);
  const bits = membershipBits('confusionAt', isMember, scores.length);
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < bits.length; i++) {
    const flagged = scores[i] >= threshold;
    if (bits[i] === 1) flagged ? tp++ : fn++;
    else flagged ? fp++ : tn++;
  }
  return { tp, fp, tn, fn };
}

const ratio = (num: number, den: number): number => (den === 0 ? 0 : num / den);

/** Fraction of records judged correctly, (tp + tn) / n; 0 for no records. */
export function accuracy(c: Confusion): number {
  return ratio(c.tp + c.tn, c.tp + c.fp + c.tn + c.fn);
}

/**
 * Mean of TPR and TNR. Unlike accuracy it is 0.5 for a guess however unbalanced the
 * member/non-member mix, which is why MIA papers prefer it when the split is not 50/50.
 */
export function balancedAccuracy(c: Confusion): number {
  return (tpr(c) + (1 - fpr(c))) / 2;
}

/**
 * Precision (positive predictive value): of the records flagged as members, the fraction
 * that really are. Returns 0, not NaN, when nothing is flagged (tp + fp = 0).
 */
export function precision(c: Confusion): number {
  return ratio(c.tp, c.tp + c.fp);
}

/** True positive rate (recall): tp / (tp + fn); 0 when there are no members. */
export function tpr(c: Confusion): number {
  return ratio(c.tp, c.tp + c.fn);
}

/** False positive rate: fp / (fp + tn); 0 when there are no non-members. */
export function fpr(c: Confusion): number {
  return ratio(c.fp, c.fp + c.tn);
}

/** What {@link bestThreshold} maximizes. */
export type ThresholdObjective = 'accuracy' | 'balanced-accuracy';

/**
 * The threshold that maximizes `objective` on the given labelled scores.
 *
 * Calibrate on the ATTACKER'S OWN data (shadow-model outputs, a reference population with
 * known membership), never on the target's true membership: a threshold tuned on the very
 * labels being evaluated overstates the attack, because a real attacker never sees them.
 *
 * Candidates are the midpoint between each pair of adjacent distinct scores, plus +Infinity
 * (flag nobody; skipped when some score is +Infinity) and -Infinity (flag everyone). Where the
 * midpoint is not strictly between the two scores (an infinite neighbour, or adjacent
 * doubles), the higher score is used, which flags the same records. Ties in the objective go
 * to the highest threshold, the one that accuses the fewest records. Objectives are compared
 * on exact integer counts, so ties are real ties. Needs both classes. Pure; O(n log n).
 */
export function bestThreshold(
  scores: ScoreArray,
  isMember: MembershipArray,
  objective: ThresholdObjective = 'accuracy',
): number {
  if (objective !== 'accuracy' && objective !== 'balanced-accuracy') {
    throw new Error(`bestThreshold: unknown objective ${String(objective)}`);
  }
  const lv = scoreLevels('bestThreshold', scores, isMember);
  const P = lv.members;
  const N = lv.nonMembers;
  // Both objectives are increasing affine functions of these integer keys:
  // accuracy = (tp + N − fp) / n and balanced accuracy = (tp·N − fp·P) / (2PN) + 1/2.
  const key = (tp: number, fp: number): number => (objective === 'accuracy' ? tp - fp : tp * N - fp * P);

  const L = lv.scores.length;
  let bestKey = Number.NEGATIVE_INFINITY;
  let best = Number.NEGATIVE_INFINITY;
  if (lv.scores[0] !== Number.POSITIVE_INFINITY) {
    bestKey = key(0, 0);
    best = Number.POSITIVE_INFINITY;
  }
  for (let k = 0; k < L; k++) {
    // Cutting just below level k flags levels 0..k.
    const value = key(lv.tp[k], lv.fp[k]);
    if (value > bestKey) {
      bestKey = value;
      best = k + 1 < L ? between(lv.scores[k], lv.scores[k + 1]) : Number.NEGATIVE_INFINITY;
    }
  }
  return best;
}

/** A threshold t with lo < t ≤ hi, preferring the midpoint. Halving first avoids overflow. */
function between(hi: number, lo: number): number {
  const mid = lo / 2 + hi / 2;
  return mid > lo && mid <= hi ? mid : hi;
}
