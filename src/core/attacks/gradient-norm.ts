/**
 * @fileoverview The white-box gradient-norm attack (after Nasr et al. 2019).
 *
 * Training drives the loss gradient of each training example towards zero, so members tend to have
 * smaller per-example gradient norms than non-members. The trainer computes the norms
 * (TrainedModel.perExampleGradNorms); this module only orients and thresholds them.
 */

import { thresholdResult, type AttackResult } from './calibration';

/** Per-example gradient norms on records whose membership the attacker knows (its shadow models). */
export interface GradientNormCalibration {
  /** L2 norms of the per-example loss gradient, one per record, >= 0. */
  readonly norms: ArrayLike<number>;
  /** 1 = IN (in that shadow model's training set), 0 = OUT. */
  readonly isMember: ArrayLike<number>;
}

/** Membership scores: −norm, so a smaller gradient means a higher score. Returns a new array. */
export function gradientNormScores(norms: ArrayLike<number>): Float64Array {
  const out = new Float64Array(norms.length);
  for (let i = 0; i < norms.length; i++) {
    if (Number.isNaN(norms[i])) throw new Error(`Gradient norm ${i} is NaN.`);
    out[i] = 0 - norms[i];
  }
  return out;
}

/**
 * Scores the target's per-example gradient norms and calibrates the threshold on the shadow
 * models' norms on their own IN/OUT records. The threshold is on the score scale (−norm).
 */
export function gradientNormAttack(targetNorms: ArrayLike<number>, calibration: GradientNormCalibration): AttackResult {
  return thresholdResult('gradient-norm', gradientNormScores(targetNorms), {
    scores: gradientNormScores(calibration.norms),
    isMember: calibration.isMember,
  });
}
