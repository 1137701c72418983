/**
 * @fileoverview Shared model and training types. Concrete trainers live in src/core/train.
 */

export type Activation = 'relu' | 'tanh' | 'sigmoid';
export type OptimizerName = 'sgd' | 'adam';

/** A multilayer perceptron with a softmax output. `hidden` has 0–3 entries (widths). */
export interface MlpSpec {
  readonly type: 'mlp';
  readonly inputDim: number;
  readonly hidden: readonly number[];
  readonly activation: Activation;
  readonly numClasses: number;
}

/** A small CNN for glyphs: conv(3×3, filters) → relu → maxpool 2 → dense(hidden) → softmax. */
export interface CnnSpec {
  readonly type: 'cnn';
  readonly imageShape: readonly [number, number, number];
  readonly filters: number;
  readonly hidden: number;
  readonly numClasses: number;
}

export type ModelSpec = MlpSpec | CnnSpec;

/** Differential privacy settings for DP-SGD. */
export interface DpSgdOptions {
  /** Noise multiplier σ: noise std is σ·C on the summed clipped gradient. */
  readonly noiseMultiplier: number;
  /** Per-example L2 clip norm C across all parameters. */
  readonly clipNorm: number;
  /** Poisson sampling rate q; the expected batch size is q·n. */
  readonly sampleRate: number;
}

export interface TrainOptions {
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly optimizer: OptimizerName;
  /** L2 penalty coefficient λ on weights (not biases): loss + λ·Σw². */
  readonly l2: number;
  /** L1 penalty coefficient on weights: loss + λ₁·Σ|w|. */
  readonly l1: number;
  /** Dropout rate on hidden activations during training (0 = off). */
  readonly dropout: number;
  /**
   * Early stopping: after every epoch, measure the loss on each training set's `validation` rows
   * (records the model never trains on; see TrainingSet), stop after `patience` epochs without
   * improvement, and with `restoreBest` keep the best epoch's weights.
   */
  readonly earlyStopping: { readonly enabled: boolean; readonly patience: number; readonly restoreBest: boolean };
  /** DP-SGD, or null for ordinary training. */
  readonly dp: DpSgdOptions | null;
}

/** One labelled training set as flat arrays (n × d row-major features). */
export interface TrainingData {
  readonly x: Float32Array;
  readonly y: Int32Array;
  readonly n: number;
  readonly d: number;
}

/**
 * A training set with, for early stopping, its validation rows. The trainer trains on every row
 * of the set and only evaluates `validation`, so the caller keeps the two disjoint (and keeps
 * validation rows out of anything it later evaluates as a member).
 */
export interface TrainingSet extends TrainingData {
  readonly validation?: TrainingData;
}

/** Sent after each epoch of each model. Loss is mean cross-entropy; accuracies in [0, 1]. */
export interface EpochReport {
  readonly model: number;
  readonly epoch: number;
  readonly trainLoss: number;
  readonly trainAccuracy: number;
  readonly validationLoss?: number;
  readonly validationAccuracy?: number;
}

/**
 * Builds one augmented minibatch from `rows` clean rows: returns new features (rows × d) and
 * soft targets (rows × numClasses, each row summing to 1). Must not mutate its inputs.
 * Called once per minibatch in JS, so it sees fresh randomness every epoch.
 */
export type Augmenter = (
  x: Float32Array,
  y: Int32Array,
  rows: number,
  d: number,
  numClasses: number,
  rng: import('../rng').Rng,
) => { x: Float32Array; targets: Float32Array };

/** A named set evaluated after every epoch (e.g. the target's members and non-members). */
export interface EvalSet {
  readonly name: string;
  readonly data: TrainingData;
}

/** Loss and accuracy of one model on one eval set after one epoch. */
export interface EvalResult {
  readonly loss: number;
  readonly accuracy: number;
  /** The true-class confidence per row, only when the caller asked for snapshots. */
  readonly confidence?: Float32Array;
}

export interface TrainHooks {
  /** Called after each epoch of each model, with results on every eval set. */
  readonly onEpoch?: (report: EpochReport & { readonly eval: Readonly<Record<string, EvalResult>> }) => void;
  /**
   * Called after each epoch of each model still training, with no metrics: progress only. Unlike
   * `onEpoch` it costs nothing (onEpoch evaluates the training rows, a sixth of an MLP epoch and
   * over a third of a CNN one), so shadow and reference models use it.
   */
  readonly onEpochDone?: (model: number, epoch: number) => void;
  /** Sets evaluated after each epoch (only for model 0 when several train together). */
  readonly evalSets?: readonly EvalSet[];
  /** Include true-class confidences in EvalResult (for the animated confidence gap). */
  readonly confidenceSnapshots?: boolean;
  /** Aborting stops training between steps, disposes every tensor, and rejects with an AbortError. */
  readonly signal?: import('../abort').AbortSignalLike;
  readonly augment?: Augmenter;
  /** How K models train: together in batched ops, one after another, or chosen per backend. */
  readonly strategy?: 'auto' | 'batched' | 'sequential';
  /**
   * Test seam: called once per model per step with the rows (indices into that model's training
   * set, before augmentation) that enter the step, so a test can check every member was trained on.
   */
  readonly onBatch?: (batch: TrainingBatch) => void;
}

/** One model's rows in one training step (see TrainHooks.onBatch). */
export interface TrainingBatch {
  /** The model's index among the sets trained together. */
  readonly model: number;
  /** The model's training set. */
  readonly data: TrainingData;
  readonly rows: ArrayLike<number>;
}

/** A trained model that lives in tfjs memory until disposed. Every read is asynchronous. */
export interface TrainedModel {
  readonly spec: ModelSpec;
  readonly numParams: number;
  /** Softmax probabilities, n × numClasses, row-major. */
  predictProba(x: Float32Array, n: number): Promise<Float32Array>;
  /** Logits (pre-softmax), n × numClasses, row-major. */
  predictLogits(x: Float32Array, n: number): Promise<Float32Array>;
  /** Per-example L2 norm of the cross-entropy gradient over all parameters (white-box signal). */
  perExampleGradNorms(x: Float32Array, y: Int32Array, n: number): Promise<Float32Array>;
  /** The epoch training stopped at (1-based) and, with early stopping, the best epoch restored. */
  readonly stoppedEpoch: number;
  readonly bestEpoch: number;
  dispose(): void;
}
