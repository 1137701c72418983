/**
 * @fileoverview Loss, accuracy and true-class confidence from logits read back to JS, for a
 * trainer's evaluation passes. Plain arrays, no tensors.
 */
import type { EvalResult } from '../models/types';

/**
 * Mean cross-entropy, accuracy and (optionally) the true-class confidence of row-major logits
 * (n × k) against labels. Uses log-sum-exp so confident models don't produce log(0).
 */
export function scoreLogits(logits: Float32Array, y: Int32Array, n: number, k: number, withConfidence: boolean): EvalResult {
  const confidence = withConfidence ? new Float32Array(n) : undefined;
  let loss = 0, correct = 0;
  for (let r = 0; r < n; r++) {
    const o = r * k;
    let max = -Infinity, arg = 0;
    for (let j = 0; j < k; j++) if (logits[o + j] > max) { max = logits[o + j]; arg = j; }
    let sum = 0;
    for (let j = 0; j < k; j++) sum += Math.exp(logits[o + j] - max);
    const logP = logits[o + y[r]] - max - Math.log(sum);
    loss -= logP;
    if (arg === y[r]) correct++;
    if (confidence) confidence[r] = Math.exp(logP);
  }
  return n === 0 ? { loss: 0, accuracy: 0, confidence } : { loss: loss / n, accuracy: correct / n, confidence };
}
