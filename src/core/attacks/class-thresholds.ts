/**
 * @fileoverview Class-dependent thresholds (Song & Mittal, "Systematic Evaluation of Privacy Risks
 * of Machine Learning Models", USENIX Security 2021).
 *
 * Song & Mittal set one threshold τ_y per class y, each chosen on the shadow models' records of that
 * class, because a class the model finds hard has a different "member" level of confidence or
 * modified entropy than an easy one. A record is called a member when its score reaches its own
 * class's threshold. To keep one score per record for the ROC, the attack reports the margin
 * score − τ_y, with threshold 0: sliding a single threshold t over the margins moves every τ_y by
 * the same t. A class whose shadow records are all IN or all OUT, or whose best threshold is
 * "nobody" or "everybody", uses the global threshold instead: its own data cannot place one.
 */

import { calibrateThreshold, type AttackResult, type Calibration } from './calibration';
import type { AttackName } from './registry';

/** Calibration records with the true class of each. */
export interface LabelledCalibration extends Calibration {
  readonly labels: ArrayLike<number>;
}

/** One threshold per class, and which classes fell back to the global one. */
export interface ClassThresholds {
  readonly thresholds: Float64Array;
  readonly global: number;
  readonly fellBack: readonly boolean[];
}

/**
 * Per-class accuracy-maximizing thresholds on `calibration` (see calibrateThreshold), for classes
 * 0..C−1. Does not mutate its input.
 */
export function classThresholds(calibration: LabelledCalibration, C: number): ClassThresholds {
  const { scores, isMember, labels } = calibration;
  if (labels.length !== scores.length) throw new Error(`Calibration has ${scores.length} scores but ${labels.length} labels.`);
  const global = calibrateThreshold(calibration).threshold;
  const byClass: { scores: number[]; isMember: number[] }[] = Array.from({ length: C }, () => ({ scores: [], isMember: [] }));
  for (let i = 0; i < scores.length; i++) {
    const y = labels[i];
    if (!Number.isInteger(y) || y < 0 || y >= C) throw new Error(`Label ${y} of calibration record ${i} is outside 0..${C - 1}.`);
    byClass[y].scores.push(scores[i]);
    byClass[y].isMember.push(isMember[i] ? 1 : 0);
  }
  const thresholds = new Float64Array(C);
  const fellBack: boolean[] = [];
  byClass.forEach((c, y) => {
    const ins = c.isMember.reduce((t, v) => t + v, 0);
    const own = ins > 0 && ins < c.isMember.length ? calibrateThreshold(c).threshold : NaN;
    const usable = Number.isFinite(own);
    thresholds[y] = usable ? own : global;
    fellBack.push(!usable);
  });
  return { thresholds, global, fellBack };
}

/**
 * Margins score − τ_y, the scores a per-class threshold rule ranks by. A class whose threshold is
 * ±Infinity (its fallback to a degenerate global threshold) gets margins of ∓Infinity: never or
 * always a member, as that threshold says. Returns a new array.
 */
export function classMargins(scores: ArrayLike<number>, labels: ArrayLike<number>, t: ClassThresholds): Float64Array {
  if (labels.length !== scores.length) throw new Error(`Expected ${scores.length} labels, got ${labels.length}.`);
  const out = new Float64Array(scores.length);
  for (let i = 0; i < scores.length; i++) out[i] = scores[i] - t.thresholds[labels[i]];
  return out;
}

/**
 * The attack with per-class thresholds: margins on the target, MEMBER iff margin >= 0, and the
 * accuracy of that rule on the calibration records. When every class fell back to the global
 * threshold this is exactly the one-threshold attack (raw scores and that threshold), so a
 * degenerate ±Infinity threshold does not flatten every score.
 */
export function classThresholdResult(
  name: AttackName, scores: ArrayLike<number>, labels: ArrayLike<number>, calibration: LabelledCalibration, C: number,
): AttackResult & { readonly classThresholds: ClassThresholds } {
  const t = classThresholds(calibration, C);
  const allGlobal = t.fellBack.every((f) => f);
  const threshold = allGlobal ? t.global : 0;
  const rescore = (v: ArrayLike<number>, y: ArrayLike<number>) => (allGlobal ? Float64Array.from(v) : classMargins(v, y, t));
  const own = rescore(calibration.scores, calibration.labels);
  let correct = 0;
  for (let i = 0; i < own.length; i++) if ((own[i] >= threshold ? 1 : 0) === (calibration.isMember[i] ? 1 : 0)) correct++;
  return {
    name, scores: rescore(scores, labels), threshold,
    calibrationAccuracy: own.length > 0 ? correct / own.length : null, classThresholds: t,
  };
}
