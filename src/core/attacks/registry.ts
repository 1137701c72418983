/**
 * @fileoverview The catalogue of attacks: names, titles, what each needs, and where it comes from.
 *
 * The names are part of the CLI's output contract (scripts read them), so they never change. The UI uses
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
  'rmia',
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
  /** What the attacker is assumed to hold or do: one sentence starting "The attacker" (tooltips, reports). */
  readonly threatModel: string;
}

/**
 * The config settings that pick a published variant of an attack (a structural subset of
 * ExperimentConfig['attack'], so core/attacks need not import the config). Missing fields take
 * the schema's defaults: Salem, per-class thresholds, offline.
 */
export interface AttackVariantSettings {
  readonly shadowVariant?: 'salem' | 'shokri';
  readonly mentropyThresholds?: 'per-class' | 'global';
  readonly rmiaSetting?: 'offline' | 'online';
}

const YEOM = 'Yeom, Giacomelli, Fredrikson & Jha. Privacy Risk in Machine Learning: Analyzing the Connection to Overfitting. CSF 2018.';
const SALEM = 'Salem, Zhang, Humbert, Berrang, Fritz & Backes. ML-Leaks: Model and Data Independent Membership Inference Attacks and Defenses. NDSS 2019.';
const SONG = 'Song & Mittal. Systematic Evaluation of Privacy Risks of Machine Learning Models. USENIX Security 2021.';
const SHOKRI = 'Shokri, Stronati, Song & Shmatikov. Membership Inference Attacks Against Machine Learning Models. IEEE S&P 2017.';
const CARLINI = 'Carlini, Chien, Nasr, Song, Terzis & Tramèr. Membership Inference Attacks From First Principles. IEEE S&P 2022.';
const CHOQUETTE = 'Choquette-Choo, Tramèr, Carlini & Papernot. Label-Only Membership Inference Attacks. ICML 2021.';
const ZARIFZADEH = 'Zarifzadeh, Liu, Mahloujifar & Shokri. Low-Cost High-Power Membership Inference Attacks. ICML 2024.';
const NASR = 'Nasr, Shokri & Houmansadr. Comprehensive Privacy Analysis of Deep Learning: Passive and Active White-box Inference Attacks. IEEE S&P 2019.';

const BLACK_BOX = { usesReferenceModels: false, usesWeights: false, usesPerturbedQueries: false } as const;

const SHADOW_THRESHOLD = 'The attacker trains shadow models like the target on its own proxy data, disjoint from the target\'s records, to set the threshold.';
/** LiRA and RMIA train their references on the candidates: say so wherever they are offered. */
const HOLDS_CANDIDATES = 'The attacker holds the candidate records themselves and trains reference models on random halves of them';

