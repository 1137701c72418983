/**
 * @fileoverview Where a training loop lets the event loop in: between steps it checks the abort
 * signal and, every 50 ms, yields a macrotask so an abort message (a worker's `onmessage`) can land
 * at all (awaits on resolved promises never let it in). Shared by the MLP and CNN trainers.
 */
import { throwIfAborted, type AbortSignalLike } from '../abort';

/** How long a loop may run before it lets the event loop in (to see an abort, to stay responsive). */
const YIELD_EVERY_MS = 50;

interface PortPair {
  port1: { onmessage: (() => void) | null; close(): void };
  port2: { postMessage(message: unknown): void };
}
// Core has no DOM or Node types; these are the two scheduling hooks it needs.
const host = globalThis as {
  MessageChannel?: new () => PortPair;
  setTimeout?: (callback: () => void, ms: number) => unknown;
};

/**
 * Resolves on a later macrotask, so timers and abort handlers queued meanwhile can run.
 * A MessageChannel message rather than setTimeout(0): browsers clamp nested timeouts to 4 ms,
 * which every 50 ms would cost 8% of training time.
 */
export function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => {
    if (host.MessageChannel) {
      const channel = new host.MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close(); // an open port would keep Node's event loop alive
        resolve();
      };
      channel.port2.postMessage(null);
    } else if (host.setTimeout) {
      host.setTimeout(resolve, 0);
    } else {
      resolve();
    }
  });
}

/** One loop's yield clock. Mutable: `check` and `reset` move the clock. */
export class YieldPoint {
  private last = Date.now();

  constructor(private readonly signal: AbortSignalLike | undefined) {}

  /** Throws CancelledError on abort; yields a macrotask when 50 ms have passed since the last. */
  async check(): Promise<void> {
    throwIfAborted(this.signal);
    if (Date.now() - this.last > YIELD_EVERY_MS) {
      await nextMacrotask();
      throwIfAborted(this.signal);
      this.last = Date.now();
    }
  }

  /** Restarts the clock (after an evaluation that already awaited reads). */
  reset(): void {
    this.last = Date.now();
  }
}
