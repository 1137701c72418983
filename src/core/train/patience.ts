/**
 * @fileoverview Early stopping's bookkeeping for K models, without tensors: the best validation
 * loss so far, its epoch, epochs waited since, and which models still train. Both trainers use it;
 * each keeps its own copy of the best weights (tensors) where `update` says a model improved.
 */

/** Tracks K models through `epochs` planned epochs. Mutable: `update` advances it. */
export class Patience {
  /** Per model, the epoch of the lowest validation loss (the planned count until one is seen). */
  readonly bestEpoch: number[];
  /** Per model, the epoch after which it stopped (the planned count if it never did). */
  readonly stoppedEpoch: number[];
  /** Per model, whether it still trains. */
  readonly active: boolean[];
  private readonly bestLoss: number[];
  private readonly waiting: number[];

  /** @param patience epochs without improvement before a model stops (0 disables stopping) */
  constructor(k: number, epochs: number, private readonly patience: number) {
    this.bestEpoch = new Array(k).fill(epochs);
    this.stoppedEpoch = new Array(k).fill(epochs);
    this.active = new Array(k).fill(true);
    this.bestLoss = new Array(k).fill(Infinity);
    this.waiting = new Array(k).fill(0);
  }

  /** True while at least one model still trains. */
  get anyActive(): boolean {
    return this.active.some((a) => a);
  }

  /**
   * Records the validation losses after `epoch` (1-based). A loss is an improvement only if it is
   * strictly below the best so far (NaN never is). Returns, per model, whether it improved.
   */
  update(epoch: number, losses: readonly number[]): boolean[] {
    const improved = losses.map((loss, m) => this.active[m] && loss < this.bestLoss[m]);
    losses.forEach((loss, m) => {
      if (!this.active[m]) return;
      if (improved[m]) {
        this.bestLoss[m] = loss;
        this.bestEpoch[m] = epoch;
        this.waiting[m] = 0;
      } else if (++this.waiting[m] >= this.patience && this.patience > 0) {
        this.active[m] = false;
        this.stoppedEpoch[m] = epoch;
      }
    });
    return improved;
  }
}
