/**
 * @fileoverview Progress reports, at most every `everyMs`: the workers finish epochs far faster
 * than a page needs to redraw (dozens a second across the pool), and on a 2-core machine every
 * redraw takes CPU from training. A change of phase reports at once (Stop, the pipeline and tests
 * act on it). Target epochs are buffered and all delivered, in order, at the next report.
 */
import type { Phase } from '../core/experiment/progress';

export class ProgressThrottle<Epoch> {
  private buffer: Epoch[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastAt = 0;
  private lastPhase: Phase | null = null;

  /**
   * @param phase the job's phase now
   * @param report delivers one report (with a target epoch, or without when none is buffered)
   */
  constructor(
    private readonly everyMs: number,
    private readonly phase: () => Phase,
    private readonly report: (epoch?: Epoch) => void,
  ) {}

  /** Something changed: report now if the phase did, else at the next slot. */
  emit(epoch?: Epoch): void {
    if (epoch) this.buffer.push(epoch);
    if (this.phase() !== this.lastPhase) {
      if (this.timer !== null) clearTimeout(this.timer);
      this.flush();
      return;
    }
    if (this.timer !== null) return;
    this.timer = setTimeout(() => this.flush(), Math.max(0, this.lastAt + this.everyMs - Date.now()));
  }

  private flush(): void {
    this.timer = null;
    this.lastAt = Date.now();
    this.lastPhase = this.phase();
    const epochs = this.buffer.splice(0);
    if (epochs.length === 0) this.report();
    // Synchronous calls: the page renders once for all of them.
    for (const epoch of epochs) this.report(epoch);
  }
}
