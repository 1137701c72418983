/**
 * @fileoverview Turns an ExperimentConfig into the concrete pieces training needs: the dataset,
 * the model spec, the training options (with DP-SGD's noise solved from ε when asked), the
 * augmenter, and the privacy accounting that goes with them. Pure.
 */
import type { Augmenter, ModelSpec, TrainOptions } from '../models/types';
import type { Dataset } from '../data/types';
import { generateDataset, DATASET_INFO, type DatasetSpec } from '../data/generate';
import { computeEpsilon, noiseForEpsilon } from '../privacy/index';
import { dpStepsPerEpoch } from '../train/dp-schedule';
import type { Rng } from '../rng';
import { ownerValidationRows } from './split-sizes';
import { assertFitsCsv, ConfigError, type ExperimentConfig } from './config';
import { DEFENSES } from '../defenses/registry';
import { disjointParts, ensemblePlan } from '../defenses/stacking';

/** DP-SGD's parameters and the ε they give, as results report them. */
export interface PrivacyAccounting {
  readonly noiseMultiplier: number;
  readonly clipNorm: number;
  readonly sampleRate: number;
  readonly steps: number;
  readonly delta: number;
  /** ε after `steps`; Infinity when σ = 0. */
  readonly epsilon: number;
  readonly order: number | null;
  /** What the ε does not cover, in plain sentences for the UI, reports and the CLI (may be empty). */
  readonly notes: readonly string[];
}

/** Generates the configured built-in dataset, or returns the loaded CSV. */
export function resolveDataset(config: ExperimentConfig, rng: Rng, csv?: Dataset): Dataset {
  if (config.data.name === 'csv') {
    if (!csv) throw new ConfigError(['data.name is csv, but no CSV rows were loaded.']);
    // The validator could not know the file's size; a misfit here is the user's to fix, not a bug.
    assertFitsCsv(config, csv);
    return csv;
  }
  const info = DATASET_INFO[config.data.name];
  const spec = {
    name: config.data.name,
    n: config.data.n ?? info.n.default,
    ...(config.data.noise !== null && { noise: config.data.noise }),
    ...(config.data.classes !== null && { classes: config.data.classes }),
    ...(config.data.features !== null && { features: config.data.features }),
    outliers: config.data.outliers,
  } as DatasetSpec;
  return generateDataset(spec, rng.fork('data'));
}

/** The model the config describes, sized for `dataset`. */
export function modelSpecFor(config: ExperimentConfig, dataset: Dataset): ModelSpec {
  if (config.model.type === 'cnn') {
    if (!dataset.imageShape) throw new Error('model.type cnn needs an image dataset.');
    return { type: 'cnn', imageShape: dataset.imageShape, filters: config.model.filters, hidden: config.model.width, numClasses: dataset.numClasses };
  }
  return {
    type: 'mlp',
    inputDim: dataset.d,
    hidden: Array.from({ length: config.model.layers }, () => config.model.width),
    activation: config.model.activation,
    numClasses: dataset.numClasses,
  };
}

/** δ default: the largest power of ten below 1/n, and never above 1e-5. */
export function defaultDelta(trainRows: number): number {
  return Math.min(1e-5, 10 ** Math.floor(Math.log10(1 / trainRows) - 1e-12));
}

/**
 * The DP accounting for one model trained on `trainRows` rows for `epochs` epochs. With
 * dp.targetEpsilon set, σ is solved by bisection so that ε after all epochs meets the target.
 */
export function privacyFor(config: ExperimentConfig, trainRows: number, epochs = config.train.epochs): PrivacyAccounting | null {
  if (!config.dp.enabled) return null;
  const sampleRate = config.dp.sampleRate ?? Math.min(1, config.train.batchSize / trainRows);
  const steps = epochs * dpStepsPerEpoch(sampleRate);
  const delta = config.dp.delta ?? defaultDelta(trainRows);
  const noiseMultiplier =
    config.dp.targetEpsilon !== null
      ? noiseForEpsilon({ targetEpsilon: config.dp.targetEpsilon, sampleRate, steps, delta }).noiseMultiplier
      : config.dp.noiseMultiplier;
  const spent = computeEpsilon({ noiseMultiplier, sampleRate, steps, delta });
  return {
    noiseMultiplier,
    clipNorm: config.dp.clipNorm,
    sampleRate,
    steps,
    delta,
    epsilon: spent.infinite ? Infinity : spent.epsilon,
    order: Number.isFinite(spent.order) ? spent.order : null,
    notes: privacyNotes(config, epochs),
  };
}

