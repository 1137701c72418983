/**
 * @fileoverview One entry point for every built-in dataset: a plain-data spec (what the URL, the
 * presets and the CLI carry) in, a Dataset out, plus a table of names, defaults and ranges that the
 * UI and the config validator read so the limits live in one place.
 */

import type { Rng } from '../rng';
import type { Dataset, DatasetKind } from './types';
import { blobs, circles, moons, spiral } from './points2d';
import { wdbc, WDBC_N } from './wdbc';
import { patients } from './patients';
import { purchases } from './purchases';
import { glyphs } from './glyphs';

export type DatasetName = 'moons' | 'circles' | 'spiral' | 'blobs' | 'patients' | 'purchases' | 'glyphs' | 'wdbc';

/** Fields every spec shares. Omitted options take the defaults in DATASET_INFO. */
interface SpecBase {
  /** Number of rows to generate. */
  readonly n: number;
  /**
   * The set's noise knob: coordinate noise std (2-D sets), risk-score noise std (patients), bit flip
   * probability (purchases) or pixel noise std (glyphs).
   */
  readonly noise?: number;
  /** Outliers: a value in (0, 1) is a fraction of n, a value ≥ 1 a count. */
  readonly outliers?: number;
  /** Number of classes, within DATASET_INFO[name].classes. */
  readonly classes?: number;
}

/** A built-in dataset, as plain data. Only purchases has a feature count to choose. */
export type DatasetSpec =
  | (SpecBase & { readonly name: 'moons' | 'circles' | 'spiral' | 'blobs' | 'glyphs' | 'wdbc' })
  | (SpecBase & { readonly name: 'patients'; readonly includeJohnDoe?: boolean })
  | (SpecBase & { readonly name: 'purchases'; readonly features?: number });

/** An inclusive range with its default. */
export interface Range {
  readonly min: number;
  readonly max: number;
  readonly default: number;
}

/** What the UI and the config validator need to know about one built-in dataset. */
export interface DatasetInfo {
  readonly name: DatasetName;
  readonly kind: DatasetKind;
  /** Short display title. */
  readonly title: string;
  /** One sentence for a tooltip or the CLI's help. */
  readonly description: string;
  readonly n: Range;
  /** What `noise` means for this set, in words, and its range. */
  readonly noiseMeaning: string;
  readonly noise: Range;
  readonly classes: Range;
  /** Only purchases lets the caller choose the number of features. */
  readonly features?: Range;
}

const N_RANGE = (def: number, max = 20_000): Range => ({ min: 20, max, default: def });

/** Every built-in dataset, keyed by name. */
export const DATASET_INFO: Readonly<Record<DatasetName, DatasetInfo>> = {
  moons: {
    name: 'moons', kind: 'points2d', title: 'Two moons',
    description: 'Two interleaving half circles; a curved boundary a small MLP can learn.',
    n: N_RANGE(400), noiseMeaning: 'coordinate noise std', noise: { min: 0, max: 0.5, default: 0.1 },
    classes: { min: 2, max: 2, default: 2 },
  },
  circles: {
    name: 'circles', kind: 'points2d', title: 'Circles',
    description: 'Concentric rings, one per class; no straight line separates them.',
    n: N_RANGE(400), noiseMeaning: 'coordinate noise std', noise: { min: 0, max: 0.5, default: 0.06 },
    classes: { min: 2, max: 4, default: 2 },
  },
  spiral: {
    name: 'spiral', kind: 'points2d', title: 'Spiral',
    description: 'Interleaved spiral arms; needs a wide model, which then overfits readily.',
    n: N_RANGE(500), noiseMeaning: 'coordinate noise std', noise: { min: 0, max: 0.3, default: 0.04 },
    classes: { min: 2, max: 3, default: 2 },
  },
  blobs: {
    name: 'blobs', kind: 'points2d', title: 'Gaussian blobs',
    description: 'Round clusters, one per class; overlap grows with the noise.',
    n: N_RANGE(400), noiseMeaning: 'cluster std', noise: { min: 0.01, max: 0.6, default: 0.15 },
    classes: { min: 2, max: 8, default: 3 },
  },
  patients: {
    name: 'patients', kind: 'tabular', title: 'Patient records',
    description: 'Synthetic medical records (age, BMI, blood pressure, ...) with a diagnosis; John Doe is always a member and Jane Smith a non-member.',
    n: N_RANGE(2000), noiseMeaning: 'diagnosis noise std', noise: { min: 0, max: 2, default: 0.8 },
    classes: { min: 2, max: 4, default: 4 },
  },
  purchases: {
    name: 'purchases', kind: 'tabular', title: 'Purchases (Purchase-100 style)',
    description: 'Binary shopping baskets around random class prototypes; high-dimensional and easy to memorize.',
    n: N_RANGE(5000), noiseMeaning: 'bit flip probability', noise: { min: 0, max: 0.5, default: 0.4 },
    classes: { min: 2, max: 100, default: 50 },
    features: { min: 16, max: 1000, default: 600 },
  },
  glyphs: {
    name: 'glyphs', kind: 'image', title: 'Glyphs (16×16 digits)',
    description: 'Hand-drawn-looking digits rendered from stroke templates with jitter and pixel noise.',
    n: N_RANGE(3000, 10_000), noiseMeaning: 'pixel noise std', noise: { min: 0, max: 0.5, default: 0.08 },
    classes: { min: 10, max: 10, default: 10 },
  },
  wdbc: {
    name: 'wdbc', kind: 'tabular', title: 'Breast cancer (real data)',
    description: 'Wisconsin Diagnostic Breast Cancer: 569 real cases, 30 measurements of cell nuclei, malignant or benign (UCI, CC BY 4.0).',
    n: { min: WDBC_N, max: WDBC_N, default: WDBC_N }, noiseMeaning: 'none: real data has no noise knob', noise: { min: 0, max: 0, default: 0 },
    classes: { min: 2, max: 2, default: 2 },
  },
};

