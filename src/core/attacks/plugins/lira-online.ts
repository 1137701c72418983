/**
 * @fileoverview LiRA, online (Carlini et al. 2022): the target's φ against Gaussians fitted to the
 * references trained with and without each record. Owns liraVariance, which lira-offline reads too.
 */
import { oneOf } from '../../experiment/field-spec';
import { apiPhi } from '../api-phi';
import { liraAttack } from '../lira';
import { requireScores } from '../output-api';
import { attackFields, BLACK_BOX, CARLINI, defineAttack, HOLDS_CANDIDATES, type AttackContext } from '../plugin';
import type { AttackResult } from '../calibration';

/** LiRA's Gaussian variance: one shared by all records, or one per record. */
const LIRA_VARIANCES = ['global', 'per-record'] as const;

/** The config field LiRA owns (both settings read it). */
export interface LiraSettings {
  readonly attack: { readonly liraVariance: (typeof LIRA_VARIANCES)[number] };
}

/** LiRA in either setting on the context's references (shared with lira-offline). */
export function runLira(setting: 'online' | 'offline', ctx: AttackContext): AttackResult {
  const probs = requireScores(ctx.target.response, `LiRA (${setting})`);
  const refs = ctx.references;
  if (!refs) throw new Error('LiRA needs reference models, and none were trained.');
  const { n } = ctx.candidates;
  const phiRef = ctx.referencePhi();
  const phiTarget = apiPhi(probs, ctx.target.labels, n, ctx.target.response.numClasses, ctx.api);
  return liraAttack(setting, { numRefs: refs.count, n, phiRef, inMask: refs.inMask }, phiTarget, { variance: ctx.settings.liraVariance });
}

export const liraOnline = defineAttack({
  name: 'lira-online', title: 'LiRA (online)', needs: 'scores', usesShadowModels: false, ...BLACK_BOX, usesReferenceModels: true, citation: CARLINI,
  description: 'Compares the target\'s confidence with reference models trained with and without the record.',
  threatModel: `${HOLDS_CANDIDATES}, so each record is IN for some: a stronger attacker than one whose shadow data is disjoint from the target's.`,
  fields: attackFields<LiraSettings>({
    liraVariance: {
      spec: { path: 'attack.liraVariance', kind: oneOf(...LIRA_VARIANCES), default: 'global', help: "LiRA's Gaussian variance: shared (robust with few models) or per record." },
      label: "LiRA's variance", optionLabels: { global: 'Shared across records', 'per-record': 'Per record' },
      applies: (c): boolean => c.attack.names.includes('lira-online') || c.attack.names.includes('lira-offline'),
    },
  }),
  run: (ctx) => runLira('online', ctx),
});
