/** @fileoverview The confidence-threshold attack (Salem et al. 2019). */
import { BLACK_BOX, defineAttack, SALEM, SHADOW_THRESHOLD } from '../plugin';
import { shadowThresholdAttack } from '../threshold-attacks';

export const confidenceThreshold = defineAttack({
  name: 'confidence-threshold', title: 'Confidence threshold', needs: 'scores', usesShadowModels: true, ...BLACK_BOX, citation: SALEM,
  description: 'Guesses "member" when the confidence in the true label is above a threshold.',
  threatModel: SHADOW_THRESHOLD,
  run: (ctx) => shadowThresholdAttack('confidence', ctx.target, ctx.shadows),
});
