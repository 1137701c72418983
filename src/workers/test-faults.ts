/**
 * @fileoverview Fault injection for the browser fault tests (tests/browser/faults.test.ts). The
 * page reaches these only through src/state/test-hooks.ts, which exists only when the page URL
 * has `?faults=test`; in normal use nothing calls them and they change nothing.
 */
import type { ProgressEvent } from '../core/experiment/index';

let armed: string | null = null;

/** Throws an uncaught error on the worker's event loop, as a bug in a callback would. */
export function crashForTest(): void {
  setTimeout(() => {
    throw new Error('simulated crash (?faults=test)');
  }, 0);
}

/** Arms a fault: the next run fails with `message` once the target model has trained an epoch. */
export function failNextRunForTest(message: string): void {
  armed = message;
}

/** `onProgress` as is, or, when a fault is armed, wrapped to throw it mid-training (and disarm). */
export function withArmedFault(onProgress: (e: ProgressEvent) => void): (e: ProgressEvent) => void {
  if (armed === null) return onProgress;
  const message = armed;
  armed = null;
  let fired = false;
  return (e) => {
    if (!fired && e.phase === 'target' && e.fraction > 0) {
      fired = true;
      throw new Error(message);
    }
    onProgress(e);
  };
}
