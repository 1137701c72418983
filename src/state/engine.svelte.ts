/**
 * @fileoverview The engine as the views see it: the pool's status and backend, the self-test, and
 * runs submitted to the one job runner (job-runner.ts). Cancelling a run or a crash restarts only
 * the workers concerned; settings live on the page and survive.
 */
import type { BackendInfo } from '../workers/tf-backend';
import type { SmokeResult } from '../workers/smoke-train';
import type { PlaygroundResult } from '../core/experiment/playground-view';
import type { CsvFailure, CsvSummary } from '../workers/csv-session';
import type { ExperimentConfig } from '../core/experiment/config';
import type { ProgressEvent } from '../core/experiment/progress';
import { forcedBackendFromSearch, type BackendName } from '../workers/backend-choice';
import type { MetaSample } from '../lessons/result';
import { EngineCrashError, WorkerPool, forcedPoolSizeFromSearch, poolSize } from './job-runner-pool';
import { JobCancelledError, type JobProgress } from './job-runner-job';
import { JobRunner } from './job-runner';

export { EngineCrashError };
export type { JobProgress };

export type EngineStatus = 'starting' | 'ready' | 'error';

/** Who submits a run: each keeps its own models and replaces only its own runs. */
export type RunOwner = 'playground' | 'lessons' | 'sweep' | (string & {});

export interface RunOptions {
  /** Default 'playground'. */
  readonly owner?: RunOwner;
  /** Results on the models trained so far, while the run goes on. */
  readonly onPartial?: (r: PlaygroundResult) => void;
  /** Per-record confidences after each epoch (default true: the animated histogram reads them). */
  readonly confidenceSnapshots?: boolean;
  /** Aborting cancels the run, also one that has not reached the workers yet. */
  readonly signal?: AbortSignal;
}

export class Engine {
  status: EngineStatus = $state('starting');
  backend: BackendInfo | null = $state.raw(null);
  error: string | null = $state(null);
  selfTest: SmokeResult | null = $state.raw(null);
  selfTesting = $state(false);
  /** A message about something the engine recovered from (a crash, a restart); cleared by the next run. */
  notice: string | null = $state(null);
  /** Worker starts so far, so callers know when worker-side state was rebuilt. */
  generation = $state(0);
  /** Workers in the pool: one per spare core, at least 2, at most 4 (`?workers=N` overrides). */
  readonly poolSize: number;

  private readonly pool: WorkerPool;
  private readonly runner: JobRunner;
  /** The backend forced after a fault (e.g. WebGPU lost), overriding the URL. */
  private fallback: BackendName | null = null;
  private fallbackFrom: string | null = null;
  private starting: Promise<void> | null = null;
  private shownInfo: BackendInfo | null = null;
  private search = '';

  constructor(search = typeof location === 'undefined' ? '' : location.search) {
    this.search = search;
    const cores = typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency;
    this.poolSize = poolSize(cores, forcedPoolSizeFromSearch(search));
    this.pool = new WorkerPool(this.poolSize, {
      onChange: () => this.sync(),
      onCrash: (message, fatal) => {
        if (fatal) this.runner.dropAll(new EngineCrashError(message));
        else this.notice = message;
      },
    });
    this.runner = new JobRunner(this.pool);
  }

  /** Starts (or restarts) every worker; running jobs end. Safe to call again after a failure. */
  start(search = this.search): Promise<void> {
    this.search = search;
    this.runner.dropAll(new JobCancelledError('The engine restarted.'));
    const started = this.pool.start(this.fallback ?? forcedBackendFromSearch(search));
    this.starting = started;
    this.sync();
    return started;
  }

  /** Waits for the latest start, including one begun while waiting. */
  private async whenStarted(): Promise<void> {
    while (this.starting) {
      const pending = this.starting;
      await pending;
      if (pending === this.starting) return;
    }
  }

  private sync(): void {
    this.generation = this.pool.generation;
    this.error = this.pool.error;
    this.status = this.pool.error ? 'error' : this.pool.ready ? 'ready' : 'starting';
    // The first worker speaks for the pool (they all start the same way); while it restarts, the
    // backend it had stays on show.
    const info = this.pool.handles[0]?.info ?? null;
    if (info && info !== this.shownInfo) {
      this.shownInfo = info;
      this.backend = this.fallback ? { ...info, reason: `A run failed on ${this.fallbackFrom ?? 'the GPU'}, so the engine restarted on ${info.backend}.` } : info;
    }
    this.runner.pump();
  }

