/**
 * @fileoverview The connection to the experiment worker: starts it, reports its backend, and
 * runs the backend self-test. Cancelling or a crash terminates the worker and starts a new one.
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { WorkerApi } from '../workers/worker-api';
import type { BackendInfo } from '../workers/tf-backend';
import type { SmokeResult } from '../workers/smoke-train';
import type { PlaygroundResult } from '../workers/playground-view';
import type { CsvFailure, CsvSummary } from '../workers/csv-session';
import type { ExperimentConfig, ProgressEvent } from '../core/experiment/index';
import { forcedBackendFromSearch, type BackendName } from '../workers/backend-choice';
import type { MetaSample } from '../lessons/result';

export type EngineStatus = 'starting' | 'ready' | 'error';

/** A run was cut short because the worker crashed; the engine restarts itself and says so in `notice`. */
export class EngineCrashError extends Error {
  override readonly name = 'EngineCrashError';
}

/** More crashes than this within CRASH_WINDOW_MS stop the automatic restarts (a broken build would loop). */
const MAX_CRASHES = 3;
const CRASH_WINDOW_MS = 60_000;

export class Engine {
  status: EngineStatus = $state('starting');
  backend: BackendInfo | null = $state.raw(null);
  error: string | null = $state(null);
  selfTest: SmokeResult | null = $state.raw(null);
  selfTesting = $state(false);
  /** A message about something the engine recovered from (a crash, a restart); cleared by the next run. */
  notice: string | null = $state(null);

  private worker: Worker | null = null;
  private api: Remote<WorkerApi> | null = null;

  /** The backend forced after a fault (e.g. WebGPU lost), overriding the URL. */
  private fallback: BackendName | null = null;
  private ready: Promise<void> | null = null;
  /** Rejects when the current worker crashes, so pending calls do not hang. */
  private crashed: Promise<never> = new Promise(() => undefined);
  private crashTimes: number[] = [];

  /** Spawns the worker and starts its backend. Safe to call again after a failure. */
  start(search = location.search): Promise<void> {
    this.ready = this.spawn(search);
    return this.ready;
  }

  /** Waits for the latest start, including one that a crash began while waiting. */
  private async whenReady(): Promise<void> {
    while (this.ready) {
      const pending = this.ready;
      await pending;
      if (pending === this.ready) return;
    }
  }

  /** Counts worker starts, so callers know when worker-side state (a loaded CSV) was lost. */
  generation = 0;

  private async spawn(search: string): Promise<void> {
    this.stop();
    this.generation++;
    this.status = 'starting';
    this.error = null;
    this.worker = new Worker(new URL('../workers/experiment.worker.ts', import.meta.url), { type: 'module', name: 'experiment' });
    this.crashed = new Promise<never>((_, reject) => {
      this.worker!.addEventListener('error', (event) => {
        // An uncaught error in the worker: it may be in any state, so replace it. Settings live on
        // this side and survive; models and a loaded CSV are rebuilt on the next run.
        event.preventDefault();
        const now = Date.now();
        this.crashTimes = [...this.crashTimes.filter((t) => now - t < CRASH_WINDOW_MS), now];
        const what = event.message || 'unknown error';
        if (this.crashTimes.length > MAX_CRASHES) {
          reject(new EngineCrashError(`The engine crashed (${what}).`));
          this.stop();
          this.fail(`The engine crashed ${this.crashTimes.length} times within a minute (last: ${what}), so it was not restarted again. Reload the page to try again.`);
          return;
        }
        this.notice = `The engine crashed (${what}) and was restarted; your settings are kept.`;
        reject(new EngineCrashError(this.notice));
        void this.start(search);
      });
    });
    this.crashed.catch(() => undefined);
    this.api = wrap<WorkerApi>(this.worker);
    try {
      const info = await Promise.race([this.api.init(this.fallback ?? forcedBackendFromSearch(search)), this.crashed]);
      this.backend = this.fallback ? { ...info, reason: `A run failed on ${this.fallbackFrom ?? 'the GPU'}, so the engine restarted on ${info.backend}.` } : info;
      this.status = 'ready';
    } catch (err) {
      if (err instanceof EngineCrashError) return;
      this.fail(err instanceof Error ? err.message : String(err));
    }
  }

