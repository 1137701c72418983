/** @fileoverview The gap attack (Yeom et al. 2018): "member" when the label comes back right. */
import { BLACK_BOX, defineAttack, YEOM } from '../plugin';
import { gapAttack, gapCalibration } from '../threshold-attacks';

export const gap = defineAttack({
  name: 'gap', title: 'Gap attack', needs: 'label', usesShadowModels: false, ...BLACK_BOX, citation: YEOM,
  description: 'Guesses "member" whenever the model classifies the record correctly.',
  threatModel: 'The attacker queries the target with records whose true labels it knows; calibrates on shadow models when there are any.',
  run: (ctx) => gapAttack(ctx.target, ctx.shadows.length ? gapCalibration(ctx.shadows) : undefined),
});
