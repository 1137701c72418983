/**
 * @fileoverview The live cheat sheet's state: runs the defense sweep one config after another
 * through the shared Engine, tracks progress over the whole sweep, and keeps the finished sweep
 * for the session. Stopping (or leaving the page) cancels the sweep's job: the workers training it
 * restart, as with the playground's Stop, and the playground's models are left alone.
 */
import { summarizeSweepRun, sweepConfigs, type SweepDefinition, type SweepRow } from '../../core/experiment/sweep';
import { combineSeedRows, stepSeeds } from '../../core/experiment/sweep-seeds';
import type { ExperimentConfig } from '../../core/experiment/config';
import type { Engine } from '../../state/engine.svelte';
import { etaSeconds } from '../../state/eta';
import { readSweepCache, writeSweepCache, type CachedSweep } from './sweep-cache';
import type { SafeStore } from '../../state/storage';


export interface SweepProgress {
  readonly label: string;
  /** Over the whole sweep, 0..1. */
  readonly fraction: number;
  readonly etaSeconds: number | null;
  /** Index of the step being measured. */
  readonly step: number;
}

export class SweepRun {
  readonly steps: readonly { key: string; label: string; short: string; config: ExperimentConfig }[];
  /** One entry per step; null until measured. */
  rows: (SweepRow | null)[] = $state.raw([]);
  running = $state(false);
  progress: SweepProgress | null = $state.raw(null);
  error: string | null = $state(null);
  /** Where the shown numbers come from: this session's cache, or a run just finished. */
  cached: CachedSweep | null = $state.raw(null);

  private runId = 0;
  /** Aborted by Stop: cancels the step's run even before it reaches the workers. */
  private abort = new AbortController();

  constructor(
    readonly def: SweepDefinition,
    private readonly engine: Engine,
    private readonly storage: SafeStore | null,
  ) {
    this.steps = sweepConfigs(def);
    this.cached = readSweepCache(storage, def);
    this.rows = this.cached ? [...this.cached.rows] : this.steps.map(() => null);
  }

  /** True when every row has its numbers. */
  get complete(): boolean {
    return this.rows.length > 0 && this.rows.every((r) => r !== null);
  }

  /** Measures every defense in order; a Stop or a newer run drops what this one would still write. */
  async run(): Promise<void> {
    const id = ++this.runId;
    this.running = true;
    this.error = null;
    this.rows = this.steps.map(() => null);
    const started = Date.now();
    const n = this.steps.length;
    try {
      for (let i = 0; i < n; i++) {
        const step = this.steps[i];
        // Over several seeds each step runs once per seed, and its row is their mean ± std.
        const seeds = stepSeeds(this.def, step.config.seed);
        const perSeed: SweepRow[] = [];
        let result: Awaited<ReturnType<Engine['run']>> | null = null;
        for (let k = 0; k < seeds.length; k++) {
          const onProgress = (e: { label: string; fraction: number }) => {
            if (id !== this.runId) return;
            const fraction = (i + (k + Math.min(1, Math.max(0, e.fraction))) / seeds.length) / n;
            const eta = etaSeconds((Date.now() - started) / 1000, fraction);
            const seedNote = seeds.length > 1 ? `, seed ${k + 1} of ${seeds.length}` : '';
            this.progress = { label: `${step.label} (${i + 1} of ${n}${seedNote}): ${e.label}`, fraction, etaSeconds: eta, step: i };
          };
          onProgress({ label: 'starting', fraction: 0 });
          result = await this.engine.run({ ...step.config, seed: seeds[k] }, onProgress, { owner: 'sweep', confidenceSnapshots: false, signal: this.abort.signal });
          if (id !== this.runId) return;
          perSeed.push(summarizeSweepRun(step, result));
        }
        const next = [...this.rows];
        next[i] = combineSeedRows(perSeed);
        this.rows = next;
        if (i === n - 1) {
          this.cached = { id: this.def.id, backend: result!.backend, finishedAt: new Date().toISOString(), rows: next as SweepRow[] };
          writeSweepCache(this.storage, this.def, this.cached);
        }
      }
    } catch (err) {
      if (id === this.runId) this.error = err instanceof Error ? err.message : String(err);
    } finally {
      if (id === this.runId) {
        this.running = false;
        this.progress = null;
      }
    }
  }

  /** Cancels a running sweep (its workers restart) and shows the last finished sweep, if any. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.runId++;
    this.running = false;
    this.progress = null;
    this.rows = this.cached ? [...this.cached.rows] : this.steps.map(() => null);
    this.abort.abort();
    this.abort = new AbortController();
    this.engine.cancel('sweep');
  }
}
