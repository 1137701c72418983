/**
 * @fileoverview Per-record membership signals computed from a model's output.
 *
 * Members tend to get a higher true-class confidence, a lower loss and a more peaked output than
 * non-members. The raw measurements (loss, entropy, …) keep their usual sign so they can be shown
 * with their usual names; `signalScores` turns them into membership scores where higher = member.
 * All arithmetic is float64 and never produces NaN or ±Infinity, even for probabilities of exactly
 * 0 or 1 (which float32 softmax outputs and the rounded API produce routinely).
 */

/**
 * Floor for probabilities inside a log (loss, entropies): caps the loss of a confidently wrong
 * record at −log(1e-12) ≈ 27.6, so one such record doesn't swamp averages and plots.
 */
export const PROB_EPSILON = 1e-12;

/**
 * Floor inside LiRA's φ. Much smaller than PROB_EPSILON on purpose: LiRA's power sits at the most
 * confident records, and a coarse floor would flatten them together. 1e-45 follows the reference
 * implementation of Carlini et al. (2022); it caps |φ| near 103.6.
 */
export const PHI_EPSILON = 1e-45;

/** The scalar signals a threshold attack can use. */
export type ScoreSignal = 'confidence' | 'loss' | 'entropy' | 'mentropy' | 'phi';

function checkShapes(probs: ArrayLike<number>, labels: Int32Array, n: number, C: number): void {
  if (probs.length !== n * C) throw new Error(`Expected ${n} × ${C} values, got ${probs.length}.`);
  if (labels.length !== n) throw new Error(`Expected ${n} labels, got ${labels.length}.`);
  for (let r = 0; r < n; r++) {
    if (labels[r] < 0 || labels[r] >= C) throw new Error(`Label ${labels[r]} of row ${r} is outside 0..${C - 1}.`);
  }
}

/** p_y: the probability given to the true class, per row. probs n × C row-major. Returns a new array. */
export function trueClassConfidence(probs: ArrayLike<number>, labels: Int32Array, n: number, C: number): Float64Array {
  checkShapes(probs, labels, n, C);
  const out = new Float64Array(n);
  for (let r = 0; r < n; r++) out[r] = probs[r * C + labels[r]];
  return out;
}

/**
 * Cross-entropy loss −log p_y in nats, with p_y floored at PROB_EPSILON. Returns a new array.
 * @param fullVector whether `probs` holds every class's probability as the model computed it.
 *   Only then is the loss made precise near p_y = 1 from the other classes' mass. Under a top-k
 *   API the hidden classes read as 0 (so every revealed p_y > 0.5 would get loss exactly 0), and
 *   under rounding the other entries no longer agree with p_y; there the loss is −log(max(p_y, ε))
 *   of the revealed p_y, a strictly decreasing function of it, so it ranks records exactly as the
 *   confidence does.
 */
export function crossEntropyLoss(probs: ArrayLike<number>, labels: Int32Array, n: number, C: number, fullVector = true): Float64Array {
  checkShapes(probs, labels, n, C);
  const out = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const py = probs[r * C + labels[r]];
    if (fullVector && py > 0.5) {
      // Near p_y = 1, float32 rounds p_y to exactly 1 and many records tie at loss 0; the mass on the
      // other classes keeps its precision, so −log1p(−Σ_{c≠y} p_c) still ranks them.
      let rest = 0;
      for (let c = 0; c < C; c++) if (c !== labels[r]) rest += probs[r * C + c];
      out[r] = 0 - Math.log1p(-Math.min(rest, 0.5));
    } else {
      out[r] = 0 - Math.log(Math.max(py, PROB_EPSILON)); // 0 − x: no −0
    }
  }
  return out;
}

/** Shannon entropy −Σ p log p of each row in nats (0·log 0 = 0). Needs no labels. Returns a new array. */
export function predictionEntropy(probs: ArrayLike<number>, n: number, C: number): Float64Array {
  if (probs.length !== n * C) throw new Error(`Expected ${n} × ${C} values, got ${probs.length}.`);
  const out = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    let h = 0;
    for (let c = 0; c < C; c++) {
      const p = probs[r * C + c];
      if (p > 0) h -= p * Math.log(p);
    }
    out[r] = h;
  }
  return out;
}

