/**
 * @fileoverview Labels, slider steps and effective values for config fields in the control panel.
 */
import { DATASET_INFO } from '../core/data/generate';
import { readField, type ExperimentConfig } from '../core/experiment/config';
import type { FieldSpec } from '../core/experiment/schema';
import { DEFENSE_FIELDS } from '../core/defenses/registry';
import type { DefenseField } from '../core/defenses/types';
import { ATTACK_FIELDS } from '../core/attacks/registry';
import type { AttackField } from '../core/attacks/plugin';

/** One property of every defense setting that has it, keyed by path (defenses keep theirs in src/core/defenses). */
function fromDefenses<T>(pick: (f: DefenseField) => T | undefined): Record<string, T> {
  return Object.fromEntries(DEFENSE_FIELDS.flatMap((f) => {
    const v = pick(f);
    return v === undefined ? [] : [[f.spec.path, v] as const];
  }));
}

/** The same for every setting a single attack owns (attacks keep theirs in src/core/attacks/plugins). */
function fromAttacks<T>(pick: (f: AttackField) => T | undefined): Record<string, T> {
  return Object.fromEntries(ATTACK_FIELDS.flatMap((f) => {
    const v = pick(f);
    return v === undefined ? [] : [[f.spec.path, v] as const];
  }));
}

/** Short control labels; the schema's `help` line is the tooltip. */
export const LABELS: Record<string, string> = {
  seed: 'Seed', 'data.name': 'Dataset', 'data.n': 'Rows', 'data.noise': 'Noise', 'data.outliers': 'Outliers', 'data.classes': 'Classes',
  'split.targetMembers': 'Training rows', 'model.type': 'Model', 'model.layers': 'Hidden layers', 'model.width': 'Width',
  'model.activation': 'Activation', 'model.filters': 'Filters', 'train.epochs': 'Epochs',
  'train.batchSize': 'Batch size', 'train.learningRate': 'Learning rate', 'train.optimizer': 'Optimizer',
  'api.output': 'Target API returns', 'api.topK': 'Top k', 'api.decimals': 'Decimals', 'attack.shadows': 'Shadow models',
  'attack.references': 'Reference models (LiRA, RMIA)', 'split.oneRunAudit': 'One-run privacy audit',
  'attack.knowsAugmentation': 'Attacker copies the augmentation',
  ...fromDefenses((f) => f.label),
  ...fromAttacks((f) => f.label),
};

/**
 * Help lines in plain words where the schema's line (written for the CLI's `--help` and error
 * messages) talks about nulls or other field names. Fields not listed use the schema's line.
 */
export const HELP: Record<string, string> = {
  'data.name': 'Which data to train on: one of the built-in datasets, or a CSV file you load.',
  'data.n': 'How many rows to generate.',
  'data.noise': 'How noisy the data is: more noise makes the classes overlap.',
  'data.outliers': 'Records placed far from their class: a share below 1, or a count. Outliers are the easiest members to expose.',
  'data.classes': 'How many classes the model tells apart.',
  'model.type': 'A multilayer perceptron, or a small convolutional network (images only).',
  'model.activation': 'The function each hidden unit applies to its input.',
  'attack.knowsAugmentation': "On: the attacker's shadow and reference models train with the target's augmentation, as a well-informed attacker's would. Off: they train without it.",
  'api.output': 'What the attacker gets back for each query: every class probability, the top k, rounded scores, or only the predicted label.',
  'split.oneRunAudit':
    'Each candidate record joins the training set by its own coin flip (about half do), as the one-run privacy audit of Steinke, Nasr and Jagielski (2023) requires. Under DP the attacks’ empirical ε is then a lower bound at 95% confidence; with a fixed split it is only an estimate.',
  ...fromDefenses((f) => f.help),
  ...fromAttacks((f) => f.help),
};

