/**
 * @fileoverview What one worker holds for the jobs it has trained for: each job's base (data,
 * split, recipe) and the models its tasks made, keyed by job id so two jobs never share a model.
 * The page's job runner frees a job here when its result is replaced (`release`).
 */
import { nowMs } from '../core/clock';
import type { Dataset } from '../core/data/types';
import { validateConfig, type ExperimentConfig } from '../core/experiment/config';
import { prepareBase, type ExperimentBase } from '../engine/experiment/prepare';
import type { Predictor } from '../core/experiment/predictor';
import type { TaskOutput, TaskSpec } from '../core/experiment/task-assembly';
import { runTrainingTask, type TaskProgress } from '../engine/experiment/tasks';
import { decisionGrid, type DecisionGrid } from '../core/experiment/playground-view';

/** A task as the runner sends it: plain data only. */
export interface WorkerTask {
  readonly jobId: string;
  readonly config: ExperimentConfig;
  readonly spec: TaskSpec;
  /** Train on the CSV this worker loaded (the config says data.name = csv). */
  readonly csv: boolean;
  readonly confidenceSnapshots: boolean;
}

/** A task's outputs; the target's also carry the 2-D decision grid (null for other data). */
export type WorkerTaskOutput = TaskOutput & { readonly grid?: DecisionGrid | null };

/** A query of one held model, from the page's attack stage (e.g. a newly chosen label-only attack). */
export type ModelCall =
  | { readonly method: 'probs' | 'logits'; readonly x: Float32Array; readonly n: number }
  | { readonly method: 'gradNorms'; readonly x: Float32Array; readonly y: Int32Array; readonly n: number };

interface HeldJob {
  base: { value: ExperimentBase; ms: number } | null;
  readonly models: Map<string, Predictor>;
}

/** Thrown when the page asks for a model this worker does not hold (it restarted, or the job was freed). */
export class ModelNotHeldError extends Error {
  override readonly name = 'ModelNotHeldError';
}

export class WorkerJobs {
  private readonly jobs = new Map<string, HeldJob>();

  /** Trains `task` and keeps its models under its job; `csv` is this worker's loaded CSV. */
  async run(task: WorkerTask, csv: Dataset | undefined, onProgress: (p: TaskProgress) => void): Promise<WorkerTaskOutput> {
    const job = this.jobs.get(task.jobId) ?? { base: null, models: new Map() };
    this.jobs.set(task.jobId, job);
    if (!job.base) {
      const t0 = nowMs();
      const value = prepareBase(validateConfig(task.config), task.csv ? csv : undefined);
      job.base = { value, ms: nowMs() - t0 };
    }
    const run = await runTrainingTask(job.base.value, task.spec, { confidenceSnapshots: task.confidenceSnapshots, onProgress }, job.base.ms);
    if (this.jobs.get(task.jobId) !== job) {
      // Released while training: nobody will ask for these models.
      run.models.forEach((p) => p.dispose());
      return run.output;
    }
    run.models.forEach((p, label) => {
      job.models.get(label)?.dispose();
      job.models.set(label, p);
    });
    if (run.output.kind !== 'target') return run.output;
    const target = run.models.get('target')!;
    return { ...run.output, grid: await decisionGrid({ dataset: job.base.value.dataset, target }) };
  }

  /** Runs `call` on the model `label` of job `jobId`. */
  async call(jobId: string, label: string, call: ModelCall): Promise<Float32Array> {
    const model = this.jobs.get(jobId)?.models.get(label);
    if (!model) throw new ModelNotHeldError(`This worker no longer holds model ${label} of job ${jobId}.`);
    if (call.method === 'gradNorms') return model.gradNorms(call.x, call.y, call.n);
    return call.method === 'probs' ? model.probs(call.x, call.n) : model.logits(call.x, call.n);
  }

  /** Drops job `jobId`'s data once all its models are trained; the models stay for queries. */
  dropData(jobId: string): void {
    const job = this.jobs.get(jobId);
    if (job) job.base = null;
  }

  /** Frees every model and the data of job `jobId`. Safe to call for an unknown job. */
  release(jobId: string): void {
    this.jobs.get(jobId)?.models.forEach((p) => p.dispose());
    this.jobs.delete(jobId);
  }

  /** Labels of the models held for `jobId` (for tests and leak checks). */
  held(jobId: string): string[] {
    return [...(this.jobs.get(jobId)?.models.keys() ?? [])];
  }
}
