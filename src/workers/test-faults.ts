/**
 * @fileoverview Fault injection for the browser fault tests (tests/browser/faults.test.ts). The
 * page reaches these only through src/state/test-hooks.ts, which exists only when the page URL
 * has `?faults=test`; in normal use nothing calls them and they change nothing.
 */
import type { ProgressEvent } from '../core/experiment/index';

/** The fault the next run meets: a thrown error (the run rejects) or an uncaught one (a crash). */
let armed: { readonly kind: 'fail' | 'crash'; readonly message: string } | null = null;

/** Throws an uncaught error on the worker's event loop, as a bug in a callback would. */
export function crashForTest(): void {
  setTimeout(() => {
    throw new Error('simulated crash (?faults=test)');
  }, 0);
}

/** Arms a fault: the next run fails with `message` once the target model has trained an epoch. */
export function failNextRunForTest(message: string): void {
  armed = { kind: 'fail', message };
}

/**
 * Arms a crash in the middle of the next run. A busy worker answers messages and timers only
 * when its run yields, so a crash requested from outside could land after the run; this one is
 * raised from inside it, as an uncaught error in a microtask.
 */
export function crashNextRunForTest(): void {
  armed = { kind: 'crash', message: 'simulated crash during a run (?faults=test)' };
}

/** `onProgress` as is, or, when a fault is armed, wrapped to raise it mid-training (and disarm). */
export function withArmedFault(onProgress: (e: ProgressEvent) => void): (e: ProgressEvent) => void {
  if (armed === null) return onProgress;
  const fault = armed;
  armed = null;
  let fired = false;
  return (e) => {
    if (!fired && e.phase === 'target' && e.fraction > 0) {
      fired = true;
      if (fault.kind === 'fail') throw new Error(fault.message);
      queueMicrotask(() => {
        throw new Error(fault.message);
      });
    }
    onProgress(e);
  };
}

/** What the worker's Content-Security-Policy let through (tests/browser/privacy.test.ts). */
export interface CspProbe {
  /** 'blocked (<the error>)', or 'reached (HTTP n)' when the request left the worker. */
  readonly fetch: string;
  /** 'blocked', or 'ran' when a string was compiled as code in a later task. */
  readonly eval: string;
  /** Violations the worker saw while probing: "<directive> <blocked URL>". */
  readonly violations: readonly string[];
}

/**
 * Tries, from inside the worker, what the policy must refuse: a request to another origin
 * (`offOrigin`, a server the test runs, so it would answer) and eval in a later task, where page
 * code would run it (a call made straight from a message may be treated differently).
 */
export async function probeCspForTest(offOrigin: string): Promise<CspProbe> {
  const violations: string[] = [];
  const record = (e: SecurityPolicyViolationEvent) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`);
  self.addEventListener('securitypolicyviolation', record);
  let fetched: string;
  try {
    const res = await fetch(offOrigin, { cache: 'no-store' });
    fetched = `reached (HTTP ${res.status})`;
  } catch (err) {
    fetched = `blocked (${String(err)})`;
  }
  const evaluated = await new Promise<string>((resolve) =>
    setTimeout(() => {
      try {
        (0, eval)('1 + 1');
        resolve('ran');
      } catch {
        resolve('blocked');
      }
    }, 0),
  );
  // Violation events are queued as tasks; let them arrive before reporting.
  await new Promise((resolve) => setTimeout(resolve, 50));
  self.removeEventListener('securitypolicyviolation', record);
  return { fetch: fetched, eval: evaluated, violations };
}
