/**
 * @fileoverview The experiment config's schema: one row per settable field, with its type, range,
 * default and a tooltip line. The validator, `--set`, the URL codec and the UI's limits all read
 * this table, so a range is stated once.
 */
import { ATTACK_FIELDS, ATTACK_NAMES } from '../attacks/registry';
import { DEFENSE_FIELDS } from '../defenses/registry';
import { bool, int, num, oneOf, type FieldSpec } from './field-spec';

export type { FieldKind, FieldSpec } from './field-spec';

/** The defenses' rows under `prefix` (their rows live in src/core/defenses), in registry order. */
const defenseRows = (prefix: string): FieldSpec[] => DEFENSE_FIELDS.map((f) => f.spec).filter((f) => f.path.startsWith(prefix));

/**
 * Every field of ExperimentConfig. Sizes are capped so no setting can exhaust a tab's memory.
 * The defaults are the playground's default experiment (and the CLI's without --preset/--config),
 * chosen by measurement (issue 14): 300 noisy patient records and a 1×128 MLP trained to 100% train
 * accuracy in a few seconds, so the strongest attack leaks clearly without saturating (AUC ≈ 0.8),
 * and dropout, noise augmentation (strength 0.6) and DP-SGD at ε = 2 each visibly weaken it while
 * DP keeps the model useful. `npm run bench -- --only defense` re-measures this.
 */
export const FIELDS: readonly FieldSpec[] = [
  { path: 'seed', kind: int(0, 2 ** 31 - 1), default: 1, help: 'Seed for every random choice; the same seed gives the same numbers.' },
  { path: 'data.name', kind: oneOf('moons', 'circles', 'spiral', 'blobs', 'patients', 'purchases', 'glyphs', 'wdbc', 'csv'), default: 'patients', help: 'Which dataset to generate (csv: the rows you loaded).' },
  { path: 'data.n', kind: int(20, 20_000), default: null, nullable: true, help: 'Rows to generate (null: the dataset default).' },
  { path: 'data.noise', kind: num(0, 2), default: null, nullable: true, help: "The dataset's noise knob (null: its default)." },
  { path: 'data.outliers', kind: num(0, 500), default: 0, help: 'Outliers placed far from their class: a fraction below 1 or a count.' },
  { path: 'data.classes', kind: int(2, 100), default: null, nullable: true, help: 'Number of classes (null: the dataset default).' },
  { path: 'data.features', kind: int(16, 1000), default: null, nullable: true, help: 'Feature count for purchases (null: 600).' },
  { path: 'split.targetMembers', kind: int(10, 5_000), default: 300, help: "Rows in the target's training set; the same number of non-members is held out." },
  { path: 'split.shadowPool', kind: int(10, 10_000), default: 600, help: "The attacker's proxy data for shadow models (disjoint from the target's rows). Early stopping's validation rows take rows from it only when the data has none to spare." },
  { path: 'split.oneRunAudit', kind: bool, default: false, help: "One-run privacy audit (Steinke et al. 2023): each of the 2 × split.targetMembers candidates joins the training set by its own fair coin flip (about half do), so the attacks' empirical ε is a lower bound at 95% confidence. Off: exactly split.targetMembers members, and the empirical ε is only an estimate." },
  { path: 'model.type', kind: oneOf('mlp', 'cnn'), default: 'mlp', help: 'A multilayer perceptron, or a small CNN (images only).' },
  { path: 'model.layers', kind: int(0, 3), default: 1, help: 'Hidden layers of the MLP (0 = logistic regression).' },
  { path: 'model.width', kind: int(1, 1024), default: 128, help: 'Units per hidden layer (CNN: units of its dense layer).' },
  { path: 'model.activation', kind: oneOf('relu', 'tanh', 'sigmoid'), default: 'relu', help: 'Hidden-layer activation.' },
  { path: 'model.filters', kind: int(1, 64), default: 8, help: 'Convolution filters of the CNN.' },
  ...defenseRows('model.'),
  { path: 'train.epochs', kind: int(1, 500), default: 40, help: 'Passes over the training set.' },
  { path: 'train.batchSize', kind: int(1, 4096), default: 32, help: 'Rows per gradient step.' },
  { path: 'train.learningRate', kind: num(0, 10, true), default: 0.01, help: 'Step size of the optimizer.' },
  { path: 'train.optimizer', kind: oneOf('adam', 'sgd'), default: 'adam', help: 'Adam or plain SGD.' },
  ...defenseRows('train.'),
  ...defenseRows('dp.'),
  { path: 'api.output', kind: oneOf('full', 'top-k', 'rounded', 'label'), default: 'full', help: 'What the target returns per query.' },
  { path: 'api.topK', kind: int(1, 100), default: 1, help: 'How many top classes the top-k API returns.' },
  { path: 'api.decimals', kind: int(0, 6), default: 2, help: 'Decimals the rounded API keeps.' },
  { path: 'attack.names', kind: { type: 'list', values: ATTACK_NAMES }, default: ['gap', 'loss-threshold', 'shadow-model', 'lira-online', 'lira-offline'], help: 'Attacks to run, comma-separated.' },
  { path: 'attack.shadows', kind: int(1, 64), default: 4, help: 'Shadow models the attacker trains on its proxy data.' },
  { path: 'attack.references', kind: int(2, 128), default: 8, help: 'Reference models for LiRA and RMIA, each trained on a random half of the candidates.' },
  // Each attack's own settings (src/core/attacks/plugins), in registry order.
  ...ATTACK_FIELDS.map((f) => f.spec),
  { path: 'attack.guessWidth', kind: int(1, 1024), default: null, nullable: true, help: "The hidden width the attacker's shadow and reference models use, its guess of the target's (null: the target's own, the best case for the attacker)." },
  { path: 'attack.guessEpochs', kind: int(1, 500), default: null, nullable: true, help: "The epochs the attacker's shadow and reference models train for, its guess of the target's (null: the target's own)." },
  { path: 'attack.knowsAugmentation', kind: bool, default: true, help: "Whether the attacker's shadow and reference models train with the target's data augmentation (off: they train without any)." },
];

/** The spec of one field by path, or undefined. */
export function fieldSpec(path: string): FieldSpec | undefined {
  return FIELDS.find((f) => f.path === path);
}

/** A human description of the allowed values, for error messages: "an integer in 1..500". */
export function describeKind(field: FieldSpec): string {
  const k = field.kind;
  const orNull = field.nullable ? ' (or null)' : '';
  switch (k.type) {
    case 'int':
      return `an integer in ${k.min}..${k.max}${orNull}`;
    case 'number':
      return `a number in ${k.exclusiveMin ? '(' : '['}${k.min}, ${k.max}]${orNull}`;
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${k.values.join(', ')}${orNull}`;
    case 'list':
      return `a comma-separated list of ${k.values.join(', ')}`;
  }
}
