/**
 * @fileoverview The result shape every attack returns, and the threshold rule they share.
 *
 * An attack's threshold is picked on the attacker's OWN data: shadow or reference models whose
 * training sets the attacker chose, so it knows each record's true IN/OUT status there. The
 * target's real membership is never an input here; it is what the metrics code grades against.
 * This small helper lives here (not in src/core/metrics) so attacks don't depend on the grading code.
 */

import type { AttackName } from './registry';

/** Scores on records whose membership the attacker knows (from its own shadow/reference models). */
export interface Calibration {
  /** Membership scores, higher = more likely a member, one per calibration record. */
  readonly scores: ArrayLike<number>;
  /** 1 = IN (in that shadow model's training set), 0 = OUT; same length as `scores`. */
  readonly isMember: ArrayLike<number>;
}

/** What every attack returns for the records queried on the target. */
export interface AttackResult {
  readonly name: AttackName;
  /** One membership score per queried record, in query order; higher = more likely a member. */
  readonly scores: Float64Array;
  /** Verdict rule: MEMBER iff score >= threshold. May be ±Infinity for a degenerate calibration. */
  readonly threshold: number;
  /** Accuracy of that rule on the calibration records, in [0, 1]; null when none were given. */
  readonly calibrationAccuracy: number | null;
}

/** A chosen threshold and its accuracy on the calibration records. */
export interface ThresholdChoice {
  readonly threshold: number;
  readonly accuracy: number;
}

/**
 * Picks the threshold that maximises accuracy on `calibration` (MEMBER iff score >= threshold).
 * Thresholds sit halfway between adjacent distinct scores, so target scores that fall in a gap of
 * the calibration data are split evenly rather than pushed to one side. Among equally accurate
 * thresholds the highest wins: when the data can't tell, accuse fewer records.
 * Returns +Infinity (nobody is a member) or -Infinity (everybody is) when that is best.
 * Throws on empty input, mismatched lengths or NaN scores. Does not mutate its input.
 */
export function calibrateThreshold(calibration: Calibration): ThresholdChoice {
  const { scores, isMember } = calibration;
  const total = scores.length;
  if (total !== isMember.length) {
    throw new Error(`Calibration has ${total} scores but ${isMember.length} membership flags.`);
  }
  if (total === 0) throw new Error('Cannot calibrate a threshold without calibration records.');
  let inCount = 0;
  for (let i = 0; i < total; i++) {
    if (Number.isNaN(scores[i])) throw new Error(`Calibration score ${i} is NaN.`);
    if (isMember[i]) inCount++;
  }
  // Sorting IN and OUT scores apart lets the native numeric sort do the work (no comparator).
  const ins = new Float64Array(inCount);
  const outs = new Float64Array(total - inCount);
  for (let i = 0, a = 0, b = 0; i < total; i++) {
    if (isMember[i]) ins[a++] = scores[i];
    else outs[b++] = scores[i];
  }
  ins.sort();
  outs.sort();

  // Sweep from the highest score down; after each distinct value v, every record >= v is MEMBER.
  let i = ins.length - 1;
  let j = outs.length - 1;
  let truePos = 0;
  let falsePos = 0;
  let bestCorrect = outs.length; // threshold above everything: nobody is a member
  let bestThreshold = Infinity;
  while (i >= 0 || j >= 0) {
    const v = Math.max(i >= 0 ? ins[i] : -Infinity, j >= 0 ? outs[j] : -Infinity);
    while (i >= 0 && ins[i] === v) { truePos++; i--; }
    while (j >= 0 && outs[j] === v) { falsePos++; j--; }
    const correct = truePos + (outs.length - falsePos);
    if (correct > bestCorrect) {
      const next = Math.max(i >= 0 ? ins[i] : -Infinity, j >= 0 ? outs[j] : -Infinity);
      bestCorrect = correct;
      bestThreshold = next === -Infinity ? -Infinity : midpoint(v, next);
    }
  }
  return { threshold: bestThreshold, accuracy: bestCorrect / total };
}

/** Halfway between two scores, falling back to the upper one when the sum overflows (±Infinity). */
function midpoint(upper: number, lower: number): number {
  const m = lower + (upper - lower) / 2;
  return Number.isFinite(m) ? m : upper;
}

/** MEMBER (1) / NON-MEMBER (0) verdicts: score >= threshold. Returns a new array. */
export function predictMembers(scores: ArrayLike<number>, threshold: number): Uint8Array {
  const out = new Uint8Array(scores.length);
  for (let i = 0; i < scores.length; i++) out[i] = scores[i] >= threshold ? 1 : 0;
  return out;
}

/** Joins several calibration sets (e.g. one per shadow model) into one. Returns new arrays. */
export function concatCalibration(parts: readonly Calibration[]): { scores: Float64Array; isMember: Uint8Array } {
  let total = 0;
  for (const p of parts) {
    if (p.scores.length !== p.isMember.length) throw new Error('Calibration scores and flags differ in length.');
    total += p.scores.length;
  }
  const scores = new Float64Array(total);
  const isMember = new Uint8Array(total);
  let k = 0;
  for (const p of parts) {
    for (let i = 0; i < p.scores.length; i++, k++) {
      scores[k] = p.scores[i];
      isMember[k] = p.isMember[i] ? 1 : 0;
    }
  }
  return { scores, isMember };
}

/** Scores plus the accuracy-maximising threshold from `calibration`, packaged as a result. */
export function thresholdResult(name: AttackName, scores: Float64Array, calibration: Calibration): AttackResult {
  const { threshold, accuracy } = calibrateThreshold(calibration);
  return { name, scores, threshold, calibrationAccuracy: accuracy };
}