/** The catalogue, keyed by name. */
export const ATTACKS: Readonly<Record<AttackName, AttackInfo>> = {
  gap: {
    name: 'gap', title: 'Gap attack', needs: 'label', usesShadowModels: false, ...BLACK_BOX, citation: YEOM,
    description: 'Guesses "member" whenever the model classifies the record correctly.',
    threatModel: 'The attacker queries the target with records whose true labels it knows; calibrates on shadow models when there are any.',
  },
  'loss-threshold': {
    name: 'loss-threshold', title: 'Loss threshold', needs: 'scores', usesShadowModels: true, ...BLACK_BOX, citation: YEOM,
    description: 'Guesses "member" when the loss on the true label is below a threshold.',
    threatModel: SHADOW_THRESHOLD,
  },
  'confidence-threshold': {
    name: 'confidence-threshold', title: 'Confidence threshold', needs: 'scores', usesShadowModels: true, ...BLACK_BOX, citation: SALEM,
    description: 'Guesses "member" when the confidence in the true label is above a threshold.',
    threatModel: SHADOW_THRESHOLD,
  },
  'entropy-threshold': {
    name: 'entropy-threshold', title: 'Entropy threshold', needs: 'scores', usesShadowModels: true, ...BLACK_BOX, citation: SALEM,
    description: 'Guesses "member" when the prediction is peaked (low entropy), whatever the label.',
    threatModel: SHADOW_THRESHOLD,
  },
  'mentropy-threshold': {
    name: 'mentropy-threshold', title: 'Modified-entropy threshold', needs: 'scores', usesShadowModels: true, ...BLACK_BOX, citation: SONG,
    description: 'Like entropy, but uses the label so confidently wrong predictions count against membership; one threshold per class.',
    threatModel: SHADOW_THRESHOLD,
  },
  'shadow-model': {
    name: 'shadow-model', title: 'Shadow-model attack', needs: 'scores', usesShadowModels: true, ...BLACK_BOX, citation: SALEM,
    description: 'Trains a classifier on shadow models\' outputs labelled IN/OUT, then asks it about the target.',
    threatModel: 'The attacker trains shadow models like the target on its own proxy data, disjoint from the target\'s records.',
  },
  'lira-online': {
    name: 'lira-online', title: 'LiRA (online)', needs: 'scores', usesShadowModels: false, ...BLACK_BOX, usesReferenceModels: true, citation: CARLINI,
    description: 'Compares the target\'s confidence with reference models trained with and without the record.',
    threatModel: `${HOLDS_CANDIDATES}, so each record is IN for some: a stronger attacker than one whose shadow data is disjoint from the target's.`,
  },
  'lira-offline': {
    name: 'lira-offline', title: 'LiRA (offline)', needs: 'scores', usesShadowModels: false, ...BLACK_BOX, usesReferenceModels: true, citation: CARLINI,
    description: 'Asks how unusually confident the target is compared with reference models that never saw the record.',
    threatModel: `${HOLDS_CANDIDATES}; only the references that left a record out judge it. Still a stronger attacker than one whose shadow data is disjoint from the target's.`,
  },
  rmia: {
    name: 'rmia', title: 'RMIA', needs: 'scores', usesShadowModels: false, ...BLACK_BOX, usesReferenceModels: true, citation: ZARIFZADEH,
    description: 'Divides the target\'s confidence in the true label by the references\' average, then asks how many population records it beats by that measure.',
    threatModel: `${HOLDS_CANDIDATES} (offline: only those that left a record out judge it), and queries the target on its own population records, which no model trained on.`,
  },
  'label-only': {
    name: 'label-only', title: 'Label-only (augmentation)', needs: 'label', usesShadowModels: true, ...BLACK_BOX, usesPerturbedQueries: true, citation: CHOQUETTE,
    description: 'Counts how many shifted or noisy copies of the record the model still labels correctly.',
    threatModel: 'The attacker knows the true labels, queries shifted or noisy copies of each record, and calibrates on shadow models.',
  },
  'gradient-norm': {
    name: 'gradient-norm', title: 'Gradient norm (white-box)', needs: 'label', usesShadowModels: true, ...BLACK_BOX, usesWeights: true, citation: NASR,
    description: 'Guesses "member" when the loss gradient for the record is small: training already fit it.',
    threatModel: 'The attacker holds the target\'s weights (white-box) and calibrates on shadow models.',
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
export function attackTitle(name: string, settings?: AttackVariantSettings): string {
  return isAttackName(name) ? attackInfo(name, settings).title : name;
}

/**
 * An attack's entry with its title, description and citation adjusted to the variant `settings`
 * choose, e.g. "Shadow-model attack (Shokri et al.)". Without settings: the default variants.
 * Returns a new object for a variant, the catalogue entry otherwise.
 */
export function attackInfo(name: AttackName, settings: AttackVariantSettings = {}): AttackInfo {
  const base = ATTACKS[name];
  switch (name) {
    case 'shadow-model':
      return settings.shadowVariant === 'shokri'
        ? {
          ...base, title: 'Shadow-model attack (Shokri et al.)', citation: SHOKRI,
          description: 'One attack classifier per true class, each trained on shadow models\' full probability vectors labelled IN/OUT.',
        }
        : {
          ...base, title: 'Shadow-model attack (Salem et al.)',
          description: 'One attack classifier for every class, trained on shadow models\' largest probabilities, sorted, labelled IN/OUT.',
        };
    case 'mentropy-threshold':
      return settings.mentropyThresholds === 'global'
        ? { ...base, title: 'Modified-entropy threshold (global)', description: 'Like entropy, but uses the label so confidently wrong predictions count against membership; one threshold for all classes.' }
        : { ...base, title: 'Modified-entropy thresholds (per class)' };
    case 'rmia':
      return settings.rmiaSetting === 'online'
        ? { ...base, title: 'RMIA (online)', threatModel: `${HOLDS_CANDIDATES}, so each record is IN for some, and queries the target on its own population records, which no model trained on.` }
        : { ...base, title: 'RMIA (offline)' };
    default:
      return base;
  }
}
