/**
 * @fileoverview The attack stage: query the target through its output API and run each chosen
 * attack on the cached model outputs. Changing the attack or the API reruns only this stage.
 */
import {
  apiPhi, applyOutputApi, AttackUnavailableError, gapAttack, gapCalibration, gradientNormAttack, labelOnlyAttack,
  labelOnlyCalibration, liraAttack, perturbCopies, phiFromLogits, requireScores, shadowModelAttack,
  shadowVariantOptions, thresholdAttack, type AttackResult, type LabelledResponse, type OutputApi, type ShadowResponse,
} from '../../core/attacks/index';
import { perClassThresholdAttack, rmiaFromArtifacts } from './attack-stage-variants';
import type { AttackName } from '../../core/attacks/registry';
import { shadowCalibration as thresholdCalibration, type ThresholdSignal } from '../../core/attacks/threshold-attacks';
import type { ExperimentConfig } from '../../core/experiment/config';
import { cachedOn, type Artifacts, type RecordSet } from '../../core/experiment/artifacts';
import type { Predictor } from '../../core/experiment/predictor';
import { outputApiOf } from '../../core/experiment/output-api-of';

export { outputApiOf };

const SIGNALS: Partial<Record<AttackName, ThresholdSignal>> = {
  'loss-threshold': 'loss',
  'confidence-threshold': 'confidence',
  'entropy-threshold': 'entropy',
  'mentropy-threshold': 'mentropy',
};

/** An attack's result, or the reason it could not run against this API. */
export type AttackOutcome = { readonly name: AttackName; readonly result: AttackResult } | { readonly name: AttackName; readonly unavailable: string };

const cached = cachedOn;

/** Predicted labels on P perturbed copies of each row, through the API (labels survive every API). */
async function copyPredictions(a: Artifacts, p: Predictor, set: RecordSet, label: string, api: OutputApi): Promise<Int32Array> {
  const P = a.config.attack.queries;
  const copies = await cached(a, `copies:${label}:${P}`, async () => {
    const kind = a.dataset.imageShape ? 'shift' : 'noise';
    // Noise in units of the standardized features: enough to move a boundary point, not a typical one.
    const noiseStd = a.dataset.kind === 'points2d' ? 0.08 : 0.5;
    return perturbCopies(set.x, set.n, set.d, P, kind, { imageShape: a.dataset.imageShape, noiseStd, maxShift: 1 }, a.rng.fork(`perturb-${label}`));
  });
  const probs = await cached(a, `copy-probs:${label}:${P}`, () => p.probs(copies, set.n * P));
  return applyOutputApi(probs, set.n * P, p.numClasses, api).predictedLabel;
}

