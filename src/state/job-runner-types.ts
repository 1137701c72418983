/**
 * @fileoverview What callers of the job runner see of a job: the request, progress over the whole
 * job, the errors a job ends with, and the lazily loaded page-side attack stage.
 */
import type { ExperimentConfig } from '../core/experiment/config';
import type { ProgressEvent } from '../core/experiment/progress';
import type { PlaygroundResult } from '../core/experiment/playground-view';

/** What a caller asks the runner for. */
export interface JobRequest {
  /** Who asks: jobs of one owner replace each other ("latest wins"); different owners share nothing. */
  readonly owner: string;
  readonly config: ExperimentConfig;
  /** Train on the loaded CSV (the config's data.name is csv). */
  readonly csv?: boolean;
  /** Train shadow models even if no chosen attack needs them (lesson 5's meta-dataset). */
  readonly withShadows?: boolean;
  /** Send the target's per-record confidences after each epoch (the animated histogram). */
  readonly confidenceSnapshots?: boolean;
  readonly onProgress?: (p: JobProgress) => void;
  /** Results on the models trained so far, before the run completes. */
  readonly onPartial?: (r: PlaygroundResult) => void;
  /** Aborting cancels the job this request started or joined (unless a newer request took it over). */
  readonly signal?: AbortSignal;
}

type Counted = 'target' | 'shadows' | 'references';

/** Progress over the whole job (all workers), as the progress bar and the pipeline strip show it. */
export interface JobProgress extends ProgressEvent {
  readonly etaSeconds: number | null;
  /** Epochs of the target, and models of each attacker group, finished of those planned. */
  readonly counts: Readonly<Partial<Record<Counted, { readonly done: number; readonly total: number }>>>;
}

/** A model needed for a query lives in a worker that has since restarted. */
export class ModelsLostError extends Error {
  override readonly name = 'ModelsLostError';
}

/** The job was cancelled (Stop, or a newer request of its owner). */
export class JobCancelledError extends Error {
  override readonly name = 'JobCancelledError';
}

type AttackModule = typeof import('./job-runner-attacks');
let attackModule: Promise<AttackModule> | null = null;
/** The page-side attack stage, loaded once on first use. */
export const loadAttacks = (): Promise<AttackModule> => (attackModule ??= import('./job-runner-attacks'));
