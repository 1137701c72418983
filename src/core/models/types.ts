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
  /** Early stopping: hold out `validationSplit` of the training rows, stop after `patience` epochs without improvement. */
  readonly earlyStopping: { readonly enabled: boolean; readonly validationSplit: number; readonly patience: number; readonly restoreBest: boolean };
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

/** Sent after each epoch of each model. Loss is mean cross-entropy; accuracies in [0, 1]. */
export interface EpochReport {
  readonly model: number;
  readonly epoch: number;
  readonly trainLoss: number;
  readonly trainAccuracy: number;
  readonly validationLoss?: number;
  readonly validationAccuracy?: number;
}
