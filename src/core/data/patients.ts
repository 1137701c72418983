/**
 * @fileoverview Synthetic medical records for the "John Doe" lessons: 12 named clinical columns
 * drawn from a small causal model, and a 2–4 class diagnosis from a noisy latent risk score.
 *
 * The model is hand-written to be plausible, not fitted to any real cohort: age and BMI drive
 * blood pressure, cholesterol and glucose; exercise lowers BMI and heart rate; smoking raises BP
 * and heart rate. Each condition has a risk score built from the columns a clinician would look at;
 * Gaussian noise on the scores (the `noise` option) makes the label learnable but not a lookup,
 * so a model that reaches 100% train accuracy has memorized something, which is the point.
 */

import type { Rng } from '../rng';
import type { Dataset } from './types';
import { makeNames } from './names';
import { clamp, otherClass, outlierCount, pickRows, standardize } from './util';

/** One clinical column: a stable key for code and a display label with units. */
export interface PatientFeature {
  readonly key: string;
  readonly label: string;
}

/** The 12 columns, in feature order. `featureNames` of the dataset are these labels. */
export const PATIENT_FEATURES: readonly PatientFeature[] = [
  { key: 'age', label: 'age (years)' },
  { key: 'sex', label: 'sex (1 = male)' },
  { key: 'bmi', label: 'BMI (kg/m²)' },
  { key: 'systolicBp', label: 'systolic BP (mmHg)' },
  { key: 'diastolicBp', label: 'diastolic BP (mmHg)' },
  { key: 'cholesterol', label: 'cholesterol (mg/dL)' },
  { key: 'glucose', label: 'fasting glucose (mg/dL)' },
  { key: 'smoker', label: 'smoker (0/1)' },
  { key: 'exercise', label: 'exercise (h/week)' },
  { key: 'restingHeartRate', label: 'resting heart rate (bpm)' },
  { key: 'familyHistory', label: 'family history (0/1)' },
  { key: 'alcohol', label: 'alcohol (units/week)' },
];

const D = PATIENT_FEATURES.length;

/** Diagnosis names per class count; healthy is always class 0. */
const CLASS_SETS: Readonly<Record<number, readonly string[]>> = {
  2: ['healthy', 'heart disease'],
  3: ['healthy', 'diabetes', 'heart disease'],
  4: ['healthy', 'hypertension', 'diabetes', 'heart disease'],
};

export interface PatientsOptions {
  readonly n: number;
  /** Number of diagnoses, 2–4 (default 4). */
  readonly classes?: number;
  /**
   * Std of the Gaussian noise on each risk score (default 0.8: enough overlap between diagnoses that
   * an unregularized model memorizes its members, which the playground's default shows). 0 = the
   * label is a function of the record.
   */
  readonly noise?: number;
  /** Mislabelled records (label ≠ what the risk scores say): a fraction in (0, 1) or a count ≥ 1. */
  readonly outliers?: number;
  /** Put "John Doe" at row 0 (default true). */
  readonly includeJohnDoe?: boolean;
}

/** Draws one record in real units into `r` (length 12, PATIENT_FEATURES order). */
function sampleRecord(rng: Rng, r: Float32Array): void {
  const age = Math.round(clamp(rng.normal(52, 16), 18, 90));
  const sex = rng.bernoulli(0.5) ? 1 : 0;
  const smoker = rng.bernoulli(clamp(0.28 - 0.003 * (age - 40), 0.06, 0.4)) ? 1 : 0;
  const exercise = Math.round(2 * clamp(rng.normal(3.5 - 0.03 * (age - 50), 2.2), 0, 20)) / 2;
  const alcohol = Math.round(clamp(Math.exp(rng.normal(1.6 + 0.4 * sex, 0.9)) - 1, 0, 70));
  const family = rng.bernoulli(0.3) ? 1 : 0;
  const bmiRaw = clamp(26 + 0.05 * (age - 50) - 0.45 * (exercise - 3.5) + rng.normal(0, 4), 15, 55);
  const bmi = Math.round(bmiRaw * 10) / 10;
  const over = bmi - 25;
  const sys = Math.round(clamp(
    100 + 0.45 * age + 1.1 * over + 4 * smoker + 4 * sex + 0.15 * alcohol + rng.normal(0, 11), 85, 220));
  const dia = Math.round(clamp(20 + 0.45 * sys + 0.3 * over + rng.normal(0, 6), 45, 130));
  const chol = Math.round(clamp(
    165 + 0.7 * age + 1.6 * over + 10 * family - 2.5 * exercise + 4 * smoker + rng.normal(0, 28), 110, 380));
  const glucose = Math.round(clamp(
    82 + 1.8 * over + 0.22 * age + 8 * family - exercise + rng.normal(0, 11), 60, 300));
  const hr = Math.round(clamp(
    74 - 1.6 * exercise + 5 * smoker + 0.35 * over + 0.05 * alcohol + rng.normal(0, 8), 42, 120));
  r.set([age, sex, bmi, sys, dia, chol, glucose, smoker, exercise, hr, family, alcohol]);
}

