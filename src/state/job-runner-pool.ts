/**
 * @fileoverview The pool of experiment workers: how many, starting each on its backend, noticing a
 * crash and replacing the worker (at most MAX_CRASHES a minute, then it stops with a message), and
 * loading the learner's CSV into every worker, including ones started later.
 */
import { wrap, type Remote } from 'comlink';
import type { WorkerApi } from '../workers/worker-api';
import type { BackendInfo } from '../workers/tf-backend';
import type { BackendName } from '../workers/backend-choice';
import type { CsvFailure, CsvSummary } from '../workers/csv-session';

/** A run was cut short because a worker crashed; the pool restarts it and says so. */
export class EngineCrashError extends Error {
  override readonly name = 'EngineCrashError';
}

/** A worker was stopped on purpose (a cancelled job, a restart): what it was doing is dropped. */
export class WorkerStoppedError extends Error {
  override readonly name = 'WorkerStoppedError';
}

/** More crashes than this within CRASH_WINDOW_MS stop the automatic restarts (a broken build would loop). */
export const MAX_CRASHES = 3;
const CRASH_WINDOW_MS = 60_000;

/**
 * Workers for a machine with `cores` logical cores: one per core the page does not need, at least
 * 2 (a 2-core machine still trains two models at once) and at most 4 (memory, and little gain).
 * `forced` (the `?workers=` parameter, for measuring the speed-up) wins when it is 1..8.
 */
export function poolSize(cores: number | undefined, forced: number | null = null): number {
  if (forced !== null && Number.isInteger(forced) && forced >= 1 && forced <= 8) return forced;
  return Math.min(4, Math.max(2, (cores ?? 2) - 1));
}

/** Reads `?workers=N` from a URL search string; null when absent or not a number. */
export function forcedPoolSizeFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('workers');
  return raw !== null && /^\d+$/.test(raw) ? Number(raw) : null;
}

/** One started worker. A restart makes a new handle; an old one stays `gone`. */
export class WorkerHandle {
  state: 'starting' | 'ready' | 'failed' | 'gone' = 'starting';
  info: BackendInfo | null = null;
  /** True while a task runs here (one at a time). */
  busy = false;
  /** Resolves with the backend once the worker is started (and has the CSV, if one is loaded). */
  ready!: Promise<BackendInfo>;
  readonly api: Remote<WorkerApi>;
  /** Rejects when this worker crashes or is stopped, so nothing waits on it forever. */
  readonly gone: Promise<never>;
  private markGone!: (err: Error) => void;

  constructor(readonly index: number, readonly generation: number, readonly worker: Worker) {
    this.api = wrap<WorkerApi>(worker);
    this.gone = new Promise<never>((_, reject) => (this.markGone = reject));
    this.gone.catch(() => undefined);
  }

  /** Ends this worker: terminates it and rejects everything waiting on it with `why`. */
  end(why: Error): void {
    if (this.state === 'gone') return;
    this.state = 'gone';
    this.busy = false;
    this.worker.terminate();
    this.markGone(why);
  }

  /** `call` raced with this worker ending. */
  race<P extends PromiseLike<unknown>>(call: P): Promise<Awaited<P>> {
    return Promise.race([call, this.gone]) as Promise<Awaited<P>>;
  }
}

export interface PoolEvents {
  /** A worker started, became ready, crashed or failed. */
  readonly onChange: () => void;
  /** A worker crashed; `fatal` when it was one too many and the pool stopped. */
  readonly onCrash: (message: string, fatal: boolean) => void;
}

/** The learner's CSV, kept here so every worker (also one started after a crash) has it. */
interface LoadedCsv {
  readonly text: string;
  readonly label: string;
  readonly dropInvalid: boolean;
  readonly name: string;
}

export class WorkerPool {
  handles: WorkerHandle[] = [];
  /** Worker starts so far (first start and restarts), so callers notice a fresh worker. */
  generation = 0;
  error: string | null = null;
  private backend: BackendName | null = null;
  private crashTimes: number[] = [];
  private csv: LoadedCsv | null = null;

  constructor(readonly size: number, private readonly events: PoolEvents) {}

