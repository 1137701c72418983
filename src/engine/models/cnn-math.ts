/**
 * @fileoverview The glyph CNN's forward pass and hand-written backward pass, in tfjs-core ops.
 *
 * conv 3×3 (same) → relu → maxpool 2×2 → flatten → dense(hidden) → relu → [dropout] → dense(K).
 * The convolution runs as im2col (cnn-im2col.ts) + 2-D matMuls, so the same patch matrices serve
 * the forward pass, the kernel gradient and the exact per-example gradient norms that DP-SGD
 * clips by. Most elementwise ops cost about the same on wasm whatever they do, so the pooling
 * is written to need few of them. Every matMul on the hot path is 2-D without
 * transpose flags (transposes are explicit) because only that form hits the fast wasm kernel
 * (measured on wasm). There is no autodiff: tfjs-core alone registers no gradients, and a hand
 * backward is about 4× faster on wasm. cnn-math.test.ts checks it against tf.grads.
 *
 * Every function here returns new tensors and expects to run inside the caller's `tf.tidy`.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { CnnSpec } from '../../core/models/types';
import type { Rng } from '../../core/rng';

export { im2col, patchTensors } from './cnn-im2col';

/** Parameter names in a fixed order (the order of flattening and of noise draws). */
export const CNN_PARAM_KEYS = ['convW', 'convB', 'w1', 'b1', 'w2', 'b2'] as const;
export type CnnParamKey = (typeof CNN_PARAM_KEYS)[number];
/** The keys that L1/L2 penalties apply to (weights, not biases). */
export const CNN_WEIGHT_KEYS: readonly CnnParamKey[] = ['convW', 'w1', 'w2'];

/**
 * The parameters. `convW` is stored as the im2col matrix [9·C, filters], rows ordered
 * (dy, dx, channel), which is a [3, 3, C, filters] conv kernel flattened row-major.
 * Plain tensors, not variables: the shared optimizer (train/optimizers.ts) returns new ones each step.
 */
export type CnnParams = Record<CnnParamKey, tf.Tensor>;

/** Sizes derived from a spec. */
export interface CnnDims {
  readonly h: number; readonly w: number; readonly c: number;
  /** Values per image (h·w·c), conv kernel rows (9·c), and im2col row length (9·c + 1). */
  readonly d: number; readonly taps: number; readonly patch: number;
  readonly filters: number; readonly hidden: number; readonly classes: number;
  /** Pooled size: floor(h/2) × floor(w/2) × filters. */
  readonly ph: number; readonly pw: number; readonly flat: number;
}

/** Derives the sizes from a spec; throws if the spec is degenerate. */
export function cnnDims(spec: CnnSpec): CnnDims {
  const [h, w, c] = spec.imageShape;
  if (h < 2 || w < 2 || c < 1 || spec.filters < 1 || spec.hidden < 1 || spec.numClasses < 2) {
    throw new Error(`CNN spec is too small: image ${h}×${w}×${c}, ${spec.filters} filters, ${spec.hidden} hidden, ${spec.numClasses} classes.`);
  }
  const ph = Math.floor(h / 2), pw = Math.floor(w / 2);
  return {
    h, w, c, d: h * w * c, taps: 9 * c, patch: 9 * c + 1, filters: spec.filters, hidden: spec.hidden,
    classes: spec.numClasses, ph, pw, flat: ph * pw * spec.filters,
  };
}

/** Parameter shapes, in CNN_PARAM_KEYS order. */
export function cnnParamShapes(dims: CnnDims): Record<CnnParamKey, [number, number] | [number]> {
  return {
    convW: [dims.taps, dims.filters], convB: [dims.filters],
    w1: [dims.flat, dims.hidden], b1: [dims.hidden],
    w2: [dims.hidden, dims.classes], b2: [dims.classes],
  };
}

/**
 * Glorot-uniform weights and zero biases drawn in JS from `rng` (mutates `rng`), so a seed fixes
 * the initial model on every backend. Conv fans follow Keras: receptive field × channels/filters.
 */
