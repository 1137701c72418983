/**
 * @fileoverview The in-memory dataset shape shared by generators, CSV import, splits and training.
 */

/** Which family a dataset belongs to; decides the views and the augmentations that apply. */
export type DatasetKind = 'points2d' | 'tabular' | 'image';

/**
 * A labelled dataset held as flat typed arrays (row-major), so it crosses a worker boundary
 * with `transfer` and goes into a tensor without copying element by element.
 */
export interface Dataset {
  readonly name: string;
  readonly kind: DatasetKind;
  /** Features, n × d, row-major. Already scaled to roughly unit range for training. */
  readonly x: Float32Array;
  /** Class labels in 0..numClasses-1, length n. */
  readonly y: Int32Array;
  readonly n: number;
  readonly d: number;
  readonly numClasses: number;
  /** One name per feature column (length d). */
  readonly featureNames: readonly string[];
  /** One name per class (length numClasses). */
  readonly classNames: readonly string[];
  /** For images: [height, width, channels], with height·width·channels = d. */
  readonly imageShape?: readonly [number, number, number];
  /** Optional human name per row (e.g. a made-up patient name), length n. */
  readonly recordNames?: readonly string[];
  /** Optional raw (unscaled) feature values for display, n × d, row-major. */
  readonly rawX?: Float32Array;
  /** Rows deliberately placed far from their class (outliers), as row indices. */
  readonly outlierRows?: readonly number[];
  /**
   * How `x` was made from `rawX`, per column (length d each): x = (raw − mean) / std.
   * Columns left unscaled (one-hot, bits) have mean 0 and std 1. Lets a dataset describe itself
   * and lets the UI turn an edited raw record back into model input.
   */
  readonly scaling?: FeatureScaling;
}

/** Per-column standardization parameters (see Dataset.scaling). */
export interface FeatureScaling {
  readonly mean: Float32Array;
  readonly std: Float32Array;
}
