/**
 * @fileoverview The connection to the experiment worker: starts it, reports its backend, and
 * runs the backend self-test. Cancelling or a crash terminates the worker and starts a new one.
 */
import { wrap, type Remote } from 'comlink';
import type { WorkerApi } from '../workers/worker-api';
import type { BackendInfo } from '../workers/tf-backend';
import type { SmokeResult } from '../workers/smoke-train';
import { forcedBackendFromSearch } from '../workers/backend-choice';

export type EngineStatus = 'starting' | 'ready' | 'error';

export class Engine {
  status: EngineStatus = $state('starting');
  backend: BackendInfo | null = $state.raw(null);
  error: string | null = $state(null);
  selfTest: SmokeResult | null = $state.raw(null);
  selfTesting = $state(false);

  private worker: Worker | null = null;
  private api: Remote<WorkerApi> | null = null;

  /** Spawns the worker and starts its backend. Safe to call again after a failure. */
  async start(search = location.search): Promise<void> {
    this.stop();
    this.status = 'starting';
    this.error = null;
    this.worker = new Worker(new URL('../workers/experiment.worker.ts', import.meta.url), { type: 'module', name: 'experiment' });
    this.worker.addEventListener('error', (event) => this.fail(`The worker crashed: ${event.message || 'unknown error'}`));
    this.api = wrap<WorkerApi>(this.worker);
    try {
      this.backend = await this.api.init(forcedBackendFromSearch(search));
      this.status = 'ready';
    } catch (err) {
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