/** Display names of enum values, per field, so no option shows its id. */
export const OPTION_LABELS: Record<string, Readonly<Record<string, string>>> = {
  'data.name': { ...Object.fromEntries(Object.values(DATASET_INFO).map((d) => [d.name, d.title])), csv: 'Your CSV file' },
  'model.type': { mlp: 'Multilayer perceptron (MLP)', cnn: 'Small CNN (images)' },
  'model.activation': { relu: 'ReLU', tanh: 'tanh', sigmoid: 'Sigmoid' },
  'train.optimizer': { adam: 'Adam', sgd: 'Plain SGD' },
  'api.output': { full: 'All class probabilities', 'top-k': 'Top k classes', rounded: 'Rounded scores', label: 'Label only' },
  ...fromDefenses((f) => f.optionLabels),
  ...fromAttacks((f) => f.optionLabels),
};

/** Slider bounds tighter than the schema's hard limits, where the hard limit makes a poor slider. */
const SLIDER: Record<string, { min: number; max: number; step: number }> = {
  'data.n': { min: 100, max: 5000, step: 100 },
  'data.outliers': { min: 0, max: 50, step: 1 },
  'split.targetMembers': { min: 50, max: 2000, step: 50 },
  'model.width': { min: 4, max: 512, step: 4 },
  'train.epochs': { min: 1, max: 200, step: 1 },
  'train.batchSize': { min: 8, max: 512, step: 8 },
  'train.learningRate': { min: 0.0005, max: 0.1, step: 0.0005 },
  'attack.shadows': { min: 1, max: 32, step: 1 },
  'attack.references': { min: 2, max: 64, step: 2 },
  ...fromDefenses((f) => f.slider),
};

/** Bounds and step for a numeric field's slider. */
export function sliderRange(field: FieldSpec, config: ExperimentConfig): { min: number; max: number; step: number } {
  if (field.path === 'data.noise' && config.data.name !== 'csv') {
    const r = DATASET_INFO[config.data.name].noise;
    return { min: r.min, max: r.max, step: (r.max - r.min) / 100 };
  }
  if (field.path === 'data.classes' && config.data.name !== 'csv') {
    const r = DATASET_INFO[config.data.name].classes;
    return { min: r.min, max: r.max, step: 1 };
  }
  const k = field.kind;
  const fallback = k.type === 'int' || k.type === 'number' ? { min: k.min, max: k.max, step: k.type === 'int' ? 1 : (k.max - k.min) / 100 } : { min: 0, max: 1, step: 1 };
  return SLIDER[field.path] ?? fallback;
}

/** The value a control shows: nullable dataset fields show the dataset's own default. */
export function effectiveValue(field: FieldSpec, config: ExperimentConfig): unknown {
  const value = readField(config as unknown as Record<string, unknown>, field.path);
  if (value !== null || config.data.name === 'csv') return value;
  const info = DATASET_INFO[config.data.name];
  if (field.path === 'data.noise') return info.noise.default;
  if (field.path === 'data.classes') return info.classes.default;
  if (field.path === 'data.n') return info.n.default;
  if (field.path === 'dp.targetEpsilon') return null;
  return value;
}

/**
 * The limit a numeric field accepts, as shown under its control ("Limit 1–500."): the schema's
 * range, narrowed to the chosen dataset's own range where it has one. Null for other kinds.
 */
export function limitText(field: FieldSpec, config: ExperimentConfig): string | null {
  const k = field.kind;
  if (k.type !== 'int' && k.type !== 'number') return null;
  let { min, max } = k;
  if (config.data.name !== 'csv') {
    const info = DATASET_INFO[config.data.name];
    const own = { 'data.n': info.n, 'data.noise': info.noise, 'data.classes': info.classes, 'data.features': info.features }[field.path];
    if (own) ({ min, max } = own);
  }
  const fmt = (v: number) => v.toLocaleString('en-US');
  const range = k.type === 'number' && k.exclusiveMin ? `above ${fmt(min)}, up to ${fmt(max)}` : `${fmt(min)}–${fmt(max)}`;
  return `Limit ${range}.`;
}