/**
 * Modified entropy (Song & Mittal 2021): −(1−p_y) log p_y − Σ_{i≠y} p_i log(1−p_i), in nats.
 * Unlike plain entropy it uses the label, so a confidently WRONG output scores high (non-member-like)
 * instead of low. Both logs are floored at PROB_EPSILON; log(1−p) uses log1p for accuracy at small p.
 * Returns a new array.
 */
export function modifiedEntropy(probs: ArrayLike<number>, labels: Int32Array, n: number, C: number): Float64Array {
  checkShapes(probs, labels, n, C);
  const out = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const y = labels[r];
    const py = Math.min(Math.max(probs[r * C + y], 0), 1);
    let m = 0 - (1 - py) * Math.log(Math.max(py, PROB_EPSILON));
    for (let c = 0; c < C; c++) {
      if (c === y) continue;
      const p = Math.min(Math.max(probs[r * C + c], 0), 1);
      if (p > 0) m -= p * Math.log1p(-Math.min(p, 1 - PROB_EPSILON));
    }
    out[r] = m;
  }
  return out;
}

/**
 * LiRA's logit-scaled confidence φ = log(p_y / (1 − p_y)), computed as log p_y − log Σ_{i≠y} p_i.
 * Summing the other entries instead of forming 1 − p_y keeps precision when p_y rounds to 1 in
 * float32: the small entries still carry the information. Both terms are floored at PHI_EPSILON.
 * Under a top-k API, hidden entries are 0 and the sum covers the revealed ones only.
 * Returns a new array.
 */
export function phiFromProbs(probs: ArrayLike<number>, labels: Int32Array, n: number, C: number): Float64Array {
  checkShapes(probs, labels, n, C);
  const out = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const y = labels[r];
    let rest = 0;
    for (let c = 0; c < C; c++) if (c !== y) rest += Math.max(probs[r * C + c], 0);
    out[r] = Math.log(Math.max(probs[r * C + y], PHI_EPSILON)) - Math.log(Math.max(rest, PHI_EPSILON));
  }
  return out;
}

/**
 * φ from logits: z_y − logsumexp_{i≠y} z_i, which equals log(p_y / (1 − p_y)) exactly and never
 * saturates, so prefer it when the orchestrator has logits (white-box or reference models).
 * logits n × C row-major, C >= 2. Returns a new array.
 */
export function phiFromLogits(logits: ArrayLike<number>, labels: Int32Array, n: number, C: number): Float64Array {
  checkShapes(logits, labels, n, C);
  if (C < 2) throw new Error('φ needs at least two classes.');
  const out = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const y = labels[r];
    let max = -Infinity;
    for (let c = 0; c < C; c++) if (c !== y && logits[r * C + c] > max) max = logits[r * C + c];
    let sum = 0;
    for (let c = 0; c < C; c++) if (c !== y) sum += Math.exp(logits[r * C + c] - max);
    out[r] = logits[r * C + y] - (max + Math.log(sum));
  }
  return out;
}

/**
 * Membership scores (higher = member) for one signal: confidence → p_y, loss → −loss,
 * entropy → −entropy, mentropy → −modified entropy, phi → φ. Returns a new array.
 * @param fullVector false when an output API hid or rounded entries (see crossEntropyLoss).
 */
export function signalScores(signal: ScoreSignal, probs: ArrayLike<number>, labels: Int32Array, n: number, C: number, fullVector = true): Float64Array {
  switch (signal) {
    case 'confidence':
      return trueClassConfidence(probs, labels, n, C);
    case 'phi':
      return phiFromProbs(probs, labels, n, C);
    case 'loss':
      return negate(crossEntropyLoss(probs, labels, n, C, fullVector));
    case 'mentropy':
      return negate(modifiedEntropy(probs, labels, n, C));
    case 'entropy':
      checkShapes(probs, labels, n, C);
      return negate(predictionEntropy(probs, n, C));
  }
}

/** Negates in place and returns the same array (avoids a copy; `-0` becomes `0`). */
function negate(values: Float64Array): Float64Array {
  for (let i = 0; i < values.length; i++) values[i] = 0 - values[i];
  return values;
}