/** Problems with a spec, one sentence each; empty when the spec is valid. Pure. */
export function datasetSpecErrors(spec: DatasetSpec): string[] {
  const info = DATASET_INFO[spec.name as DatasetName];
  if (!info) return [`Unknown dataset "${String(spec.name)}"; choose one of ${Object.keys(DATASET_INFO).join(', ')}.`];
  const errors: string[] = [];
  const check = (field: string, v: number | undefined, r: Range | undefined, integer: boolean): void => {
    if (v === undefined) return;
    if (r === undefined) { errors.push(`${spec.name} does not take "${field}".`); return; }
    if (typeof v !== 'number' || !Number.isFinite(v) || (integer && !Number.isInteger(v)) || v < r.min || v > r.max) {
      errors.push(`${spec.name}: ${field} must be ${integer ? 'an integer' : 'a number'} in ${r.min}..${r.max}, got ${v}.`);
    }
  };
  check('n', spec.n, info.n, true);
  check('noise', spec.noise, info.noise, false);
  check('classes', spec.classes, info.classes, true);
  check('features', (spec as { features?: number }).features, info.features, true);
  const o = spec.outliers;
  if (spec.name === 'wdbc' && o) errors.push('wdbc is real data: it takes no planted outliers (set data.outliers to 0).');
  else if (o !== undefined && (!Number.isFinite(o) || o < 0 || (o >= 1 && !Number.isInteger(o)) || o >= spec.n)) {
    errors.push(`${spec.name}: outliers must be a fraction in [0, 1) or a whole count below n, got ${o}.`);
  }
  return errors;
}

/**
 * Generates the dataset a spec describes. Throws RangeError listing every problem when the spec
 * is invalid. Deterministic: the same spec and seed give identical arrays. Pure.
 */
export function generateDataset(spec: DatasetSpec, rng: Rng): Dataset {
  const errors = datasetSpecErrors(spec);
  if (errors.length > 0) throw new RangeError(errors.join(' '));
  const common = { n: spec.n, outliers: spec.outliers, classes: spec.classes };
  // Fork by name so a set's stream doesn't shift when another set's generator changes.
  const r = rng.fork(`dataset:${spec.name}`);
  switch (spec.name) {
    case 'moons': return moons({ ...common, noise: spec.noise }, r);
    case 'circles': return circles({ ...common, noise: spec.noise }, r);
    case 'spiral': return spiral({ ...common, noise: spec.noise }, r);
    case 'blobs': return blobs({ ...common, noise: spec.noise }, r);
    case 'patients': return patients({ ...common, noise: spec.noise, includeJohnDoe: spec.includeJohnDoe }, r);
    case 'purchases':
      return purchases({ ...common, flipProbability: spec.noise, features: spec.features }, r);
    case 'glyphs': return glyphs({ n: spec.n, outliers: spec.outliers, noise: spec.noise }, r);
    case 'wdbc': return wdbc();
  }
}
