/**
 * @fileoverview The gradient-norm attack (white-box, after Nasr et al. 2019): "member" when the loss
 * gradient for the record is small. The attacker holds the weights, so the output API does not limit it.
 */
import { gradientNormAttack } from '../gradient-norm';
import { BLACK_BOX, defineAttack } from '../plugin';

const NASR = 'Nasr, Shokri & Houmansadr. Comprehensive Privacy Analysis of Deep Learning: Passive and Active White-box Inference Attacks. IEEE S&P 2019.';

export const gradientNorm = defineAttack({
  name: 'gradient-norm', title: 'Gradient norm (white-box)', needs: 'label', usesShadowModels: true, ...BLACK_BOX, usesWeights: true, citation: NASR,
  description: 'Guesses "member" when the loss gradient for the record is small: training already fit it.',
  threatModel: 'The attacker holds the target\'s weights (white-box) and calibrates on shadow models.',
  run: async (ctx) => {
    const targetNorms = await ctx.gradNorms('target');
    const norms: number[] = [];
    const isMember: number[] = [];
    for (const [m, s] of ctx.shadows.entries()) {
      (await ctx.gradNorms(m)).forEach((v) => norms.push(v));
      s.isMember.forEach((v) => isMember.push(v));
    }
    return gradientNormAttack(targetNorms, { norms: Float64Array.from(norms), isMember: Uint8Array.from(isMember) });
  },
});
