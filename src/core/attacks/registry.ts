/**
 * @fileoverview The catalogue of attacks: names, titles, what each needs, and where it comes from.
 *
 * The names are part of the CLI's output contract (see DESIGN.md), so they never change. The UI uses
 * `needs` to grey out attacks the chosen output API can't support, and the `uses*` flags to decide
 * which extra work (shadow models, reference models, perturbed queries, gradients) to schedule.
 */

import type { OutputApi } from './output-api';

/** Every attack name, in the order results are reported. */
export const ATTACK_NAMES = [
  'gap',
  'loss-threshold',
  'confidence-threshold',
  'entropy-threshold',
  'mentropy-threshold',
  'shadow-model',
  'lira-online',
  'lira-offline',
  'label-only',
  'gradient-norm',
] as const;

export type AttackName = (typeof ATTACK_NAMES)[number];

/** What one attack needs and how to describe it. */
export interface AttackInfo {
  readonly name: AttackName;
  readonly title: string;
  /** One line for a tooltip or a legend. */
  readonly description: string;
  /**
   * The least the target's output API must reveal: the predicted label, or probability scores.
   * White-box attacks read the weights instead of the API, so any API will do for them.
   */
  readonly needs: 'label' | 'scores';
  /** Shadow models with known IN/OUT records (for the attack model or for the threshold). */
  readonly usesShadowModels: boolean;
  /** Reference models trained on random halves, so each record is IN for some and OUT for others. */
  readonly usesReferenceModels: boolean;
  /** The target's weights (white-box access). */
  readonly usesWeights: boolean;
  /** Extra queries on perturbed copies of each record. */
  readonly usesPerturbedQueries: boolean;
  readonly citation: string;
}

const YEOM = 'Yeom, Giacomelli, Fredrikson & Jha. Privacy Risk in Machine Learning: Analyzing the Connection to Overfitting. CSF 2018.';
const SALEM = 'Salem, Zhang, Humbert, Berrang, Fritz & Backes. ML-Leaks: Model and Data Independent Membership Inference Attacks and Defenses. NDSS 2019.';
const SONG = 'Song & Mittal. Systematic Evaluation of Privacy Risks of Machine Learning Models. USENIX Security 2021.';
const SHOKRI = 'Shokri, Stronati, Song & Shmatikov. Membership Inference Attacks Against Machine Learning Models. IEEE S&P 2017.';
const CARLINI = 'Carlini, Chien, Nasr, Song, Terzis & Tramèr. Membership Inference Attacks From First Principles. IEEE S&P 2022.';
const CHOQUETTE = 'Choquette-Choo, Tramèr, Carlini & Papernot. Label-Only Membership Inference Attacks. ICML 2021.';
const NASR = 'Nasr, Shokri & Houmansadr. Comprehensive Privacy Analysis of Deep Learning: Passive and Active White-box Inference Attacks. IEEE S&P 2019.';

const BLACK_BOX = { usesReferenceModels: false, usesWeights: false, usesPerturbedQueries: false } as const;

/** The catalogue, keyed by name. */
export const ATTACKS: Readonly<Record<AttackName, AttackInfo>> = {
  gap: {
    name: 'gap', title: 'Gap attack', needs: 'label', usesShadowModels: false, ...BLACK_BOX, citation: YEOM,
    description: 'Guesses "member" whenever the model classifies the record correctly.',
  },
  'loss-threshold': {
    name: 'loss-threshold', title: 'Loss threshold', needs: 'scores', usesShadowModels: true, ...BLACK_BOX, citation: YEOM,
    description: 'Guesses "member" when the loss on the true label is below a threshold.',
  },
  'confidence-threshold': {
    name: 'confidence-threshold', title: 'Confidence threshold', needs: 'scores', usesShadowModels: true, ...BLACK_BOX, citation: SALEM,
    description: 'Guesses "member" when the confidence in the true label is above a threshold.',
  },
  'entropy-threshold': {
    name: 'entropy-threshold', title: 'Entropy threshold', needs: 'scores', usesShadowModels: true, ...BLACK_BOX, citation: SALEM,
    description: 'Guesses "member" when the prediction is peaked (low entropy), whatever the label.',
  },
  'mentropy-threshold': {
    name: 'mentropy-threshold', title: 'Modified-entropy threshold', needs: 'scores', usesShadowModels: true, ...BLACK_BOX, citation: SONG,
    description: 'Like entropy, but uses the label so confidently wrong predictions count against membership.',
  },
  'shadow-model': {
    name: 'shadow-model', title: 'Shadow-model attack', needs: 'scores', usesShadowModels: true, ...BLACK_BOX, citation: SHOKRI,
    description: 'Trains a classifier on shadow models\' outputs labelled IN/OUT, then asks it about the target.',
  },
  'lira-online': {
    name: 'lira-online', title: 'LiRA (online)', needs: 'scores', usesShadowModels: false, ...BLACK_BOX, usesReferenceModels: true, citation: CARLINI,
    description: 'Compares the target\'s confidence with reference models trained with and without the record.',
  },
  'lira-offline': {
    name: 'lira-offline', title: 'LiRA (offline)', needs: 'scores', usesShadowModels: false, ...BLACK_BOX, usesReferenceModels: true, citation: CARLINI,
    description: 'Asks how unusually confident the target is compared with reference models that never saw the record.',
  },
  'label-only': {
    name: 'label-only', title: 'Label-only (augmentation)', needs: 'label', usesShadowModels: true, ...BLACK_BOX, usesPerturbedQueries: true, citation: CHOQUETTE,
    description: 'Counts how many shifted or noisy copies of the record the model still labels correctly.',
  },
  'gradient-norm': {
    name: 'gradient-norm', title: 'Gradient norm (white-box)', needs: 'label', usesShadowModels: true, ...BLACK_BOX, usesWeights: true, citation: NASR,
    description: 'Guesses "member" when the loss gradient for the record is small: training already fit it.',
  },
};

/** True when `name` is one of ATTACK_NAMES. */
export function isAttackName(name: string): name is AttackName {
  return (ATTACK_NAMES as readonly string[]).includes(name);
}

/** Whether `name` can run against a target behind `api` (only 'label' APIs rule anything out). */
export function attackAvailable(name: AttackName, api: OutputApi): boolean {
  return ATTACKS[name].needs === 'label' || api.kind !== 'label';
}

/** The display title of an attack name, for the screen; an unknown name is shown as given. */
export function attackTitle(name: string): string {
  return isAttackName(name) ? ATTACKS[name].title : name;
}
