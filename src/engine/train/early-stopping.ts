/**
 * @fileoverview Early stopping for one model or K stacked ones, of any architecture: the shared
 * patience bookkeeping (core/train/patience.ts) plus a copy of each model's best weights and the
 * optimizer's active mask. Parameters are handled as the architecture's flat tensor list.
 */
import * as tf from '@tensorflow/tfjs-core';
import { Patience } from '../../core/train/patience';

/** Tracks K models; owns its tensors (best weights, active mask) until `dispose`. */
export class EarlyStopper {
  private readonly patience: Patience;
  private best: tf.Tensor[] | null = null;
  private mask: tf.Tensor | null = null;

  /**
   * @param patience epochs without improvement before a model stops (0 disables stopping)
   * @param keepBest whether to keep a copy of the best weights (restoreBest)
   */
  constructor(
    k: number,
    epochs: number,
    patience: number,
    private readonly keepBest: boolean,
  ) {
    this.patience = new Patience(k, epochs, patience);
  }

  get bestEpoch(): number[] {
    return this.patience.bestEpoch;
  }

  get stoppedEpoch(): number[] {
    return this.patience.stoppedEpoch;
  }

  get active(): boolean[] {
    return this.patience.active;
  }

  /** True while at least one model still trains. */
  get anyActive(): boolean {
    return this.patience.anyActive;
  }

  /** [K, 1, 1] 0/1 mask of active models for the optimizer, or null when all are active. Owned here. */
  get activeMask(): tf.Tensor | null {
    return this.mask;
  }

  /**
   * Records the validation losses after `epoch` (1-based) and updates the best copies.
   * Does not mutate or keep `params`'s tensors (copies are made).
   * @param params the architecture's parameter tensors; stacked ([K, ..]) when K > 1
   */
  update(epoch: number, losses: readonly number[], params: readonly tf.Tensor[]): void {
    const k = losses.length;
    const improved = this.patience.update(epoch, losses);
    if (this.keepBest && improved.some((i) => i)) this.copyBest(improved, params);
    if (k > 1 && this.active.some((a) => !a)) {
      this.mask?.dispose();
      this.mask = tf.tensor(this.active.map((a) => (a ? 1 : 0)), [k, 1, 1]);
    }
  }

  private copyBest(improved: readonly boolean[], params: readonly tf.Tensor[]): void {
    if (!this.best || improved.every((i) => i)) {
      if (this.best) tf.dispose(this.best);
      this.best = params.map((t) => t.clone());
      return;
    }
    // Stacked, some improved: blend in the improved models only.
    const old = this.best;
    const sel = tf.tensor(improved.map((i) => (i ? 1 : 0)), [improved.length, 1, 1]);
    this.best = old.map((b, i) => tf.tidy(() => tf.add(b, tf.mul(sel, tf.sub(params[i], b)))));
    sel.dispose();
    tf.dispose(old);
  }

  /**
   * Hands over the best weights (ownership passes to the caller), or null if none were kept.
   * A model stacked with others that never improved keeps its first-epoch weights.
   */
  takeBest(): tf.Tensor[] | null {
    const best = this.best;
    this.best = null;
    return best;
  }

  /** Frees the kept copies and the mask. */
  dispose(): void {
    if (this.best) tf.dispose(this.best);
    this.best = null;
    this.mask?.dispose();
    this.mask = null;
  }
}
