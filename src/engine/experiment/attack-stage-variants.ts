/**
 * @fileoverview Attack-stage runners for RMIA and for threshold attacks with per-class thresholds,
 * kept beside attack-stage.ts so that file stays a short dispatcher.
 */
import {
  applyOutputApi, classThresholdResult, requireScores, rmiaAttack, shadowCalibration, THRESHOLD_ATTACK_NAMES,
  thresholdSignalScores, trueClassConfidence, type AttackResult, type LabelledResponse, type OutputApi,
  type ShadowResponse, type ThresholdSignal,
} from '../../core/attacks/index';
import { cachedOn, type Artifacts } from '../../core/experiment/artifacts';

/**
 * A threshold attack with one threshold per true class (Song & Mittal 2021), each calibrated on the
 * shadow models' records of that class. Throws AttackUnavailableError under a label-only API.
 */
export function perClassThresholdAttack(signal: ThresholdSignal, target: LabelledResponse, shadows: readonly ShadowResponse[]): AttackResult {
  const scores = thresholdSignalScores(signal, target);
  if (shadows.length === 0) throw new Error('Threshold attacks calibrate on shadow models, and none were trained.');
  const calibration = shadowCalibration(signal, shadows);
  const labels = new Int32Array(calibration.scores.length);
  let at = 0;
  for (const s of shadows) { labels.set(s.labels, at); at += s.labels.length; }
  return classThresholdResult(THRESHOLD_ATTACK_NAMES[signal], scores, target.labels, { ...calibration, labels }, target.response.numClasses);
}

/**
 * RMIA against the target. Pr(x|θ) is the true label's probability as the API reveals it (so RMIA
 * needs scores; a hidden p_y under top-k reads 0), and the references' outputs pass through the same
 * API so both sides mean the same thing. The population samples are the attacker's own pool, which
 * no reference and not the target trained on; the target is queried on them too.
 */
export async function rmiaFromArtifacts(a: Artifacts, api: OutputApi, target: LabelledResponse): Promise<AttackResult> {
  requireScores(target.response, 'rmia');
  const refs = a.references;
  if (!refs) throw new Error('RMIA needs reference models, and none were trained.');
  const { candidates, pool } = a;
  const C = target.response.numClasses;
  const revealed = (probs: Float32Array, labels: Int32Array, count: number): Float64Array => {
    const p = trueClassConfidence(requireScores(applyOutputApi(probs, count, C, api), 'rmia'), labels, count, C);
    // An ensemble's averaged float32 output can exceed 1 by a rounding step.
    for (let i = 0; i < count; i++) p[i] = Math.min(Math.max(p[i], 0), 1);
    return p;
  };
  const M = refs.predictors.length;
  const probX = new Float64Array(M * candidates.n);
  const probZ = new Float64Array(M * pool.n);
  for (let m = 0; m < M; m++) {
    probX.set(revealed(refs.probs[m], candidates.y, candidates.n), m * candidates.n);
    const onPool = await cachedOn(a, `pool-probs:reference-${m}`, () => refs.predictors[m].probs(pool.x, pool.n));
    probZ.set(revealed(onPool, pool.y, pool.n), m * pool.n);
  }
  const targetOnPool = await cachedOn(a, 'pool-probs:target', () => a.target.probs(pool.x, pool.n));
  const att = a.config.attack;
  // Under rounding a revealed 0 means "below half a step", not "impossible".
  const minProb = api.kind === 'rounded' ? Math.min(0.25, 0.5 * 10 ** -api.decimals) : 1e-12;
  return rmiaAttack(
    { numRefs: M, n: candidates.n, nz: pool.n, probX, inMask: refs.inMask, probZ },
    revealed(a.targetProbs, candidates.y, candidates.n),
    revealed(targetOnPool, pool.y, pool.n),
    { setting: att.rmiaSetting, a: att.rmiaA, gamma: att.rmiaGamma, minProb },
  );
}
