/** @fileoverview The shadow-model attack: Salem et al. (2019) or Shokri et al. (2017). */
import { bool, oneOf } from '../../experiment/field-spec';
import { requireScores } from '../output-api';
import { attackFields, BLACK_BOX, defineAttack, SALEM } from '../plugin';
import { shadowModelAttack, shadowVariantOptions } from '../shadow-model';

/** The attack model: logistic regression or a small MLP. */
const CLASSIFIERS = ['logistic', 'mlp'] as const;
/** Salem et al. (sorted top probabilities) or Shokri et al. (full vector, one classifier per class). */
const SHADOW_VARIANTS = ['salem', 'shokri'] as const;

/** The config fields the shadow-model attack owns. */
export interface ShadowModelSettings {
  readonly attack: {
    readonly classifier: (typeof CLASSIFIERS)[number];
    readonly shadowVariant: (typeof SHADOW_VARIANTS)[number];
    readonly perClass: boolean;
    readonly includeLabel: boolean;
  };
}

const SHOKRI = 'Shokri, Stronati, Song & Shmatikov. Membership Inference Attacks Against Machine Learning Models. IEEE S&P 2017.';

export const shadowModel = defineAttack({
  name: 'shadow-model', title: 'Shadow-model attack', needs: 'scores', usesShadowModels: true, ...BLACK_BOX, citation: SALEM,
  description: 'Trains a classifier on shadow models\' outputs labelled IN/OUT, then asks it about the target.',
  threatModel: 'The attacker trains shadow models like the target on its own proxy data, disjoint from the target\'s records.',
  fields: attackFields<ShadowModelSettings>({
    classifier: {
      spec: { path: 'attack.classifier', kind: oneOf(...CLASSIFIERS), default: 'logistic', help: "The shadow-model attack's classifier." },
      label: 'Attack classifier', optionLabels: { logistic: 'Logistic regression', mlp: 'Small MLP' },
    },
    shadowVariant: {
      spec: { path: 'attack.shadowVariant', kind: oneOf(...SHADOW_VARIANTS), default: 'salem', help: "The shadow-model attack's variant: Salem et al. (sorted top probabilities, one classifier) or Shokri et al. (full vector, one classifier per class)." },
      label: 'Shadow-model variant', control: true,
      help: 'Salem et al. (2019): one attack classifier on the largest probabilities, sorted, for every class. Shokri et al. (2017): one attack classifier per class on the full probability vector.',
      optionLabels: { salem: 'Salem et al. (2019)', shokri: 'Shokri et al. (2017)' },
    },
    perClass: {
      spec: { path: 'attack.perClass', kind: bool, default: false, help: 'Salem variant: one attack classifier per class instead of one global model (Shokri always has one per class).' },
      label: 'Attack classifier per class',
    },
    includeLabel: {
      spec: { path: 'attack.includeLabel', kind: bool, default: false, help: 'Give the attack classifier the true label as well.' },
      label: 'Attack classifier sees the label',
    },
  }),
  variant: (s) => s.shadowVariant === 'shokri'
    ? {
      title: 'Shadow-model attack (Shokri et al.)', citation: SHOKRI,
      description: 'One attack classifier per true class, each trained on shadow models\' full probability vectors labelled IN/OUT.',
    }
    : {
      title: 'Shadow-model attack (Salem et al.)',
      description: 'One attack classifier for every class, trained on shadow models\' largest probabilities, sorted, labelled IN/OUT.',
    },
  run: (ctx) => {
    const att = ctx.settings;
    requireScores(ctx.target.response, 'shadow-model');
    return shadowModelAttack(ctx.target, ctx.shadows, {
      ...shadowVariantOptions(att.shadowVariant, ctx.target.response.numClasses, att),
      classifier: { kind: att.classifier },
    }, ctx.rng('attack-classifier'));
  },
});
