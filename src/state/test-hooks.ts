/**
 * @fileoverview Hooks for the browser fault and memory tests, installed only when the page URL has
 * `?faults=test` (tests/browser/faults.test.ts, privacy.test.ts). They let a test crash the worker,
 * arm a simulated GPU device loss, read the worker's tf.memory(), probe the worker's CSP and drive
 * runs without parsing the UI. Without that parameter nothing is installed, and the worker's
 * fault methods are never called.
 */
import type { Engine } from './engine.svelte';
import type { Playground } from './playground.svelte';
import type { PlaygroundResult } from '../core/experiment/playground-view';
import type { CspProbe } from '../workers/test-faults';
import { withField } from '../core/experiment/config';

/** The numbers of one run, to compare runs (see `runAs`). */
export interface RunNumbers {
  readonly testAccuracy: number;
  readonly attacks: { readonly name: string; readonly auc: number; readonly tprAt1: number }[];
  readonly backend: string;
}

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
  /**
   * Runs the playground's config with `sets` applied as another owner would (a lesson page, the
   * cheat sheet), through the same engine, and returns its numbers.
   */
  runAs(owner: string, sets: Readonly<Record<string, string>>): Promise<RunNumbers>;
  /** Frees everything `owner` holds in the workers. */
  release(owner: string): Promise<void>;
  /** The numbers of the playground's result on show (null when none). */
  shown(): RunNumbers | null;
  /** Where the shown result's time went, per stage, in ms (null when none). */
  timings(): Record<string, number> | null;
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
    poolSize: number;
    /** 'partial' while a preview is on show, 'done' for a finished result, null for none. */
    result: 'partial' | 'done' | null;
  };
}

function numbers(r: PlaygroundResult): RunNumbers {
  return {
    testAccuracy: r.target.testAccuracy,
    attacks: r.attacks.map((a) => ({ name: a.name, auc: a.auc, tprAt1: a.tprAtFpr['0.01'] })),
    backend: r.backend,
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
    runAs: async (owner, sets) => {
      const config = Object.entries(sets).reduce((c, [path, raw]) => withField(c, path, raw), playground.config);
      return numbers(await engine.run(config, undefined, { owner }));
    },
    release: (owner) => engine.release(owner),
    shown: () => (playground.result ? numbers(playground.result) : null),
    timings: () => playground.result?.timingsMs ?? null,
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
      poolSize: engine.poolSize,
      result: playground.result ? (playground.result.partial ? 'partial' : 'done') : null,
    }),
  };
  (globalThis as unknown as { __miaTest: TestHooks }).__miaTest = hooks;
  return true;
}