export function initCnnParams(dims: CnnDims, rng: Rng): CnnParams {
  const shapes = cnnParamShapes(dims);
  const fans: Record<CnnParamKey, [number, number] | null> = {
    convW: [dims.taps, 9 * dims.filters], w1: [dims.flat, dims.hidden], w2: [dims.hidden, dims.classes],
    convB: null, b1: null, b2: null,
  };
  const out = {} as CnnParams;
  for (const key of CNN_PARAM_KEYS) {
    const shape = shapes[key];
    const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
    const fan = fans[key];
    if (fan) {
      const limit = Math.sqrt(6 / (fan[0] + fan[1]));
      for (let i = 0; i < values.length; i++) values[i] = rng.uniform(-limit, limit);
    }
    out[key] = tf.tensor(values, shape);
  }
  return out;
}

/** Activations kept from the forward pass for the backward pass (cells = rows·ph·pw). */
export interface CnnForward {
  readonly rows: number;
  /** Per quadrant, cells × (9c + 1). */ readonly patches: readonly tf.Tensor2D[];
  /** Pooling tournament: quadrant 1 beat 0, 3 beat 2, and the 2|3 winner beat the 0|1 one. */
  readonly won: readonly [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
  /** relu(conv) max-pooled, cells × filters. */ readonly pooled: tf.Tensor2D;
  /** Pooled and flattened, rows × flat. */ readonly a1: tf.Tensor2D;
  /** Dense pre-activations, rows × hidden. */ readonly z2: tf.Tensor2D;
  /** Hidden after relu and dropout, rows × hidden. */ readonly a2: tf.Tensor2D;
  /** rows × classes */ readonly logits: tf.Tensor2D;
}

/** Forward pass on patchTensors(). `mask` (rows × hidden, 0 or 1/(1−p)) applies dropout; null for none. */
export function cnnForward(p: CnnParams, patches: readonly tf.Tensor2D[], rows: number, dims: CnnDims, mask: tf.Tensor | null): CnnForward {
  const kernel = tf.concat([p.convW, tf.reshape(p.convB, [1, dims.filters])], 0); // bias as the last row
  const r = patches.map((x) => tf.relu(tf.matMul(x, kernel)));
  // A strict > keeps the earlier quadrant on ties: the first maximum in row-major window order,
  // as tfjs's MaxPoolGrad picks it. Positive ties are common (a blank background gives equal
  // patches, hence equal gradients), so exactly one winner per window is what makes this exact.
  const won01 = tf.greater(r[1], r[0]), won23 = tf.greater(r[3], r[2]);
  const m01 = tf.where(won01, r[1], r[0]), m23 = tf.where(won23, r[3], r[2]);
  const won = tf.greater(m23, m01);
  const pooled = tf.where(won, m23, m01) as tf.Tensor2D;
  // Rows of `pooled` run (image, i', j'), so this is the NHWC flatten of the pooled map.
  const a1 = tf.reshape(pooled, [rows, dims.flat]) as tf.Tensor2D;
  const z2 = tf.add(tf.matMul(a1, p.w1), p.b1) as tf.Tensor2D;
  const h2 = tf.relu(z2);
  const a2 = mask ? tf.mul(h2, mask) as tf.Tensor2D : h2;
  const logits = tf.add(tf.matMul(a2, p.w2), p.b2) as tf.Tensor2D;
  return { rows, patches, won: [won01, won23, won] as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D], pooled, a1, z2, a2, logits };
}

/** Per-example gradients of the per-example loss with respect to each layer's pre-activations. */
export interface CnnBackprop {
  /** Per quadrant, cells × filters (conv pre-activations). */ readonly g1: readonly tf.Tensor2D[];
  /** rows × hidden */ readonly g2: tf.Tensor2D;
  /** rows × classes */ readonly g3: tf.Tensor2D;
}

/**
 * Back-propagates `dLogits` (rows × classes, row i = d loss_i / d logits_i, e.g. `logitGrad` of
 * the cross-entropy, possibly scaled per row) to every layer's pre-activations.
 * Row i of each output depends only on example i.
 */
