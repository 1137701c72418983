/** @fileoverview The entropy-threshold attack (Salem et al. 2019). */
import { BLACK_BOX, defineAttack, SALEM, SHADOW_THRESHOLD } from '../plugin';
import { shadowThresholdAttack } from '../threshold-attacks';

export const entropyThreshold = defineAttack({
  name: 'entropy-threshold', title: 'Entropy threshold', needs: 'scores', usesShadowModels: true, ...BLACK_BOX, citation: SALEM,
  description: 'Guesses "member" when the prediction is peaked (low entropy), whatever the label.',
  threatModel: SHADOW_THRESHOLD,
  run: (ctx) => shadowThresholdAttack('entropy', ctx.target, ctx.shadows),
});
