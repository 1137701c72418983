/**
 * @fileoverview The shadow-model attack's binary classifier (IN vs OUT), in plain float64 JS.
 *
 * Two choices: logistic regression fitted by L-BFGS (deterministic, no seed; convex, so it always
 * finds the same optimum), or a one-hidden-layer MLP trained with Adam (seeded). Features are
 * standardised first, which keeps L-BFGS well conditioned and makes the L2 penalty treat every
 * feature alike. The fitted classifiers are plain data, so they cross a worker boundary as is.
 * Cost per pass is rows × width (× hidden for the MLP); 40k × 110 trains in about a second
 * (logistic) to two (MLP) on one laptop core.
 */

import type { Rng } from '../rng';
import { mlpForward, sigmoid, trainMlp } from './mlp-classifier';

export interface ClassifierOptions {
  /** 'logistic' (default) or 'mlp'. */
  readonly kind?: 'logistic' | 'mlp';
  /** L2 penalty (λ/2)·‖w‖² on weights, not biases, over standardised features (default 1e-3). */
  readonly l2?: number;
  /** Logistic: most L-BFGS iterations (default 100). */
  readonly maxIterations?: number;
  /** MLP: hidden units (default 16). */
  readonly hidden?: number;
  /**
   * MLP: passes over the data. The default, ceil(150 000 / rows) clamped to 3..50, keeps the total
   * work near 150k row passes, so 40k rows take 4 epochs (≈1,250 Adam steps) and 2k rows take 50.
   */
  readonly epochs?: number;
  /** MLP: minibatch size (default 128). */
  readonly batchSize?: number;
  /** MLP: Adam step size (default 0.01). */
  readonly learningRate?: number;
}

interface Standardised {
  readonly width: number;
  /** Per-feature mean and scale (std, or 1 for a constant feature) used to standardise inputs. */
  readonly mean: Float64Array;
  readonly scale: Float64Array;
}

export interface LogisticClassifier extends Standardised {
  readonly kind: 'logistic';
  readonly weights: Float64Array;
  readonly bias: number;
}

export interface MlpClassifier extends Standardised {
  readonly kind: 'mlp';
  readonly hidden: number;
  /** Flat parameters: W1 (hidden × width, row-major), b1 (hidden), w2 (hidden), b2 (1). */
  readonly params: Float64Array;
}

export type BinaryClassifier = LogisticClassifier | MlpClassifier;

/**
 * Fits P(IN | features). x is rows × width row-major, y holds 1 (IN) / 0 (OUT). `rng` is used
 * only by the MLP (initial weights, batch order). Inputs are not mutated.
 */
export function trainBinaryClassifier(
  x: ArrayLike<number>, y: ArrayLike<number>, rows: number, width: number, opts: ClassifierOptions, rng: Rng,
): BinaryClassifier {
  if (x.length !== rows * width || y.length !== rows) throw new Error(`Expected ${rows} × ${width} features and ${rows} labels.`);
  if (rows === 0) throw new Error('Cannot train an attack classifier without rows.');
  const { mean, scale } = fitStandardiser(x, rows, width);
  const z = standardise(x, rows, width, mean, scale);
  const l2 = opts.l2 ?? 1e-3;
  if (opts.kind === 'mlp') {
    const hidden = opts.hidden ?? 16;
    const params = trainMlp(z, y, rows, width, {
      hidden, l2, epochs: opts.epochs ?? Math.min(50, Math.max(3, Math.ceil(150_000 / rows))), batchSize: opts.batchSize ?? 128, learningRate: opts.learningRate ?? 0.01,
    }, rng);
    return { kind: 'mlp', width, mean, scale, hidden, params };
  }
  const theta = new Float64Array(width + 1); // weights, then the bias
  lbfgs((t, g) => logisticLoss(z, y, rows, width, l2, t, g), theta, opts.maxIterations ?? 100);
  return { kind: 'logistic', width, mean, scale, weights: theta.slice(0, width), bias: theta[width] };
}

/** P(IN) for each of `rows` feature rows (rows × width). Returns a new array. */
export function predictInProbability(clf: BinaryClassifier, x: ArrayLike<number>, rows: number): Float64Array {
  const { width } = clf;
  if (x.length !== rows * width) throw new Error(`Expected ${rows} × ${width} features, got ${x.length}.`);
  const z = standardise(x, rows, width, clf.mean, clf.scale);
  if (clf.kind === 'mlp') return mlpForward(clf.params, z, rows, width, clf.hidden);
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let s = clf.bias;
    for (let j = 0; j < width; j++) s += clf.weights[j] * z[r * width + j];
    out[r] = sigmoid(s);
  }
  return out;
}