  /** Trains the tiny self-test model in the first worker and keeps its result. */
  async runSelfTest(): Promise<SmokeResult | null> {
    const h = this.pool.handles[0];
    if (!h || h.state !== 'ready') return null;
    this.selfTesting = true;
    try {
      this.selfTest = await h.race(h.api.selfTest());
      return this.selfTest;
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
      this.status = 'error';
      return null;
    } finally {
      this.selfTesting = false;
    }
  }

  /**
   * Runs an experiment as a job of `options.owner`. Resolves with the final result; rejects with
   * JobCancelledError when Stop or a newer run of the same owner replaced it, and with
   * EngineCrashError when a worker it used crashed.
   */
  async run(config: ExperimentConfig, onProgress?: (e: ProgressEvent) => void, options: RunOptions = {}): Promise<PlaygroundResult> {
    await this.whenStarted();
    if (this.pool.error) throw new Error(this.pool.error);
    this.notice = null;
    return this.runner.submit({
      owner: options.owner ?? 'playground',
      config,
      csv: config.data.name === 'csv',
      confidenceSnapshots: options.confidenceSnapshots ?? true,
      onProgress: onProgress as ((p: JobProgress) => void) | undefined,
      onPartial: options.onPartial,
      signal: options.signal,
    });
  }

  /** Lesson 5: a run that also returns rows of the shadow-model attack's meta-dataset. */
  async lessonMeta(config: ExperimentConfig, onProgress?: (e: ProgressEvent) => void, owner: RunOwner = 'lessons'): Promise<{ result: PlaygroundResult; meta: MetaSample }> {
    await this.whenStarted();
    if (this.pool.error) throw new Error(this.pool.error);
    const result = await this.runner.submit({ owner, config, withShadows: true, onProgress: onProgress as ((p: JobProgress) => void) | undefined });
    return { result, meta: await this.runner.metaSample(owner, config) };
  }

  /** Whether `owner`'s last run was trained for `config`, so only the attacks rerun. */
  canReattack(owner: RunOwner, config: ExperimentConfig): boolean {
    return this.runner.canReattack(owner, config);
  }

  /** Stops `owner`'s running job: the workers it used restart; its models are freed. */
  cancel(owner: RunOwner): void {
    this.runner.cancelOwner(owner);
  }

  /** Frees everything `owner` holds in the workers (e.g. when a lesson page closes). */
  release(owner: RunOwner): Promise<void> {
    return this.runner.releaseOwner(owner);
  }

  /** Parses a CSV in the workers (large files never block the page); every worker keeps it. */
  async loadCsv(text: string, labelColumn: string, dropInvalidRows: boolean, name: string): Promise<CsvSummary | CsvFailure> {
    await this.whenStarted();
    const summary = await this.pool.loadCsv(text, labelColumn, dropInvalidRows, name);
    if (summary.ok) this.runner.csvVersion++;
    return summary;
  }

  /** Restarts the pool on wasm after a WebGPU fault; settings live on the main thread and survive. */
  async fallBackToWasm(): Promise<void> {
    this.fallbackFrom = this.backend?.backend ?? null;
    this.fallback = 'wasm';
    this.backend = null;
    await this.start();
  }

  /**
   * Test-only fault injection (tests/browser/faults.test.ts). Only src/state/test-hooks.ts calls
   * these, and it is installed only when the page URL has `?faults=test`.
   */
  readonly faultsForTest = {
    /** Makes the first worker throw an uncaught error, as a bug would. */
    crash: (): Promise<void> | undefined => this.pool.handles[0]?.api.crashForTest(),
    /** Makes the next run's target fail mid-training with `message` (e.g. a GPU device loss). */
    failNextRun: (message: string): Promise<void> => Promise.resolve(this.runner.armFault('fail', message)),
    /** Makes the worker training the next run's target crash mid-training. */
    crashNextRun: (): Promise<void> => Promise.resolve(this.runner.armFault('crash')),
    /** Tries an off-origin request and eval from inside a worker; says what got through. */
    probeCsp: (offOrigin: string) => this.pool.handles[0]?.api.probeCspForTest(offOrigin),
  };

  /** Live tensors in all workers together (for leak checks and the memory readout). */
  async memory(): Promise<{ numTensors: number; numBytes: number } | null> {
    const live = this.pool.handles.filter((h) => h.state === 'ready');
    if (live.length === 0) return null;
    const each = await Promise.all(live.map((h) => h.race(h.api.memory()).catch(() => ({ numTensors: 0, numBytes: 0 }))));
    return each.reduce((s, m) => ({ numTensors: s.numTensors + m.numTensors, numBytes: s.numBytes + m.numBytes }), { numTensors: 0, numBytes: 0 });
  }

  /** Terminates every worker; anything they were computing is dropped. */
  stop(): void {
    this.runner.dropAll(new JobCancelledError('The engine was stopped.'));
    this.pool.stop();
  }
}
