/** @fileoverview The loss-threshold attack (Yeom et al. 2018). */
import { BLACK_BOX, defineAttack, SHADOW_THRESHOLD, YEOM } from '../plugin';
import { shadowThresholdAttack } from '../threshold-attacks';

export const lossThreshold = defineAttack({
  name: 'loss-threshold', title: 'Loss threshold', needs: 'scores', usesShadowModels: true, ...BLACK_BOX, citation: YEOM,
  description: 'Guesses "member" when the loss on the true label is below a threshold.',
  threatModel: SHADOW_THRESHOLD,
  run: (ctx) => shadowThresholdAttack('loss', ctx.target, ctx.shadows),
});