/**
 * What DP-SGD's ε leaves out under `config`. Early stopping picks the epoch by the loss on the
 * owner's validation records: they are never trained on, but the choice depends on them, and
 * nothing in the accountant covers them. The ε is for the planned epochs, because when training
 * stops depends on the model's own (noisy) outputs: counting only the steps actually taken would
 * be an ex-post claim that DP composition does not support.
 */
function privacyNotes(config: ExperimentConfig, epochs: number): string[] {
  if (!config.train.earlyStopping) return [];
  return [
    `Early stopping chooses the epoch to keep by the loss on ${ownerValidationRows(config)} validation records; that choice is outside the ε accounting. ` +
      `ε covers the training records for all ${epochs} planned epochs, even if training stopped sooner, and the validation records themselves get no DP guarantee.`,
  ];
}

/** Rows each model of an ensemble (or of a stack, at either level) trains on: members are split into disjoint parts. */
export function rowsPerModel(config: ExperimentConfig): number {
  return Math.floor(config.split.targetMembers / disjointParts(ensemblePlan(config)));
}

/**
 * TrainOptions for one model; `privacy` comes from privacyFor. The recipe without defenses, then
 * each defense lays its own settings on (src/core/defenses, in registry order). Pure.
 */
export function trainOptionsFor(config: ExperimentConfig, privacy: PrivacyAccounting | null): TrainOptions {
  const t = config.train;
  const plain: TrainOptions = {
    epochs: t.epochs,
    batchSize: t.batchSize,
    learningRate: t.learningRate,
    optimizer: t.optimizer,
    l2: 0,
    l1: 0,
    dropout: 0,
    // The validation rows are not in here: the caller holds them out (split-sizes.ts) and hands
    // them to the trainer with each training set.
    earlyStopping: { enabled: false, patience: 1, restoreBest: true },
    dp: null,
  };
  const dp = privacy ? { noiseMultiplier: privacy.noiseMultiplier, clipNorm: privacy.clipNorm, sampleRate: privacy.sampleRate } : null;
  return DEFENSES.reduce((options, d) => d.trainOptions?.(config, options, dp) ?? options, plain);
}

/**
 * The model the attacker's shadow and reference models use: the target's, with the hidden width
 * the attacker guessed (attack.guessWidth) where it guessed one. Returns a new spec. Pure.
 */
export function attackerSpec(config: ExperimentConfig, spec: ModelSpec): ModelSpec {
  const w = config.attack.guessWidth;
  if (w === null) return spec;
  return spec.type === 'cnn' ? { ...spec, hidden: w } : { ...spec, hidden: spec.hidden.map(() => w) };
}

/** The attacker's training options: the target's, for the epochs it guessed (attack.guessEpochs). Pure. */
export function attackerOptions(config: ExperimentConfig, options: TrainOptions): TrainOptions {
  const e = config.attack.guessEpochs;
  return e === null ? options : { ...options, epochs: e };
}

/**
 * The augmenter the attacker's shadow and reference models train with: the target's own when the
 * attacker knows the recipe (attack.knowsAugmentation, the default), else none. Pure.
 */
export function attackerAugmenter(config: ExperimentConfig, targetAugment: Augmenter | undefined): Augmenter | undefined {
  return config.attack.knowsAugmentation ? targetAugment : undefined;
}

/** The configured augmenter (the defense that supplies one: augmentation.ts), or undefined for none. Pure. */
export function augmenterFor(config: ExperimentConfig, dataset: Dataset): Augmenter | undefined {
  for (const d of DEFENSES) {
    const augment = d.augmenter?.(config, dataset);
    if (augment) return augment;
  }
  return undefined;
}
