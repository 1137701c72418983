/**
 * @fileoverview Data augmenters (the `Augmenter` type from models/types.ts) used as a defense:
 * each minibatch is perturbed afresh, so the model sees no training record twice exactly and
 * memorizes members less. Images get shifts plus pixel noise; tabular and 2-D data get Gaussian
 * noise or mixup (Zhang et al. 2018), which blends pairs of rows and their labels.
 */

import type { Rng } from '../rng';
import type { Augmenter } from '../models/types';

/** One-hot targets for `rows` labels. */
function oneHot(y: Int32Array, rows: number, numClasses: number): Float32Array {
  const t = new Float32Array(rows * numClasses);
  for (let i = 0; i < rows; i++) t[i * numClasses + y[i]] = 1;
  return t;
}

export interface ImageShiftNoiseOptions {
  /** Largest shift in pixels along each axis; shifts are uniform integers in [−maxShift, maxShift]. */
  readonly maxShift: number;
  /** Std of Gaussian pixel noise; results are clamped to [0, 1]. */
  readonly noiseStd: number;
  /** [height, width, channels]; default: a square single-channel image of side √d. */
  readonly imageShape?: readonly [number, number, number];
}

/**
 * Random integer translation (vacated pixels become 0) plus Gaussian pixel noise, per image.
 * Targets are one-hot. Throws if d doesn't match the image shape.
 */
export function imageShiftNoise(opts: ImageShiftNoiseOptions): Augmenter {
  const maxShift = Math.max(0, Math.floor(opts.maxShift));
  return (x, y, rows, d, numClasses, rng) => {
    const [h, w, ch] = opts.imageShape ?? squareShape(d);
    if (h * w * ch !== d) throw new RangeError(`imageShiftNoise: image shape ${h}×${w}×${ch} does not match d = ${d}.`);
    const out = new Float32Array(rows * d);
    for (let i = 0; i < rows; i++) {
      const dr = rng.int(2 * maxShift + 1) - maxShift;
      const dc = rng.int(2 * maxShift + 1) - maxShift;
      const base = i * d;
      for (let r = 0; r < h; r++) {
        const sr = r - dr;
        if (sr < 0 || sr >= h) continue;
        for (let c = 0; c < w; c++) {
          const sc = c - dc;
          if (sc < 0 || sc >= w) continue;
          const to = base + (r * w + c) * ch, from = base + (sr * w + sc) * ch;
          for (let k = 0; k < ch; k++) out[to + k] = x[from + k];
        }
      }
      if (opts.noiseStd > 0) {
        for (let j = base; j < base + d; j++) {
          const v = out[j] + rng.normal(0, opts.noiseStd);
          out[j] = v < 0 ? 0 : v > 1 ? 1 : v;
        }
      }
    }
    return { x: out, targets: oneHot(y, rows, numClasses) };
  };
}

function squareShape(d: number): [number, number, number] {
  const side = Math.round(Math.sqrt(d));
  if (side * side !== d) throw new RangeError(`imageShiftNoise: d = ${d} is not a square image; pass imageShape.`);
  return [side, side, 1];
}

/** Adds N(0, std²) to every feature (no clamping: tabular features are standardized). One-hot targets. */
export function gaussianNoise(opts: { readonly std: number }): Augmenter {
  return (x, y, rows, d, numClasses, rng) => {
    const out = x.slice(0, rows * d);
    if (opts.std > 0) for (let j = 0; j < out.length; j++) out[j] += rng.normal(0, opts.std);
    return { x: out, targets: oneHot(y, rows, numClasses) };
  };
}

/**
 * Mixup: row i becomes λ·row i + (1−λ)·row π(i) for a random permutation π of the batch, with a
 * fresh λ ~ Beta(α, α) per row, and its target the same blend of the two one-hot labels.
 * Small α (0.1–0.4) keeps most rows close to a real record; α = 1 blends uniformly.
 */
export function mixup(opts: { readonly alpha: number }): Augmenter {
  if (!(opts.alpha > 0)) throw new RangeError(`mixup: alpha must be positive, got ${opts.alpha}.`);
  return (x, y, rows, d, numClasses, rng) => {
    const partner = rng.permutation(rows);
    const out = new Float32Array(rows * d);
    const targets = new Float32Array(rows * numClasses);
    for (let i = 0; i < rows; i++) {
      const lam = sampleBeta(opts.alpha, opts.alpha, rng);
      const a = i * d, b = partner[i] * d;
      for (let j = 0; j < d; j++) out[a + j] = lam * x[a + j] + (1 - lam) * x[b + j];
      targets[i * numClasses + y[i]] += lam;
      targets[i * numClasses + y[partner[i]]] += 1 - lam;
    }
    return { x: out, targets };
  };
}

/**
 * A Gamma(shape, 1) draw by Marsaglia & Tsang (2000). For shape < 1 it uses the boost
 * Gamma(a) = Gamma(a + 1) · U^(1/a), since the squeeze method needs shape ≥ 1.
 */
export function sampleGamma(shape: number, rng: Rng): number {
  if (!(shape > 0)) throw new RangeError(`Gamma shape must be positive, got ${shape}.`);
  if (shape < 1) {
    const u = 1 - rng.next(); // in (0, 1], so the power never hits 0^(1/a) by accident of next() = 0
    return sampleGamma(shape + 1, rng) * Math.pow(u, 1 / shape);
  }
  const dd = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * dd);
  for (;;) {
    let z: number, v: number;
    do {
      z = rng.normal();
      v = 1 + c * z;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * z * z * z * z) return dd * v;
    if (Math.log(u) < 0.5 * z * z + dd * (1 - v + Math.log(v))) return dd * v;
  }
}

/** A Beta(a, b) draw as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function sampleBeta(a: number, b: number, rng: Rng): number {
  const x = sampleGamma(a, rng);
  const y = sampleGamma(b, rng);
  // Both can underflow to 0 for tiny shapes; then Beta's mass is at the ends, so pick one.
  if (x + y === 0) return rng.bernoulli(a / (a + b)) ? 1 : 0;
  return x / (x + y);
}
