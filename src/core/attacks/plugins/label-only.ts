/**
 * @fileoverview The label-only attack (Choquette-Choo et al. 2021): counts how many perturbed copies
 * of a record the model still labels correctly, with the threshold calibrated on shadow models.
 */
import { int } from '../../experiment/field-spec';
import { labelOnlyAttack, labelOnlyCalibration, type LabelOnlyShadow } from '../label-only';
import { attackFields, BLACK_BOX, defineAttack } from '../plugin';

/** The config field the label-only attack owns. */
export interface LabelOnlySettings {
  readonly attack: { readonly queries: number };
}

const CHOQUETTE = 'Choquette-Choo, Tramèr, Carlini & Papernot. Label-Only Membership Inference Attacks. ICML 2021.';

export const labelOnly = defineAttack({
  name: 'label-only', title: 'Label-only (augmentation)', needs: 'label', usesShadowModels: true, ...BLACK_BOX, usesPerturbedQueries: true, citation: CHOQUETTE,
  description: 'Counts how many shifted or noisy copies of the record the model still labels correctly.',
  threatModel: 'The attacker knows the true labels, queries shifted or noisy copies of each record, and calibrates on shadow models.',
  fields: attackFields<LabelOnlySettings>({
    queries: {
      spec: { path: 'attack.queries', kind: int(1, 64), default: 8, help: 'Perturbed copies the label-only attack queries per record.' },
      label: 'Label-only queries',
    },
  }),
  run: async (ctx) => {
    const P = ctx.settings.queries;
    const targetQuery = {
      n: ctx.candidates.n, copies: P, labels: ctx.candidates.y, originalPredictions: ctx.target.response.predictedLabel,
      copyPredictions: await ctx.copyPredictions('target'),
    };
    const calib: LabelOnlyShadow[] = [];
    for (const [m, s] of ctx.shadows.entries()) {
      calib.push({
        n: ctx.pool.n, copies: P, labels: ctx.pool.y, isMember: s.isMember, originalPredictions: s.response.predictedLabel,
        copyPredictions: await ctx.copyPredictions(m),
      });
    }
    return labelOnlyAttack(targetQuery, labelOnlyCalibration(calib));
  },
});
