/**
 * @fileoverview Seeded 2-D toy sets (moons, circles, spiral, blobs) for the playground views.
 *
 * Every set is defined by a per-class sampler that returns a clean point in the scaled frame
 * (about [-1, 1]²); Gaussian noise is added afterwards in that same frame, so `noise` means the
 * same distance on screen for every set. Outliers reuse the samplers: an outlier is a clean point
 * from ANOTHER class's region that keeps its own label, the kind of record a model can only fit
 * by memorizing it, which is exactly what membership inference exposes.
 */

import type { Rng } from '../rng';
import type { Dataset } from './types';
import { balancedLabels, otherClass, outlierCount, pickRows } from './util';

/** Options shared by every 2-D generator. */
export interface Points2dOptions {
  /** Number of points. */
  readonly n: number;
  /** Std of the Gaussian noise added to each coordinate, in scaled units (screen ≈ [-1, 1]). */
  readonly noise?: number;
  /** Outliers: a value in (0, 1) is a fraction of n, a value ≥ 1 a count. Default 0. */
  readonly outliers?: number;
  /** Number of classes, where the set supports more than two. */
  readonly classes?: number;
}

/** Draws one clean point of class `c` (before noise) into `out`. */
type ClassSampler = (c: number, rng: Rng, out: [number, number]) => void;

/** Builds a Dataset from a class sampler: balanced labels, noise, then outliers. */
function buildPoints(
  name: string,
  opts: Points2dOptions,
  k: number,
  defaultNoise: number,
  sample: ClassSampler,
  rng: Rng,
): Dataset {
  const { n } = opts;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${name}: n must be a positive integer, got ${n}.`);
  const noise = opts.noise ?? defaultNoise;
  const y = balancedLabels(n, k, rng.fork('labels'));
  const x = new Float32Array(n * 2);
  const pointRng = rng.fork('points');
  const p: [number, number] = [0, 0];
  for (let i = 0; i < n; i++) {
    sample(y[i], pointRng, p);
    x[2 * i] = p[0] + pointRng.normal(0, noise);
    x[2 * i + 1] = p[1] + pointRng.normal(0, noise);
  }
  const outRng = rng.fork('outliers');
  const outlierRows = pickRows(n, outlierCount(n, opts.outliers), outRng);
  for (const i of outlierRows) {
    // Half the usual noise keeps the outlier inside the other class's region, not on its edge.
    sample(otherClass(y[i], k, outRng), outRng, p);
    x[2 * i] = p[0] + outRng.normal(0, noise * 0.5);
    x[2 * i + 1] = p[1] + outRng.normal(0, noise * 0.5);
  }
  return {
    name,
    kind: 'points2d',
    x,
    y,
    n,
    d: 2,
    numClasses: k,
    featureNames: ['x1', 'x2'],
    classNames: Array.from({ length: k }, (_, c) => `class ${c}`),
    outlierRows,
  };
}

function checkClasses(name: string, k: number, lo: number, hi: number): number {
  if (!Number.isInteger(k) || k < lo || k > hi) {
    throw new RangeError(`${name}: classes must be an integer in ${lo}..${hi}, got ${k}.`);
  }
  return k;
}

/**
 * Two interleaving half circles (scikit-learn's make_moons), scaled by 1/1.5 so x ∈ [-1, 1] and
 * y ∈ [-0.5, 0.5]. Always 2 classes. Default noise 0.1. Pure: returns a new Dataset.
 */
export function moons(opts: Points2dOptions, rng: Rng): Dataset {
  checkClasses('moons', opts.classes ?? 2, 2, 2);
  return buildPoints('moons', opts, 2, 0.1, (c, r, out) => {
    const t = Math.PI * r.next();
    const px = c === 0 ? Math.cos(t) : 1 - Math.cos(t);
    const py = c === 0 ? Math.sin(t) : 0.5 - Math.sin(t);
    out[0] = (px - 0.5) / 1.5;
    out[1] = (py - 0.25) / 1.5;
  }, rng);
}

/**
 * Concentric rings, class c at radius 0.9·(c+1)/k (class 0 innermost). 2–4 classes, default 2.
 * Default noise 0.06. Pure: returns a new Dataset.
 */
export function circles(opts: Points2dOptions, rng: Rng): Dataset {
  const k = checkClasses('circles', opts.classes ?? 2, 2, 4);
  return buildPoints('circles', opts, k, 0.06, (c, r, out) => {
    const radius = (0.9 * (c + 1)) / k;
    const a = 2 * Math.PI * r.next();
    out[0] = radius * Math.cos(a);
    out[1] = radius * Math.sin(a);
  }, rng);
}

/** How many times each spiral arm winds around the centre. */
const SPIRAL_TURNS = 1.25;

/**
 * Interleaved Archimedean spiral arms, one per class (2–3, default 2), radius 0.05–0.95.
 * Neighbouring arms are 0.72/k apart radially, so noise above ~0.15 starts to merge them.
 * Default noise 0.04. Pure: returns a new Dataset.
 */
export function spiral(opts: Points2dOptions, rng: Rng): Dataset {
  const k = checkClasses('spiral', opts.classes ?? 2, 2, 3);
  return buildPoints('spiral', opts, k, 0.04, (c, r, out) => {
    // sqrt spreads points evenly along the arm's length instead of crowding the centre.
    const t = Math.sqrt(r.next());
    const radius = 0.05 + 0.9 * t;
    const a = 2 * Math.PI * (SPIRAL_TURNS * t + c / k);
    out[0] = radius * Math.cos(a);
    out[1] = radius * Math.sin(a);
  }, rng);
}

/**
 * Isotropic Gaussian blobs, k classes (2–8, default 3). Centres sit on a circle of radius
 * 0.55–0.65 at evenly spaced angles with a random rotation, so blobs never collide; `noise` is
 * each blob's std (default 0.15). Pure: returns a new Dataset.
 */
export function blobs(opts: Points2dOptions, rng: Rng): Dataset {
  const k = checkClasses('blobs', opts.classes ?? 3, 2, 8);
  const centreRng = rng.fork('centres');
  const rotation = 2 * Math.PI * centreRng.next();
  const centres = Array.from({ length: k }, (_, c) => {
    const radius = centreRng.uniform(0.55, 0.65);
    const a = rotation + (2 * Math.PI * c) / k;
    return [radius * Math.cos(a), radius * Math.sin(a)] as const;
  });
  // The class spread lives in `noise`; the sampler returns the centre itself.
  return buildPoints('blobs', opts, k, 0.15, (c, _r, out) => {
    out[0] = centres[c][0];
    out[1] = centres[c][1];
  }, rng);
}
