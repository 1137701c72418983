/**
 * @fileoverview The modified-entropy threshold attack (Song & Mittal 2021), with one threshold per
 * true class (their choice, since hard classes sit at a different level) or one for all classes.
 */
import { oneOf } from '../../experiment/field-spec';
import { classThresholdResult } from '../class-thresholds';
import type { AttackResult } from '../calibration';
import type { LabelledResponse, ShadowResponse } from '../output-api';
import { attackFields, BLACK_BOX, defineAttack, SHADOW_THRESHOLD } from '../plugin';
import { shadowCalibration, shadowThresholdAttack, thresholdSignalScores } from '../threshold-attacks';

/** One threshold per true class (Song & Mittal's choice), or one for all classes. */
const MENTROPY_THRESHOLDS = ['per-class', 'global'] as const;

/** The config field the modified-entropy attack owns. */
export interface MentropySettings {
  readonly attack: { readonly mentropyThresholds: (typeof MENTROPY_THRESHOLDS)[number] };
}

const SONG = 'Song & Mittal. Systematic Evaluation of Privacy Risks of Machine Learning Models. USENIX Security 2021.';
const DESCRIPTION = 'Like entropy, but uses the label so confidently wrong predictions count against membership;';

/**
 * One threshold per true class, each calibrated on the shadow models' records of that class.
 * Throws AttackUnavailableError under a label-only API.
 */
export function perClassMentropyAttack(target: LabelledResponse, shadows: readonly ShadowResponse[]): AttackResult {
  const scores = thresholdSignalScores('mentropy', target);
  if (shadows.length === 0) throw new Error('Threshold attacks calibrate on shadow models, and none were trained.');
  const calibration = shadowCalibration('mentropy', shadows);
  const labels = new Int32Array(calibration.scores.length);
  let at = 0;
  for (const s of shadows) { labels.set(s.labels, at); at += s.labels.length; }
  return classThresholdResult('mentropy-threshold', scores, target.labels, { ...calibration, labels }, target.response.numClasses);
}

export const mentropyThreshold = defineAttack({
  name: 'mentropy-threshold', title: 'Modified-entropy threshold', needs: 'scores', usesShadowModels: true, ...BLACK_BOX, citation: SONG,
  description: `${DESCRIPTION} one threshold per class.`,
  threatModel: SHADOW_THRESHOLD,
  fields: attackFields<MentropySettings>({
    mentropyThresholds: {
      spec: { path: 'attack.mentropyThresholds', kind: oneOf(...MENTROPY_THRESHOLDS), default: 'per-class', help: 'Modified-entropy attack: one threshold per class (Song & Mittal) or one for all classes.' },
      label: 'Modified-entropy thresholds', control: true,
      help: 'Song & Mittal (2021) pick one modified-entropy threshold per class on the shadow models, since hard classes sit at a different level; or use one threshold for all classes.',
      optionLabels: { 'per-class': 'One per class', global: 'One for all classes' },
    },
  }),
  variant: (s) => s.mentropyThresholds === 'global'
    ? { title: 'Modified-entropy threshold (global)', description: `${DESCRIPTION} one threshold for all classes.` }
    : { title: 'Modified-entropy thresholds (per class)' },
  run: (ctx) => ctx.settings.mentropyThresholds === 'per-class'
    ? perClassMentropyAttack(ctx.target, ctx.shadows)
    : shadowThresholdAttack('mentropy', ctx.target, ctx.shadows),
});