  /** Starts every worker on `backend` (null: the best available), ending any running ones. */
  start(backend: BackendName | null): Promise<void> {
    this.stop();
    this.error = null;
    this.backend = backend;
    // The first worker starts alone, so the page's first paint and cached figures are not slowed
    // by N backends compiling at once; the rest follow as soon as it is up.
    const first = this.spawn(0);
    const rest = first.then(() => Promise.all(Array.from({ length: this.size - 1 }, (_, k) => this.spawn(k + 1))));
    return rest.then(() => undefined);
  }

  /** Replaces worker `index` by a fresh one (what it held is lost); resolves when it is ready. */
  restart(index: number, why: Error = new WorkerStoppedError('The worker was restarted.')): Promise<void> {
    this.handles[index]?.end(why);
    return this.spawn(index);
  }

  /** Ends every worker. */
  stop(): void {
    this.handles.forEach((h) => h.end(new WorkerStoppedError('The engine was stopped.')));
  }

  get ready(): boolean {
    return this.handles.length === this.size && this.handles.every((h) => h.state === 'ready');
  }

  get starting(): boolean {
    return this.error === null && !this.ready;
  }

  /** Parses the CSV in the first worker and, if it is valid, loads it into the others too. */
  async loadCsv(text: string, label: string, dropInvalid: boolean, name: string): Promise<CsvSummary | CsvFailure> {
    await this.whenReady(0);
    const first = this.handles[0];
    const summary = await first.race(first.api.loadCsv(text, label, dropInvalid, name));
    if (!summary.ok) return summary;
    this.csv = { text, label, dropInvalid, name };
    await Promise.all(this.handles.slice(1).filter((h) => h.state === 'ready').map((h) => h.race(h.api.loadCsv(text, label, dropInvalid, name)).catch(() => undefined)));
    return summary;
  }

  /** Resolves once worker `index` is ready (following restarts); rejects if the pool failed. */
  async whenReady(index: number): Promise<WorkerHandle> {
    for (;;) {
      const h = this.handles[index];
      if (this.error) throw new Error(this.error);
      if (h?.state === 'ready') return h;
      if (!h || h.state === 'gone') {
        await new Promise((r) => setTimeout(r, 20));
        continue;
      }
      await h.ready.catch(() => undefined);
    }
  }

  private spawn(index: number): Promise<void> {
    this.generation++;
    const worker = new Worker(new URL('../workers/experiment.worker.ts', import.meta.url), { type: 'module', name: `experiment-${index}` });
    const handle = new WorkerHandle(index, this.generation, worker);
    this.handles[index] = handle;
    worker.addEventListener('error', (event) => {
      // An uncaught error: the worker may be in any state, so replace it. Settings live on the page
      // and survive; the models it held are retrained when next needed.
      event.preventDefault();
      this.crashed(handle, event.message || 'unknown error');
    });
    this.events.onChange();
    handle.ready = this.init(handle);
    return handle.ready.then(() => undefined, () => undefined);
  }

  private async init(handle: WorkerHandle): Promise<BackendInfo> {
    try {
      const info = await handle.race(handle.api.init(this.backend));
      if (this.csv) await handle.race(handle.api.loadCsv(this.csv.text, this.csv.label, this.csv.dropInvalid, this.csv.name));
      handle.info = info;
      if (handle.state === 'starting') handle.state = 'ready';
      this.events.onChange();
      return info;
    } catch (err) {
      if (handle.state !== 'gone') {
        handle.state = 'failed';
        this.error = err instanceof Error ? err.message : String(err);
        this.events.onChange();
      }
      throw err;
    }
  }

  private crashed(handle: WorkerHandle, what: string): void {
    if (handle.state === 'gone') return;
    const now = Date.now();
    this.crashTimes = [...this.crashTimes.filter((t) => now - t < CRASH_WINDOW_MS), now];
    if (this.crashTimes.length > MAX_CRASHES) {
      handle.end(new EngineCrashError(`The engine crashed (${what}).`));
      this.stop();
      this.error = `The engine crashed ${this.crashTimes.length} times within a minute (last: ${what}), so it was not restarted again. Reload the page to try again.`;
      this.events.onCrash(this.error, true);
      this.events.onChange();
      return;
    }
    const notice = `The engine crashed (${what}) and was restarted; your settings are kept.`;
    this.events.onCrash(notice, false);
    void this.restart(handle.index, new EngineCrashError(notice));
  }
}
