/**
 * @fileoverview Fault injection for the browser fault tests (tests/browser/faults.test.ts). The
 * page reaches these only through src/state/test-hooks.ts, which exists only when the page URL
 * has `?faults=test`; in normal use nothing calls them and they change nothing.
 */
import type { TaskProgress } from '../engine/experiment/tasks';

/**
 * A fault the page's job runner attaches to the next target task it sends: a thrown error (the
 * task rejects, as on a lost GPU device) or an uncaught one (the worker crashes).
 */
export interface TaskFault {
  readonly kind: 'fail' | 'crash';
  readonly message: string;
}

/** The message of the crash `crashNextRun` arms. */
export const CRASH_DURING_RUN = 'simulated crash during a run (?faults=test)';

/** Throws an uncaught error on the worker's event loop, as a bug in a callback would. */
export function crashForTest(): void {
  setTimeout(() => {
    throw new Error('simulated crash (?faults=test)');
  }, 0);
}

/**
 * `onProgress` as is, or, with a fault, wrapped to raise it once the target has trained an epoch.
 * A busy worker answers messages and timers only when its task yields, so a crash requested from
 * outside could land after the task; this one is raised from inside it, in a microtask.
 */
export function withFault(fault: TaskFault | undefined, onProgress: (p: TaskProgress) => void): (p: TaskProgress) => void {
  if (!fault) return onProgress;
  let fired = false;
  return (p) => {
    if (!fired && p.targetEpoch && p.epochsDone > 0) {
      fired = true;
      if (fault.kind === 'fail') throw new Error(fault.message);
      queueMicrotask(() => {
        throw new Error(fault.message);
      });
    }
    onProgress(p);
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
