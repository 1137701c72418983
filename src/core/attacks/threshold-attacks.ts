/**
 * @fileoverview The simplest attacks: one number per record, compared with a threshold.
 *
 * The gap attack (Yeom et al. 2018) guesses MEMBER when the target classifies the record correctly;
 * it needs only labels. The score attacks (Salem et al. 2019; Song & Mittal 2021) threshold the
 * true-class confidence, the loss, the entropy or the modified entropy of the target's output. Their
 * threshold is calibrated on the attacker's shadow models, queried through the SAME output API as the
 * target (the attacker knows the API), on records whose IN/OUT status the attacker knows.
 */

import { thresholdResult, type AttackResult, type Calibration } from './calibration';
import { revealsFullVector, requireScores, type LabelledResponse, type ShadowResponse } from './output-api';
import type { AttackName } from './registry';
import { signalScores, type ScoreSignal } from './signals';

/** The signals that have a threshold attack of their own. */
export type ThresholdSignal = Exclude<ScoreSignal, 'phi'>;

/** Attack name for each threshold signal. */
export const THRESHOLD_ATTACK_NAMES: Readonly<Record<ThresholdSignal, AttackName>> = {
  confidence: 'confidence-threshold',
  loss: 'loss-threshold',
  entropy: 'entropy-threshold',
  mentropy: 'mentropy-threshold',
};

/**
 * Membership scores of `signal` on one response (higher = member). Throws AttackUnavailableError
 * when the API returns labels only. Under top-k, a true class outside the top k counts as
 * confidence 0: the attacker's best estimate, since it only knows p_y is below the k-th value.
 * The loss reads only the revealed p_y unless the API returns the full vector (see crossEntropyLoss),
 * so under top-k and rounded APIs the loss and confidence attacks rank records identically.
 * Returns a new array; the inputs are not mutated.
 */
export function thresholdSignalScores(signal: ThresholdSignal, query: LabelledResponse): Float64Array {
  const { response, labels } = query;
  const probs = requireScores(response, THRESHOLD_ATTACK_NAMES[signal]);
  return signalScores(signal, probs, labels, response.n, response.numClasses, revealsFullVector(response));
}

/**
 * Calibration records for `signal`: every shadow model's scores on its own IN and OUT records.
 * Returns new arrays (all shadows concatenated in order).
 */
export function shadowCalibration(signal: ThresholdSignal, shadows: readonly ShadowResponse[]): Calibration {
  return concatShadowScores(shadows, (s) => thresholdSignalScores(signal, s));
}

/**
 * Runs a score-threshold attack: scores from the target's response, threshold maximising accuracy
 * on `calibration` (see shadowCalibration). The target's true membership is never consulted.
 */
export function thresholdAttack(signal: ThresholdSignal, target: LabelledResponse, calibration: Calibration): AttackResult {
  return thresholdResult(THRESHOLD_ATTACK_NAMES[signal], thresholdSignalScores(signal, target), calibration);
}

/** 1 where the API's predicted label equals the true label, else 0. Works with every API kind. */
export function gapScores(query: LabelledResponse): Float64Array {
  const { response, labels } = query;
  if (labels.length !== response.n) throw new Error(`Expected ${response.n} labels, got ${labels.length}.`);
  const out = new Float64Array(response.n);
  for (let i = 0; i < response.n; i++) out[i] = response.predictedLabel[i] === labels[i] ? 1 : 0;
  return out;
}

/**
 * The gap attack: MEMBER iff the target classifies the record correctly. Its threshold is fixed at
 * 0.5 by definition (calibrating a 0/1 score could only turn it into "everyone" or "no one").
 * `calibration`, if given (e.g. gapCalibration(shadows)), only reports how well that rule does there.
 */
export function gapAttack(target: LabelledResponse, calibration?: Calibration): AttackResult {
  const scores = gapScores(target);
  let calibrationAccuracy: number | null = null;
  if (calibration && calibration.scores.length > 0) {
    let correct = 0;
    for (let i = 0; i < calibration.scores.length; i++) {
      if ((calibration.scores[i] >= 0.5 ? 1 : 0) === (calibration.isMember[i] ? 1 : 0)) correct++;
    }
    calibrationAccuracy = correct / calibration.scores.length;
  }
  return { name: 'gap', scores, threshold: 0.5, calibrationAccuracy };
}

/** Gap scores of every shadow model on its own IN/OUT records. Returns new arrays. */
export function gapCalibration(shadows: readonly ShadowResponse[]): Calibration {
  return concatShadowScores(shadows, gapScores);
}

/** Scores each shadow with `score` and concatenates the scores and membership flags. */
function concatShadowScores(
  shadows: readonly ShadowResponse[],
  score: (s: ShadowResponse) => Float64Array,
): { scores: Float64Array; isMember: Uint8Array } {
  const parts = shadows.map((s) => {
    if (s.isMember.length !== s.response.n) throw new Error('Each shadow needs one membership flag per record.');
    return score(s);
  });
  const total = parts.reduce((t, p) => t + p.length, 0);
  const scores = new Float64Array(total);
  const isMember = new Uint8Array(total);
  let k = 0;
  shadows.forEach((s, j) => {
    scores.set(parts[j], k);
    isMember.set(s.isMember, k);
    k += parts[j].length;
  });
  return { scores, isMember };
}

/** A threshold attack calibrated on the shadow models; throws when none were trained. */
export function shadowThresholdAttack(signal: ThresholdSignal, target: LabelledResponse, shadows: readonly ShadowResponse[]): AttackResult {
  if (shadows.length === 0) throw new Error('Threshold attacks calibrate on shadow models, and none were trained.');
  return thresholdAttack(signal, target, shadowCalibration(signal, shadows));
}
