/**
 * @fileoverview Pure pieces of the playground's state: the run history strip's entries, and live
 * progress as the page shows it (the progress bar's line and the pipeline strip's counts), folded
 * from the job runner's progress events. The Playground class (playground.svelte.ts) holds them.
 */
import type { ProgressEvent } from '../core/experiment/progress';
import type { PlaygroundResult } from '../core/experiment/playground-view';
import type { JobProgress } from './job-runner-types';
import { foldProgress, type RunProgress } from './pipeline';
import { configDiff, type ConfigChange } from './config-diff';

/** One finished run the history strip can bring back without retraining. */
export interface RunEntry {
  /** 1, 2, … in the order the runs finished in this tab. */
  readonly id: number;
  readonly result: PlaygroundResult;
  /** What changed from the run finished before it (empty for the first, or a rerun). */
  readonly changes: readonly ConfigChange[];
}

/** Runs the history strip keeps; older ones drop off (each holds a result's arrays). */
export const RUN_HISTORY = 8;

export interface LiveProgress {
  readonly label: string;
  readonly phase: ProgressEvent['phase'];
  readonly fraction: number;
  readonly etaSeconds: number | null;
  /** Target epochs and attacker models finished so far, of those planned (all workers together). */
  readonly counts?: JobProgress['counts'];
}

/** The history with `result` appended (what changed since `before`), the oldest dropped past RUN_HISTORY. Pure. */
export function appendRun(runs: readonly RunEntry[], result: PlaygroundResult, before: PlaygroundResult | null): RunEntry[] {
  const id = (runs[runs.length - 1]?.id ?? 0) + 1;
  const changes = before ? configDiff(before.config, result.config) : [];
  return [...runs, { id, result, changes }].slice(-RUN_HISTORY);
}

/** The progress bar's view of an event. Pure. */
export function liveProgress(e: ProgressEvent): LiveProgress {
  const job = e as Partial<JobProgress> & ProgressEvent;
  return { label: e.label, phase: e.phase, fraction: e.fraction, etaSeconds: job.etaSeconds ?? null, counts: job.counts };
}

/** The pipeline strip after an event: groups train side by side on the pool, so every group's count folds in, then the leading phase. Pure. */
export function foldPipeline(pipeline: RunProgress | null, e: ProgressEvent): RunProgress | null {
  const job = e as Partial<JobProgress> & ProgressEvent;
  let next = pipeline;
  for (const [phase, count] of Object.entries(job.counts ?? {})) next = foldProgress(next, phase as 'target' | 'shadows' | 'references', count);
  return foldProgress(next, e.phase, e.models);
}