export function cnnBackprop(p: CnnParams, f: CnnForward, dLogits: tf.Tensor, dims: CnnDims, mask: tf.Tensor | null): CnnBackprop {
  const g3 = dLogits as tf.Tensor2D;
  let g2: tf.Tensor2D = tf.mul(tf.matMul(g3, tf.transpose(p.w2)), tf.step(f.z2));
  if (mask) g2 = tf.mul(g2, mask);
  const da1 = tf.reshape(tf.matMul(g2, tf.transpose(p.w1)), f.pooled.shape);
  // Only each window's winner gets gradient; its relu is active exactly when pooled > 0.
  const d = tf.mul(da1, tf.step(f.pooled));
  const zero = tf.zerosLike(d);
  const [won01, won23, won] = f.won;
  const left = tf.where(won, zero, d), right = tf.where(won, d, zero);
  const g1 = [tf.where(won01, zero, left), tf.where(won01, left, zero), tf.where(won23, zero, right), tf.where(won23, right, zero)];
  return { g1: g1 as tf.Tensor2D[], g2, g3 };
}

/** Multiplies example i's pre-activation gradients by s[i] (s: [rows] or [rows, 1]), which scales its whole gradient. */
export function scaleExamples(b: CnnBackprop, s: tf.Tensor, dims: CnnDims): CnnBackprop {
  const rows = b.g3.shape[0];
  const col = tf.reshape(s, [rows, 1]);
  const g1 = b.g1.map((g) => tf.reshape(tf.mul(tf.reshape(g, [rows, dims.flat]), col), g.shape) as tf.Tensor2D);
  return { g1, g2: tf.mul(b.g2, col), g3: tf.mul(b.g3, col) };
}

/** The gradient summed over examples, per parameter. */
export function sumGradients(f: CnnForward, b: CnnBackprop, dims: CnnDims): Record<CnnParamKey, tf.Tensor> {
  // One (9c + 1) × filters matrix: the kernel rows, then the bias row (the patches' constant 1).
  const conv = tf.addN(f.patches.map((x, q) => tf.matMul(tf.transpose(x), b.g1[q])));
  return {
    convW: tf.slice(conv, [0, 0], [dims.taps, dims.filters]), convB: tf.reshape(tf.slice(conv, [dims.taps, 0], [1, dims.filters]), [dims.filters]),
    w1: tf.matMul(tf.transpose(f.a1), b.g2), b1: tf.sum(b.g2, 0),
    w2: tf.matMul(tf.transpose(f.a2), b.g3), b2: tf.sum(b.g3, 0),
  };
}

/**
 * Exact squared L2 norm of each example's gradient over all parameters (rows-long vector).
 * Dense layers use ‖a_i ⊗ g_i‖² = ‖a_i‖²·‖g_i‖²; the conv layer's per-example gradient
 * Σ_p patch_ip ⊗ g1_ip (bias row included) does not factor, so it is formed explicitly.
 */
export function perExampleSqNorms(f: CnnForward, b: CnnBackprop, dims: CnnDims): tf.Tensor1D {
  const rows = f.rows, cells = dims.ph * dims.pw;
  const rowSq = (t: tf.Tensor2D) => tf.sum(tf.square(t), 1);
  const dense = tf.add(
    tf.mul(rowSq(b.g3), tf.add(rowSq(f.a2), 1)),
    tf.mul(rowSq(b.g2), tf.add(rowSq(f.a1), 1)),
  );
  // rows × (9c + 1) × filters; a batched matMul is slow on wasm, but this one is small.
  const conv = tf.addN(f.patches.map((x, q) => tf.matMul(
    tf.reshape(x, [rows, cells, dims.patch]) as tf.Tensor3D,
    tf.reshape(b.g1[q], [rows, cells, dims.filters]) as tf.Tensor3D, true, false)));
  return tf.add(dense, tf.sum(tf.square(conv), [1, 2])) as tf.Tensor1D;
}
