/**
 * @fileoverview Purchase-100-style binary records (Shokri et al. 2017): each class is a random
 * "shopping basket" prototype of d bits, and each record is its class prototype with every bit
 * flipped independently with probability `flipProbability`.
 *
 * Why the default flip probability is 0.4: the Bayes-optimal rule (nearest prototype) is ~99%
 * accurate at 0.4, so the task is learnable in principle, but with only 20–50 training records per
 * class in 600 dimensions a model cannot pin the prototypes down, and it memorizes its members
 * instead. Measured in plain JS on 50 classes (2,000 test rows, train accuracy 1.000 throughout),
 * test accuracy was:
 *
 *   flip   members  600→128→50 MLP (Adam 1e-3, batch 32, 20 epochs)  nearest class mean
 *   0.38   1000     0.78                                             —
 *   0.38   2500     0.95                                             —
 *   0.40   1000     0.55                                             0.82
 *   0.40   1750     0.74                                             —
 *   0.40   2500     0.84                                             0.95
 *   0.41   1000     0.42                                             0.68
 *   0.41   2500     0.71                                             0.87
 *
 * So 0.4 puts a memorizing MLP at ~0.55–0.85 test accuracy over 1,000–2,500 members (≈0.74 in
 * the middle), the Purchase-100 regime of a perfect fit with a large gap. The transition is steep:
 * 0.35 is almost gap-free (0.96 at 1,000 members), 0.45 is barely learnable (nearest mean 0.12).
 */

import type { Rng } from '../rng';
import type { Dataset } from './types';
import { balancedLabels, otherClass, outlierCount, pickRows } from './util';

/** Default probability that a record's bit differs from its class prototype. */
export const DEFAULT_FLIP_PROBABILITY = 0.4;

export interface PurchasesOptions {
  readonly n: number;
  /** Number of classes (customer segments), 2–100, default 50. */
  readonly classes?: number;
  /** Bits per record (items in the catalogue), default 600. */
  readonly features?: number;
  /** Per-bit flip probability in [0, 0.5], default 0.4 (see file overview). */
  readonly flipProbability?: number;
  /** Records drawn from another class's prototype but keeping their own label: fraction or count. */
  readonly outliers?: number;
}

/**
 * One random bit prototype per class, k × d row-major, each bit 1 with probability 1/2.
 * Exported so tests and lessons can compare records with the basket they came from. Pure.
 */
export function purchasePrototypes(k: number, d: number, rng: Rng): Uint8Array {
  const protos = new Uint8Array(k * d);
  for (let i = 0; i < protos.length; i++) protos[i] = rng.nextUint32() >>> 31;
  return protos;
}

/**
 * Generates `n` binary records (x ∈ {0, 1}, n × d) with balanced labels. The prototypes depend
 * only on the seed, k and d (forked stream "prototypes"), so a larger n from the same seed extends
 * the same population. Pure: returns a new Dataset.
 */
export function purchases(opts: PurchasesOptions, rng: Rng): Dataset {
  const { n } = opts;
  const k = opts.classes ?? 50;
  const d = opts.features ?? 600;
  const flip = opts.flipProbability ?? DEFAULT_FLIP_PROBABILITY;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`purchases: n must be a positive integer, got ${n}.`);
  if (!Number.isInteger(k) || k < 2 || k > 100) throw new RangeError(`purchases: classes must be an integer in 2..100, got ${k}.`);
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`purchases: features must be a positive integer, got ${d}.`);
  if (!(flip >= 0 && flip <= 0.5)) throw new RangeError(`purchases: flipProbability must be in [0, 0.5], got ${flip}.`);

  const protos = purchasePrototypes(k, d, rng.fork('prototypes'));
  const y = balancedLabels(n, k, rng.fork('labels'));
  const outRng = rng.fork('outliers');
  const outlierRows = pickRows(n, outlierCount(n, opts.outliers), outRng);
  // Which prototype each row is drawn from: its own class, except for outliers.
  const source = Int32Array.from(y);
  for (const i of outlierRows) source[i] = otherClass(y[i], k, outRng);

  const x = new Float32Array(n * d);
  const bitRng = rng.fork('bits');
  // Compare against a 32-bit threshold rather than next() < p: one integer compare per bit.
  const threshold = Math.floor(flip * 4294967296);
  for (let i = 0; i < n; i++) {
    const p = source[i] * d;
    const o = i * d;
    for (let j = 0; j < d; j++) {
      const flipped = bitRng.nextUint32() < threshold ? 1 : 0;
      x[o + j] = protos[p + j] ^ flipped;
    }
  }
  return {
    name: 'purchases',
    kind: 'tabular',
    x,
    y,
    n,
    d,
    numClasses: k,
    featureNames: Array.from({ length: d }, (_, j) => `item ${j + 1}`),
    classNames: Array.from({ length: k }, (_, c) => `segment ${c + 1}`),
    outlierRows,
  };
}
