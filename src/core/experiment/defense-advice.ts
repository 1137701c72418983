/**
 * @fileoverview Plain-language notes for defenses that cannot help, or are known not to help, in
 * a given config, so the scoreboard can say why an attack did not move instead of a bare
 * "no change". Structural notes follow from how the defense works; the data-specific ones quote
 * measurements (issue 14, `npm run cli -- experiment`, wasm, seed 1). Pure.
 */
import type { ExperimentConfig } from './config';

export type AdvisedDefense = 'dropout' | 'augmentation' | 'dp';

/** One note: which defense it is about, and the sentence to show. */
export interface DefenseNote {
  readonly defense: AdvisedDefense;
  readonly text: string;
}

/** e^ε · 1% ≥ 100% from here on: the DP bound on TPR at 1% FPR allows every member to be found. */
export const VACUOUS_AT_1PCT_EPSILON = Math.log(100);

/**
 * Noise this strong on 0/1 baskets starts to lower the attack, and costs a third of the accuracy
 * (measured on 10-class, 100-item baskets, 200 members: σ 1.2 took the strongest AUC 0.996 → 0.842
 * and test accuracy 0.435 → 0.310; σ 0.6 left it at 0.987). On overfit-purchases itself (50 classes,
 * 600 items, 1,000 members; 2 shadow and 4 reference models) σ 0.6 moved the AUC 1.000 → 0.999
 * and mixup at α 0.6 to 0.999.
 */
const BASKET_NOISE_THAT_BITES = 1.2;

function dropoutNote(c: ExperimentConfig): string | null {
  if (c.model.dropout <= 0) return null;
  if (c.model.type === 'mlp' && c.model.layers === 0) {
    return 'Dropout does nothing here: with 0 hidden layers the model is a logistic regression, and dropout only silences hidden units. Add a hidden layer, or try L2 or DP-SGD.';
  }
  return null;
}

function augmentationNote(c: ExperimentConfig): string | null {
  const { augmentation, augmentationStrength: s } = c.train;
  if (augmentation === 'none') return null;
  if (s === 0 && augmentation !== 'shift') {
    return `Augmentation at strength 0 changes nothing: the model still trains on the exact records. Raise the strength (0.5–1 for noise).`;
  }
  if (c.data.name !== 'purchases') return null;
  if (augmentation === 'noise' && s < BASKET_NOISE_THAT_BITES) {
    return (
      `Noise augmentation barely helps on shopping baskets: each basket is a pattern of hundreds of 0/1 items, and noise of ` +
      `strength ${s} leaves it recognizable (measured on 10-class baskets: AUC 0.996 → 0.987 at 0.6). Noise that does lower it (1.2) costs a third ` +
      `of the accuracy. Try dropout, L2 or DP-SGD.`
    );
  }
  if (augmentation === 'mixup') {
    return (
      `Mixup barely helps on shopping baskets: at α = ${s} most blends stay close to one real basket, so the model still ` +
      'memorizes its members (measured at α 0.4: AUC 0.996 → 0.992). Try dropout, L2 or DP-SGD.'
    );
  }
  return null;
}

function dpNote(c: ExperimentConfig): string | null {
  if (!c.dp.enabled) return null;
  if (c.dp.targetEpsilon === null && c.dp.noiseMultiplier === 0) {
    return 'DP-SGD with noise multiplier 0 only clips gradients: without noise there is no guarantee (ε = ∞). Set a target ε instead.';
  }
  const eps = c.dp.targetEpsilon;
  if (eps !== null && eps >= VACUOUS_AT_1PCT_EPSILON) {
    return (
      `At ε = ${eps} the guarantee says nothing at a 1% false-positive rate: TPR ≤ e^ε × 1% is above 100%. ` +
      `Clipping and noise may still weaken the attack, but only ε below ${VACUOUS_AT_1PCT_EPSILON.toFixed(1)} limits it there.`
    );
  }
  return null;
}

/**
 * Notes on the defenses `config` turns on that cannot help, or are known to help little, on its
 * data. Empty when every active defense is expected to work. Pure.
 */
export function defenseAdvice(config: ExperimentConfig): DefenseNote[] {
  const notes: DefenseNote[] = [];
  const add = (defense: AdvisedDefense, text: string | null) => {
    if (text) notes.push({ defense, text });
  };
  add('dropout', dropoutNote(config));
  add('augmentation', augmentationNote(config));
  add('dp', dpNote(config));
  return notes;
}