function fitStandardiser(x: ArrayLike<number>, rows: number, width: number): { mean: Float64Array; scale: Float64Array } {
  const mean = new Float64Array(width);
  const scale = new Float64Array(width);
  for (let r = 0; r < rows; r++) for (let j = 0; j < width; j++) mean[j] += x[r * width + j];
  for (let j = 0; j < width; j++) mean[j] /= rows;
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < width; j++) { const d = x[r * width + j] - mean[j]; scale[j] += d * d; }
  }
  for (let j = 0; j < width; j++) {
    const sd = Math.sqrt(scale[j] / rows);
    scale[j] = sd > 1e-12 ? sd : 1; // a constant feature (e.g. a one-hot in a per-class model) stays 0
  }
  return { mean, scale };
}

function standardise(x: ArrayLike<number>, rows: number, width: number, mean: Float64Array, scale: Float64Array): Float64Array {
  const z = new Float64Array(rows * width);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < width; j++) z[r * width + j] = (x[r * width + j] - mean[j]) / scale[j];
  }
  return z;
}

/** Mean log-loss plus (λ/2)‖w‖²; writes the gradient into `grad`. theta = [w, bias]. */
function logisticLoss(
  z: Float64Array, y: ArrayLike<number>, rows: number, width: number, l2: number, theta: Float64Array, grad: Float64Array,
): number {
  grad.fill(0);
  let loss = 0;
  for (let r = 0; r < rows; r++) {
    const row = r * width;
    let s = theta[width];
    for (let j = 0; j < width; j++) s += theta[j] * z[row + j];
    const t = y[r] ? 1 : 0;
    // softplus(s) − t·s, stable for large |s|
    loss += (s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s))) - t * s;
    const d = sigmoid(s) - t;
    for (let j = 0; j < width; j++) grad[j] += d * z[row + j];
    grad[width] += d;
  }
  let penalty = 0;
  for (let j = 0; j <= width; j++) grad[j] /= rows;
  for (let j = 0; j < width; j++) { penalty += theta[j] * theta[j]; grad[j] += l2 * theta[j]; }
  return loss / rows + 0.5 * l2 * penalty;
}

const dot = (a: Float64Array, b: Float64Array): number => { let s = 0; for (let i = 0; i < a.length; i++) s += a[i] * b[i]; return s; };

/**
 * Minimises f by L-BFGS (memory 8) with a backtracking Armijo line search. `f` returns the value
 * and writes the gradient into its second argument. Mutates `theta` to the minimiser found.
 */
function lbfgs(f: (theta: Float64Array, grad: Float64Array) => number, theta: Float64Array, maxIterations: number): void {
  const dim = theta.length;
  const memory = 8;
  const S: Float64Array[] = [], Y: Float64Array[] = [], rho: number[] = [];
  const g = new Float64Array(dim), gNew = new Float64Array(dim), next = new Float64Array(dim);
  let fx = f(theta, g);
  for (let iter = 0; iter < maxIterations; iter++) {
    if (g.reduce((m, v) => Math.max(m, Math.abs(v)), 0) < 1e-6) break;
    // Two-loop recursion: d = −H·g with H the limited-memory inverse-Hessian estimate.
    const d = g.slice();
    const alpha = new Array<number>(S.length);
    for (let k = S.length - 1; k >= 0; k--) {
      alpha[k] = rho[k] * dot(S[k], d);
      for (let i = 0; i < dim; i++) d[i] -= alpha[k] * Y[k][i];
    }
    const last = S.length - 1;
    const gamma = last >= 0 ? dot(S[last], Y[last]) / dot(Y[last], Y[last]) : 1 / Math.sqrt(dot(g, g));
    for (let i = 0; i < dim; i++) d[i] *= gamma;
    for (let k = 0; k < S.length; k++) {
      const beta = rho[k] * dot(Y[k], d);
      for (let i = 0; i < dim; i++) d[i] += S[k][i] * (alpha[k] - beta);
    }
    for (let i = 0; i < dim; i++) d[i] = -d[i];
    const slope = dot(g, d);
    if (!(slope < 0)) break; // not a descent direction: already at the optimum to float precision
    let step = 1, fNew = Infinity;
    for (let tries = 0; tries < 40; tries++, step *= 0.5) {
      for (let i = 0; i < dim; i++) next[i] = theta[i] + step * d[i];
      fNew = f(next, gNew);
      if (fNew <= fx + 1e-4 * step * slope) break;
    }
    if (!(fNew <= fx)) break;
    const s = new Float64Array(dim), yv = new Float64Array(dim);
    for (let i = 0; i < dim; i++) { s[i] = next[i] - theta[i]; yv[i] = gNew[i] - g[i]; }
    const sy = dot(s, yv);
    if (sy > 1e-12) {
      if (S.length === memory) { S.shift(); Y.shift(); rho.shift(); }
      S.push(s); Y.push(yv); rho.push(1 / sy);
    }
    theta.set(next);
    g.set(gNew);
    const converged = fx - fNew <= 1e-12 * Math.max(1, Math.abs(fx));
    fx = fNew;
    if (converged) break;
  }
}
