/**
 * @fileoverview The label-only attack, data-augmentation variant (Choquette-Choo et al. 2021).
 *
 * Even when the API returns only the top-1 label, members leak: the model keeps labelling them
 * correctly under small shifts or noise, because it has fit their neighbourhood. The attacker
 * queries P perturbed copies of each record and scores the fraction still labelled correctly.
 * The threshold is calibrated on shadow models queried with the same perturbations.
 */

import type { Rng } from '../rng';
import { concatCalibration, thresholdResult, type AttackResult, type Calibration } from './calibration';

/** Predicted labels for each record's unperturbed query and its P perturbed copies. */
export interface LabelOnlyQuery {
  readonly n: number;
  /** P, the number of perturbed copies per record. */
  readonly copies: number;
  /** Predicted labels on the copies, n × P row-major (copy p of record i at i·P + p). */
  readonly copyPredictions: Int32Array;
  /** Predicted labels on the original records (length n), or null to score the copies alone. */
  readonly originalPredictions: Int32Array | null;
  /** True labels, length n. */
  readonly labels: Int32Array;
}

/** A shadow model's label-only query on records whose membership the attacker knows. */
export interface LabelOnlyShadow extends LabelOnlyQuery {
  /** 1 = IN, 0 = OUT, length n. */
  readonly isMember: Uint8Array;
}

/**
 * Fraction of the queries (the original, if given, plus the P copies) labelled correctly, in [0, 1].
 * Returns a new array; inputs are not mutated.
 */
export function labelOnlyScores(query: LabelOnlyQuery): Float64Array {
  const { n, copies: P, copyPredictions, originalPredictions, labels } = query;
  if (copyPredictions.length !== n * P) throw new Error(`Expected ${n} × ${P} copy predictions, got ${copyPredictions.length}.`);
  if (labels.length !== n) throw new Error(`Expected ${n} labels, got ${labels.length}.`);
  if (originalPredictions && originalPredictions.length !== n) throw new Error(`Expected ${n} original predictions.`);
  const total = P + (originalPredictions ? 1 : 0);
  if (total === 0) throw new Error('The label-only attack needs at least one query per record.');
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let hits = originalPredictions && originalPredictions[i] === labels[i] ? 1 : 0;
    for (let p = 0; p < P; p++) if (copyPredictions[i * P + p] === labels[i]) hits++;
    out[i] = hits / total;
  }
  return out;
}

/** Calibration from shadow models' label-only queries on their own IN/OUT records. */
export function labelOnlyCalibration(shadows: readonly LabelOnlyShadow[]): Calibration {
  return concatCalibration(shadows.map((s) => ({ scores: labelOnlyScores(s), isMember: s.isMember })));
}

/** Scores the target's label-only queries; threshold maximises accuracy on `calibration`. */
export function labelOnlyAttack(target: LabelOnlyQuery, calibration: Calibration): AttackResult {
  return thresholdResult('label-only', labelOnlyScores(target), calibration);
}

/** How to perturb: image translations, or additive Gaussian noise (tabular and 2-D data). */
export type PerturbKind = 'shift' | 'noise';

export interface PerturbOptions {
  /** [height, width, channels] of each row, HWC row-major; required for 'shift'. */
  readonly imageShape?: readonly [number, number, number];
  /** Largest translation in pixels along each axis for 'shift' (default 1: the 8 one-pixel moves). */
  readonly maxShift?: number;
  /** Standard deviation of the noise for 'noise', in feature units (default 0.1). */
  readonly noiseStd?: number;
}

/**
 * Makes P perturbed copies of each of the n rows of `x` (n × d row-major). Returns a new
 * (n·P) × d array with copy p of record i at row i·P + p; `x` is not mutated, `rng` advances.
 * 'shift': every record gets the same P translations (drawn once without replacement from the
 * non-zero moves within maxShift, cycling if P exceeds them), so scores stay comparable across
 * records; uncovered pixels become 0 (background). 'noise': independent N(0, noiseStd²) per value.
 */
export function perturbCopies(
  x: Float32Array, n: number, d: number, P: number, kind: PerturbKind, opts: PerturbOptions, rng: Rng,
): Float32Array {
  if (x.length !== n * d) throw new Error(`Expected ${n} × ${d} features, got ${x.length}.`);
  if (!Number.isInteger(P) || P < 0) throw new Error(`The number of copies must be a whole number, got ${P}.`);
  const out = new Float32Array(n * P * d);
  if (kind === 'noise') {
    const std = opts.noiseStd ?? 0.1;
    for (let i = 0; i < n; i++) {
      for (let p = 0; p < P; p++) {
        const row = (i * P + p) * d;
        for (let j = 0; j < d; j++) out[row + j] = x[i * d + j] + rng.normal(0, std);
      }
    }
    return out;
  }
  const shape = opts.imageShape;
  if (!shape || shape[0] * shape[1] * shape[2] !== d) {
    throw new Error('Shift perturbations need an imageShape [height, width, channels] matching the row width.');
  }
  const moves = drawShifts(P, Math.max(1, Math.floor(opts.maxShift ?? 1)), rng);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < P; p++) {
      translate(x, i * d, out, (i * P + p) * d, shape, moves[p][0], moves[p][1]);
    }
  }
  return out;
}

/** P translations [dy, dx], none of them (0, 0), in a seeded order. */
function drawShifts(P: number, r: number, rng: Rng): [number, number][] {
  const all: [number, number][] = [];
  for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) if (dy || dx) all.push([dy, dx]);
  const moves: [number, number][] = [];
  while (moves.length < P) moves.push(...rng.shuffle(all.slice()) as [number, number][]);
  return moves.slice(0, P);
}

/** Writes the image at src[srcOff..] moved by (dy, dx) into dst[dstOff..]; uncovered pixels stay 0. */
function translate(
  src: Float32Array, srcOff: number, dst: Float32Array, dstOff: number,
  [h, w, c]: readonly [number, number, number], dy: number, dx: number,
): void {
  for (let yy = Math.max(0, dy); yy < Math.min(h, h + dy); yy++) {
    for (let xx = Math.max(0, dx); xx < Math.min(w, w + dx); xx++) {
      const from = srcOff + ((yy - dy) * w + (xx - dx)) * c;
      const to = dstOff + (yy * w + xx) * c;
      for (let ch = 0; ch < c; ch++) dst[to + ch] = src[from + ch];
    }
  }
}
