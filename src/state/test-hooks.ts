/**
 * @fileoverview Hooks for the browser fault and memory tests, installed only when the page URL has
 * `?faults=test` (tests/browser/faults.test.ts, privacy.test.ts). They let a test crash the worker,
 * arm a simulated GPU device loss, read the worker's tf.memory(), probe the worker's CSP and drive
 * runs without parsing the UI. Without that parameter nothing is installed, and the worker's
 * fault methods are never called.
 */
import type { Engine } from './engine.svelte';
import type { Playground } from './playground.svelte';
import type { CspProbe } from '../workers/test-faults';

/** What `window.__miaTest` offers a test. */
export interface TestHooks {
  crashWorker(): Promise<void> | undefined;
  failNextRun(message: string): Promise<void> | undefined;
  crashNextRun(): Promise<void> | undefined;
  memory(): Promise<{ numTensors: number; numBytes: number } | null>;
  /** From inside the worker: a request to `offOrigin` and an eval, and the violations reported. */
  probeWorkerCsp(offOrigin: string): Promise<CspProbe> | undefined;
  /** The phase of the run in progress, or null. */
  phase(): string | null;
  set(path: string, raw: string): void;
  run(): Promise<void>;
  stop(): Promise<void>;
  state(): {
    status: string;
    backend: string | null;
    generation: number;
    running: boolean;
    error: string | null;
    notice: string | null;
    engineNotice: string | null;
    resultBackend: string | null;
    seed: number;
  };
}

/** Installs `window.__miaTest` when `search` has `faults=test`; returns whether it did. */
export function installTestHooks(search: string, engine: Engine, playground: Playground): boolean {
  if (new URLSearchParams(search).get('faults') !== 'test') return false;
  const hooks: TestHooks = {
    crashWorker: () => engine.faultsForTest.crash(),
    failNextRun: (message) => engine.faultsForTest.failNextRun(message),
    crashNextRun: () => engine.faultsForTest.crashNextRun(),
    memory: () => engine.memory(),
    probeWorkerCsp: (offOrigin) => engine.faultsForTest.probeCsp(offOrigin),
    phase: () => playground.progress?.phase ?? null,
    set: (path, raw) => playground.set(path, raw),
    run: () => playground.run(),
    stop: () => playground.stop(),
    state: () => ({
      status: engine.status,
      backend: engine.backend?.backend ?? null,
      generation: engine.generation,
      running: playground.running,
      error: playground.error,
      notice: playground.notice,
      engineNotice: engine.notice,
      resultBackend: playground.result?.backend ?? null,
      seed: playground.config.seed,
    }),
  };
  (globalThis as unknown as { __miaTest: TestHooks }).__miaTest = hooks;
  return true;
}