/**
 * Latent risk per condition (roughly z-score units) for one record. Index by condition name so
 * each class set picks the scores it needs.
 */
function riskScores(r: Float32Array): Record<string, number> {
  const [age, , bmi, sys, dia, chol, glucose, smoker, exercise, hr, family, alcohol] = r;
  return {
    healthy: 0,
    hypertension: (sys - 135) / 12 + (0.5 * (dia - 85)) / 8 + (0.15 * alcohol) / 7,
    diabetes: (glucose - 110) / 12 + (0.6 * (bmi - 30)) / 5 + 0.5 * family,
    'heart disease':
      (age - 62) / 9 + 0.9 * smoker + (chol - 225) / 30 + 0.6 * family + (0.3 * (hr - 75)) / 10 - 0.15 * exercise,
  };
}

/**
 * Per-class offsets so that argmax(score + offset) gives every diagnosis about n/k rows. The raw
 * scores have very different base rates; balancing keeps small member sets covering every class.
 * Deterministic (no randomness): a damped fixed-point iteration on the observed class shares.
 */
function balanceOffsets(scores: Float64Array, n: number, k: number): Float64Array {
  const offsets = new Float64Array(k);
  const counts = new Float64Array(k);
  for (let it = 0; it < 200; it++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[argmaxRow(scores, i, k, offsets)]++;
    const step = 2 / (1 + it / 10);
    for (let c = 0; c < k; c++) offsets[c] += step * (1 / k - counts[c] / n);
  }
  return offsets;
}

function argmaxRow(scores: Float64Array, i: number, k: number, offsets: Float64Array): number {
  let best = 0;
  let bestV = -Infinity;
  for (let c = 0; c < k; c++) {
    const v = scores[i * k + c] + offsets[c];
    if (v > bestV) { bestV = v; best = c; }
  }
  return best;
}

/**
 * Generates `n` synthetic patients. `rawX` holds real units, `x` the standardized columns (with
 * `scaling`), `recordNames` one fictional full name per row ("John Doe" at row 0 and "Jane Smith" at row 1 by
 * default, until an experiment's split places them).
 * Outliers are records whose diagnosis was replaced by a different one. Pure: returns a new Dataset.
 */
export function patients(opts: PatientsOptions, rng: Rng): Dataset {
  const { n } = opts;
  const k = opts.classes ?? 4;
  const noise = opts.noise ?? 0.8;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`patients: n must be a positive integer, got ${n}.`);
  const classNames = CLASS_SETS[k];
  if (!classNames) throw new RangeError(`patients: classes must be 2, 3 or 4, got ${k}.`);

  const recRng = rng.fork('records');
  const noiseRng = rng.fork('label-noise');
  const rawX = new Float32Array(n * D);
  const scores = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const rec = rawX.subarray(i * D, (i + 1) * D);
    sampleRecord(recRng, rec);
    const risk = riskScores(rec);
    for (let c = 0; c < k; c++) scores[i * k + c] = risk[classNames[c]] + noiseRng.normal(0, noise);
  }
  const offsets = balanceOffsets(scores, n, k);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) y[i] = argmaxRow(scores, i, k, offsets);

  const outRng = rng.fork('outliers');
  const outlierRows = pickRows(n, outlierCount(n, opts.outliers), outRng);
  for (const i of outlierRows) y[i] = otherClass(y[i], k, outRng);

  const { x, scaling } = standardize(rawX, n, D);
  return {
    name: 'patients',
    kind: 'tabular',
    x,
    y,
    n,
    d: D,
    numClasses: k,
    featureNames: PATIENT_FEATURES.map((f) => f.label),
    classNames,
    recordNames: makeNames(n, rng.fork('names'), opts.includeJohnDoe ?? true),
    rawX,
    outlierRows,
    scaling,
  };
}
