/**
 * @fileoverview Cancellation without DOM types: core sees only the part of AbortSignal it reads,
 * so a real AbortSignal (browser or Node) can be passed straight in.
 */

/** The subset of AbortSignal that core polls between training steps. */
export interface AbortSignalLike {
  readonly aborted: boolean;
}

/** The error every cancelled core call rejects with; `name` matches the DOM's AbortError. */
export class CancelledError extends Error {
  override readonly name = 'AbortError';
  constructor(message = 'The run was cancelled.') {
    super(message);
  }
}

/** Throws CancelledError if `signal` has been aborted. */
export function throwIfAborted(signal: AbortSignalLike | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}
