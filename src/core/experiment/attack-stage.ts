/**
 * @fileoverview The attack stage: query the target through its output API and run each chosen
 * attack's plugin (core/attacks/plugins) on the cached model outputs. Changing the attack or the
 * API reruns only this stage. This file builds the AttackContext the plugins read; the models'
 * extra outputs (perturbed copies, pool probabilities, gradient norms) are computed on demand and
 * cached on the artifacts, so attacks asking for the same thing pay once.
 */
import {
  apiPhi, applyOutputApi, AttackUnavailableError, perturbCopies, phiFromLogits,
  type AttackResult, type LabelledResponse, type ShadowResponse,
} from '../attacks/index';
import type { AttackContext, ModelRef } from '../attacks/plugin';
import { ATTACK_PLUGIN, type AttackName } from '../attacks/registry';
import type { ExperimentConfig } from './config';
import { cachedOn, type Artifacts, type RecordSet } from './artifacts';
import type { Predictor } from './predictor';
import { outputApiOf } from './output-api-of';

export { outputApiOf };

/** An attack's result, or the reason it could not run against this API. */
export type AttackOutcome = { readonly name: AttackName; readonly result: AttackResult } | { readonly name: AttackName; readonly unavailable: string };

/** The context every plugin reads, over artifacts `a` whose config already holds the attack and API settings. */
function attackContext(a: Artifacts, target: LabelledResponse, shadows: readonly ShadowResponse[]): AttackContext {
  const api = outputApiOf(a.config);
  const { candidates, pool } = a;
  const C = a.target.numClasses;
  const refs = a.references;
  /** The shadow model, or (for pool queries) reference model, `who` names, with its records and cache label. */
  const shadowOrTarget = (who: ModelRef): { p: Predictor; set: RecordSet; label: string } =>
    who === 'target' ? { p: a.target, set: candidates, label: 'target' } : { p: a.shadows!.predictors[who], set: pool, label: `shadow-${who}` };
  let phi: Float64Array | undefined;
  return {
    settings: a.config.attack, api, target, shadows,
    candidates, pool,
    references: refs ? { count: refs.logits.length, inMask: refs.inMask, probs: refs.probs } : null,
    referencePhi() {
      if (phi) return phi;
      const n = candidates.n;
      phi = new Float64Array(refs!.logits.length * n);
      // φ must mean the same thing for the target and its references, so under a restricted API
      // the references' outputs go through that API too.
      refs!.logits.forEach((l, m) => {
        const row = api.kind === 'full' ? phiFromLogits(l, candidates.y, n, C) : apiPhi(applyOutputApi(refs!.probs[m], n, C, api).probs!, candidates.y, n, C, api);
        phi!.set(row, m * n);
      });
      return phi;
    },
    poolProbs: (who) => who === 'target'
      ? cachedOn(a, 'pool-probs:target', () => a.target.probs(pool.x, pool.n))
      : cachedOn(a, `pool-probs:reference-${who}`, () => refs!.predictors[who].probs(pool.x, pool.n)),
    async copyPredictions(who) {
      const { p, set, label } = shadowOrTarget(who);
      const P = a.config.attack.queries;
      const copies = await cachedOn(a, `copies:${label}:${P}`, async () => {
        const kind = a.dataset.imageShape ? 'shift' : 'noise';
        // Noise in units of the standardized features: enough to move a boundary point, not a typical one.
        const noiseStd = a.dataset.kind === 'points2d' ? 0.08 : 0.5;
        return perturbCopies(set.x, set.n, set.d, P, kind, { imageShape: a.dataset.imageShape, noiseStd, maxShift: 1 }, a.rng.fork(`perturb-${label}`));
      });
      const probs = await cachedOn(a, `copy-probs:${label}:${P}`, () => p.probs(copies, set.n * P));
      // Labels survive every API.
      return applyOutputApi(probs, set.n * P, p.numClasses, api).predictedLabel;
    },
    gradNorms(who) {
      const { p, set, label } = shadowOrTarget(who);
      return cachedOn(a, `grad:${label}`, () => p.gradNorms(set.x, set.y, set.n));
    },
    rng: (label) => a.rng.fork(label),
  };
}

/**
 * Runs every attack in `config.attack.names` against the cached artifacts, in that order. The API
 * and attack fields of `config` may differ from the ones the artifacts were trained with.
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
  const ctx = attackContext({ ...a, config: { ...a.config, attack: config.attack, api: config.api } }, target, shadows);
  const outcomes: AttackOutcome[] = [];
  for (const name of config.attack.names) {
    try {
      outcomes.push({ name, result: await ATTACK_PLUGIN[name].run(ctx) });
    } catch (err) {
      if (err instanceof AttackUnavailableError) outcomes.push({ name, unavailable: err.message });
      else throw err;
    }
  }
  return outcomes;
}