async function runOne(name: AttackName, a: Artifacts, api: OutputApi, target: LabelledResponse, shadows: ShadowResponse[]): Promise<AttackResult> {
  const signal = SIGNALS[name];
  const att = a.config.attack;
  if (signal === 'mentropy' && att.mentropyThresholds === 'per-class') return perClassThresholdAttack(signal, target, shadows);
  if (signal) return thresholdAttack(signal, target, shadowCalibrationOf(signal, shadows));
  switch (name) {
    case 'gap':
      return gapAttack(target, shadows.length ? gapCalibration(shadows) : undefined);
    case 'shadow-model':
      requireScores(target.response, 'shadow-model');
      return shadowModelAttack(target, shadows, {
        ...shadowVariantOptions(att.shadowVariant, target.response.numClasses, att),
        classifier: { kind: att.classifier },
      }, a.rng.fork('attack-classifier'));
    case 'rmia':
      return rmiaFromArtifacts(a, api, target);
    case 'lira-online':
    case 'lira-offline': {
      const probs = requireScores(target.response, `LiRA (${name.slice(5)})`);
      const refs = a.references;
      if (!refs) throw new Error('LiRA needs reference models, and none were trained.');
      const { n } = a.candidates;
      const C = target.response.numClasses;
      const phiRef = new Float64Array(refs.logits.length * n);
      // φ must mean the same thing for the target and its references, so under a restricted API
      // the references' outputs go through that API too.
      refs.logits.forEach((l, m) => {
        const phi = api.kind === 'full' ? phiFromLogits(l, a.candidates.y, n, C) : apiPhi(applyOutputApi(refs.probs[m], n, C, api).probs!, a.candidates.y, n, C, api);
        phiRef.set(phi, m * n);
      });
      const phiTarget = apiPhi(probs, target.labels, n, C, api);
      return liraAttack(name === 'lira-online' ? 'online' : 'offline', { numRefs: refs.logits.length, n, phiRef, inMask: refs.inMask }, phiTarget, {
        variance: att.liraVariance,
      });
    }
    case 'label-only': {
      const P = att.queries;
      const targetQuery = {
        n: a.candidates.n, copies: P, labels: a.candidates.y, originalPredictions: target.response.predictedLabel,
        copyPredictions: await copyPredictions(a, a.target, a.candidates, 'target', api),
      };
      const calib = [];
      for (const [m, s] of shadows.entries()) {
        calib.push({
          n: a.pool.n, copies: P, labels: a.pool.y, isMember: s.isMember, originalPredictions: s.response.predictedLabel,
          copyPredictions: await copyPredictions(a, a.shadows!.predictors[m], a.pool, `shadow-${m}`, api),
        });
      }
      return labelOnlyAttack(targetQuery, labelOnlyCalibration(calib));
    }
    case 'gradient-norm': {
      // White-box: the attacker holds the weights, so the output API does not limit it.
      const targetNorms = await cached(a, 'grad:target', () => a.target.gradNorms(a.candidates.x, a.candidates.y, a.candidates.n));
      const norms: number[] = [];
      const isMember: number[] = [];
      for (const [m, p] of a.shadows!.predictors.entries()) {
        const g = await cached(a, `grad:shadow-${m}`, () => p.gradNorms(a.pool.x, a.pool.y, a.pool.n));
        g.forEach((v) => norms.push(v));
        shadows[m].isMember.forEach((v) => isMember.push(v));
      }
      return gradientNormAttack(targetNorms, { norms: Float64Array.from(norms), isMember: Uint8Array.from(isMember) });
    }
    default:
      throw new Error(`No runner for attack "${name}".`);
  }
}

function shadowCalibrationOf(signal: ThresholdSignal, shadows: ShadowResponse[]) {
  if (shadows.length === 0) throw new Error('Threshold attacks calibrate on shadow models, and none were trained.');
  return thresholdCalibration(signal, shadows);
}

/**
 * Runs every attack in `config.attack.names` against the cached artifacts. The API and attack
 * fields of `config` may differ from the ones the artifacts were trained with.
 */
export async function runAttacks(a: Artifacts, config: ExperimentConfig): Promise<AttackOutcome[]> {
  const api = outputApiOf(config);
  const C = a.target.numClasses;
  const target: LabelledResponse = { response: applyOutputApi(a.targetProbs, a.candidates.n, C, api), labels: a.candidates.y };
  const shadows: ShadowResponse[] = (a.shadows?.probs ?? []).map((probs, m) => ({
    response: applyOutputApi(probs, a.pool.n, C, api),
    labels: a.pool.y,
    isMember: a.shadows!.inMask.subarray(m * a.pool.n, (m + 1) * a.pool.n),
  }));
  const withConfig: Artifacts = { ...a, config: { ...a.config, attack: config.attack, api: config.api } };
  const outcomes: AttackOutcome[] = [];
  for (const name of config.attack.names) {
    try {
      outcomes.push({ name, result: await runOne(name, withConfig, api, target, shadows) });
    } catch (err) {
      if (err instanceof AttackUnavailableError) outcomes.push({ name, unavailable: err.message });
      else throw err;
    }
  }
  return outcomes;
}
