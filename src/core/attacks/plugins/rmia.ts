/**
 * @fileoverview RMIA (Zarifzadeh et al. 2024). Pr(x|θ) is the true label's probability as the API
 * reveals it (so RMIA needs scores; a hidden p_y under top-k reads 0), and the references' outputs
 * pass through the same API so both sides mean the same thing. The population samples are the
 * attacker's own pool, which no reference and not the target trained on; the target is queried on them too.
 */
import { num, oneOf } from '../../experiment/field-spec';
import { applyOutputApi, requireScores, type ApiResponse } from '../output-api';
import { attackFields, BLACK_BOX, defineAttack, HOLDS_CANDIDATES } from '../plugin';
import { rmiaAttack } from '../rmia';
import { trueClassConfidence } from '../signals';

/** Which references judge a record: only those trained without it, or those with and without it. */
const RMIA_SETTINGS = ['offline', 'online'] as const;

/** The config fields RMIA owns. */
export interface RmiaSettings {
  readonly attack: {
    readonly rmiaSetting: (typeof RMIA_SETTINGS)[number];
    /** null: tuned on the reference models. */
    readonly rmiaA: number | null;
    readonly rmiaGamma: number;
  };
}

const ZARIFZADEH = 'Zarifzadeh, Liu, Mahloujifar & Shokri. Low-Cost High-Power Membership Inference Attacks. ICML 2024.';

export const rmia = defineAttack({
  name: 'rmia', title: 'RMIA', needs: 'scores', usesShadowModels: false, ...BLACK_BOX, usesReferenceModels: true, citation: ZARIFZADEH,
  description: 'Divides the target\'s confidence in the true label by the references\' average, then asks how many population records it beats by that measure.',
  threatModel: `${HOLDS_CANDIDATES} (offline: only those that left a record out judge it), and queries the target on its own population records, which no model trained on.`,
  fields: attackFields<RmiaSettings>({
    rmiaSetting: {
      spec: { path: 'attack.rmiaSetting', kind: oneOf(...RMIA_SETTINGS), default: 'offline', help: "RMIA's references: only those trained without the record (offline) or with and without it (online)." },
      label: 'RMIA references', control: true,
      help: 'Offline: each record is judged only by reference models trained without it. Online: by those trained with and without it (stronger, and costlier in a real attack).',
      optionLabels: { offline: 'Offline', online: 'Online' },
    },
    rmiaA: {
      spec: { path: 'attack.rmiaA', kind: num(0, 1), default: null, nullable: true, help: "Offline RMIA's a in Pr(x) = ((1+a)·Pr_OUT(x) + 1−a)/2 (null: tuned on the reference models)." },
      label: "RMIA's a",
    },
    rmiaGamma: {
      spec: { path: 'attack.rmiaGamma', kind: num(0, 100, true), default: 1, help: 'RMIA counts the population records z with likelihood ratio LR(x, z) >= γ.' },
      label: "RMIA's γ",
    },
  }),
  variant: (s) => s.rmiaSetting === 'online'
    ? { title: 'RMIA (online)', threatModel: `${HOLDS_CANDIDATES}, so each record is IN for some, and queries the target on its own population records, which no model trained on.` }
    : { title: 'RMIA (offline)' },
  run: async (ctx) => {
    const { api, candidates, pool, target } = ctx;
    requireScores(target.response, 'rmia');
    const refs = ctx.references;
    if (!refs) throw new Error('RMIA needs reference models, and none were trained.');
    const C = target.response.numClasses;
    const confidence = (response: ApiResponse, labels: Int32Array): Float64Array => {
      const p = trueClassConfidence(requireScores(response, 'rmia'), labels, response.n, C);
      // An ensemble's averaged float32 output can exceed 1 by a rounding step.
      for (let i = 0; i < response.n; i++) p[i] = Math.min(Math.max(p[i], 0), 1);
      return p;
    };
    const revealed = (probs: Float32Array, labels: Int32Array, count: number) => confidence(applyOutputApi(probs, count, C, api), labels);
    const M = refs.count;
    const probX = new Float64Array(M * candidates.n);
    const probZ = new Float64Array(M * pool.n);
    for (let m = 0; m < M; m++) {
      probX.set(revealed(refs.probs[m], candidates.y, candidates.n), m * candidates.n);
      probZ.set(revealed(await ctx.poolProbs(m), pool.y, pool.n), m * pool.n);
    }
    const targetOnPool = await ctx.poolProbs('target');
    const att = ctx.settings;
    // Under rounding a revealed 0 means "below half a step", not "impossible".
    const minProb = api.kind === 'rounded' ? Math.min(0.25, 0.5 * 10 ** -api.decimals) : 1e-12;
    return rmiaAttack(
      { numRefs: M, n: candidates.n, nz: pool.n, probX, inMask: refs.inMask, probZ },
      confidence(target.response, target.labels),
      revealed(targetOnPool, pool.y, pool.n),
      { setting: att.rmiaSetting, a: att.rmiaA, gamma: att.rmiaGamma, minProb },
    );
  },
});