  /** Trains the tiny self-test model in the worker and keeps its result. */
  async runSelfTest(): Promise<SmokeResult | null> {
    if (!this.api || this.status !== 'ready') return null;
    this.selfTesting = true;
    try {
      this.selfTest = await this.api.selfTest();
      return this.selfTest;
    } catch (err) {
      this.fail(err instanceof Error ? err.message : String(err));
      return null;
    } finally {
      this.selfTesting = false;
    }
  }

  /**
   * Runs an experiment in the worker. Rejects if the worker is stopped meanwhile (the caller
   * drops stale results by request id). Progress events arrive through a comlink proxy.
   */
  async run(config: ExperimentConfig, onProgress: (e: ProgressEvent) => void): Promise<PlaygroundResult> {
    await this.whenReady();
    if (!this.api || this.status !== 'ready') throw new Error(this.error ?? 'The engine is not running.');
    this.notice = null;
    return Promise.race([this.api.run(JSON.parse(JSON.stringify(config)), proxy(onProgress)), this.crashed]);
  }

  /** Lesson 5: a run that also returns rows of the shadow-model attack's meta-dataset. */
  async lessonMeta(config: ExperimentConfig, onProgress: (e: ProgressEvent) => void): Promise<{ result: PlaygroundResult; meta: MetaSample }> {
    await this.whenReady();
    if (!this.api || this.status !== 'ready') throw new Error(this.error ?? 'The engine is not running.');
    return Promise.race([this.api.lessonMeta(JSON.parse(JSON.stringify(config)), proxy(onProgress)), this.crashed]);
  }

  /** Parses a CSV in the worker (large files never block the page). */
  async loadCsv(text: string, labelColumn: string, dropInvalidRows: boolean, name: string): Promise<CsvSummary | CsvFailure> {
    await this.whenReady();
    if (!this.api) throw new Error('The engine is not running.');
    return Promise.race([this.api.loadCsv(text, labelColumn, dropInvalidRows, name), this.crashed]);
  }

  /** Restarts the worker on wasm after a WebGPU fault; settings live on the main thread and survive. */
  async fallBackToWasm(): Promise<void> {
    this.fallbackFrom = this.backend?.backend ?? null;
    this.fallback = 'wasm';
    await this.start();
  }

  private fallbackFrom: string | null = null;

  /**
   * Test-only fault injection (tests/browser/faults.test.ts). Only src/state/test-hooks.ts calls
   * these, and it is installed only when the page URL has `?faults=test`.
   */
  readonly faultsForTest = {
    /** Makes the worker throw an uncaught error, as a bug would. */
    crash: (): Promise<void> | undefined => this.api?.crashForTest(),
    /** Makes the worker's next run fail mid-training with `message` (e.g. a GPU device loss). */
    failNextRun: (message: string): Promise<void> | undefined => this.api?.failNextRunForTest(message),
    /** Makes the worker crash in the middle of its next run. */
    crashNextRun: (): Promise<void> | undefined => this.api?.crashNextRunForTest(),
    /** Tries an off-origin request and eval from inside the worker; says what got through. */
    probeCsp: (offOrigin: string) => this.api?.probeCspForTest(offOrigin),
  };

  /** Live tensors in the worker (for leak checks and the memory readout). */
  async memory(): Promise<{ numTensors: number; numBytes: number } | null> {
    return this.api ? this.api.memory() : null;
  }

  /** Terminates the worker; anything it was computing is dropped. */
  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }

  private fail(message: string): void {
    this.status = 'error';
    this.error = message;
  }
}
