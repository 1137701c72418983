/**
 * @fileoverview The one job runner: the playground, lessons and cheat sheet submit experiments
 * here. It cuts each job into tasks (target, shadow and reference models), hands them to idle
 * workers of the pool one at a time, and finishes the job on the page. Policy per owner: a new
 * request replaces the owner's running job ("latest wins"), unless it needs the same trained
 * models, in which case it joins it; a finished job's models are kept until its owner's next job
 * finishes, so a change of attack or output API reruns only the attack stage.
 */
import { proxy } from 'comlink';
import { trainingKey } from '../core/experiment/training-key';
import { groupSizes } from '../core/experiment/task-plan';
import type { PlaygroundResult } from '../core/experiment/playground-view';
import type { WorkerTask } from '../workers/worker-jobs';
import { CRASH_DURING_RUN, type TaskFault } from '../workers/test-faults';
import type { MetaSample } from '../lessons/result';
import { WorkerStoppedError, type WorkerHandle, type WorkerPool } from './job-runner-pool';
import { JobCancelledError, ModelsLostError, TrainingJob, type JobRequest } from './job-runner-job';

interface OwnerJobs {
  /** The job training for this owner now. */
  running: TrainingJob | null;
  /** The owner's latest finished job: its models answer attack and API changes. */
  kept: TrainingJob | null;
}

const toError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));

export class JobRunner {
  /** Jobs with tasks to hand out or running, oldest first: the order workers serve them. */
  private readonly queue: TrainingJob[] = [];
  private readonly owners = new Map<string, OwnerJobs>();
  private fault: TaskFault | null = null;
  /** Bumped on every CSV load, so a job on an older CSV is not reused. */
  csvVersion = 0;

  constructor(private readonly pool: WorkerPool) {}

  /**
   * Runs `req` and resolves with its final result (partial ones go to `req.onPartial`). Rejects
   * with JobCancelledError when a newer request of the same owner, or Stop, replaces it.
   */
  async submit(req: JobRequest): Promise<PlaygroundResult> {
    if (req.signal?.aborted) throw new JobCancelledError('The run was cancelled.');
    const jobs = this.ownerJobs(req.owner);
    const fits = (job: TrainingJob | null): job is TrainingJob => job !== null && this.fits(job, req);
    if (fits(jobs.running) && jobs.running.active) {
      // Same models: this request takes over the running job's attack settings and callbacks.
      jobs.running.attackConfig = req.config;
      jobs.running.listener = req;
      this.cancelOnAbort(jobs.running, req);
      return jobs.running.whenDone();
    }
    if (jobs.running) this.cancel(jobs.running);
    if (fits(jobs.kept)) {
      try {
        // Most attacks read only the models' outputs, which the page holds, so this works even
        // after a worker holding the models restarted; one that must query a lost model trains anew.
        return await jobs.kept.reattack(req.config);
      } catch (err) {
        if (!(err instanceof ModelsLostError)) throw err;
      }
    }
    const job = new TrainingJob(req, this.modelsPerTask(), req.csv ? this.csvVersion : 0, (j) => this.ended(j));
    const done = job.whenDone();
    jobs.running = job;
    this.queue.push(job);
    this.cancelOnAbort(job, req);
    this.pump();
    return done;
  }

  /** Cancels `job` when `req`'s signal aborts, if `req` is still the request it answers. */
  private cancelOnAbort(job: TrainingJob, req: JobRequest): void {
    req.signal?.addEventListener('abort', () => job.active && job.listener === req && this.cancel(job), { once: true });
  }

  /** Lesson 5: the meta-dataset rows of `owner`'s finished job for `config`. */
  async metaSample(owner: string, config: JobRequest['config']): Promise<MetaSample> {
    const job = this.ownerJobs(owner).kept;
    if (!job || job.key !== trainingKey(config)) throw new Error('No finished run with these settings to sample.');
    return job.metaSample(config);
  }

  /** Cancels `owner`'s running job, if any: its workers restart, its models are freed. */
  cancelOwner(owner: string): void {
    const running = this.owners.get(owner)?.running;
    if (running) this.cancel(running);
  }

  /** Frees everything `owner` holds (its kept models too), e.g. when its page closes. */
  releaseOwner(owner: string): Promise<void> {
    this.cancelOwner(owner);
    const jobs = this.owners.get(owner);
    const kept = jobs?.kept;
    if (jobs) jobs.kept = null;
    return kept ? this.release(kept) : Promise.resolve();
  }

  /**
   * Whether `owner`'s latest finished job was trained for `config`, so only its attacks rerun
   * (an attack that must query a model lost in a worker restart still trains again).
   */
  canReattack(owner: string, config: JobRequest['config']): boolean {
    const kept = this.owners.get(owner)?.kept;
    return kept !== null && kept !== undefined && this.fits(kept, { owner, config });
  }

  /** Test-only (`?faults=test`): the next target task fails with `message`, or crashes its worker. */
  armFault(kind: TaskFault['kind'], message = CRASH_DURING_RUN): void {
    this.fault = { kind, message };
  }

  /** Every job ends: the pool restarted or stopped, so nothing in it survives. */
  dropAll(why: Error): void {
    for (const jobs of this.owners.values()) {
      jobs.running?.fail(why);
      jobs.kept = null;
    }
    this.queue.length = 0;
  }

  /** Hands tasks to idle workers, oldest job first. Safe to call any time. */
  pump(): void {
    for (const handle of this.pool.handles) {
      if (handle.state !== 'ready' || handle.busy) continue;
      const job = this.queue.find((j) => j.active && j.pending.length > 0);
      const spec = job?.nextTask();
      if (!job || !spec) return;
      this.dispatch(job, spec, handle);
    }
  }

  private dispatch(job: TrainingJob, spec: NonNullable<ReturnType<TrainingJob['nextTask']>>, handle: WorkerHandle): void {
    handle.busy = true;
    job.started(spec, handle);
    const fault = spec.kind === 'target' && this.fault ? this.fault : undefined;
    if (fault) this.fault = null;
    const task: WorkerTask = {
      jobId: job.id,
      config: JSON.parse(JSON.stringify(job.config)),
      spec,
      csv: job.request.csv ?? false,
      confidenceSnapshots: job.request.confidenceSnapshots ?? false,
    };
    handle
      .race(handle.api.runTask(task, proxy((p) => job.progressed(spec, p)), fault))
      .then(
        (output) => {
          job.completed(spec, output, handle);
          // Training over: the workers keep the models for queries, not the data they trained on.
          if (job.trained) for (const h of job.used) if (h.state === 'ready') void h.race(h.api.dropData(job.id)).catch(() => undefined);
        },
        (err) => {
          // A stopped worker belonged to a job that was cancelled already; anything else ends the job.
          if (!(err instanceof WorkerStoppedError)) this.abort(job, toError(err));
        },
      )
      .finally(() => {
        if (handle.state === 'ready') handle.busy = false;
        this.pump();
      });
  }

  /** Ends `job` with `err` and stops its other running tasks. */
  private abort(job: TrainingJob, err: Error): void {
    const busy = job.busyWorkers;
    job.fail(err);
    for (const h of busy) if (h.state === 'ready') void this.pool.restart(h.index);
  }

  private cancel(job: TrainingJob): void {
    this.abort(job, new JobCancelledError('The run was cancelled.'));
  }

  /** Keeps a finished job as its owner's latest (freeing the one it replaces), or frees a failed one. */
  private ended(job: TrainingJob): void {
    const at = this.queue.indexOf(job);
    if (at >= 0) this.queue.splice(at, 1);
    const jobs = this.ownerJobs(job.owner);
    if (jobs.running === job) jobs.running = null;
    if (job.state === 'done') {
      if (jobs.kept && jobs.kept !== job) void this.release(jobs.kept);
      jobs.kept = job;
    } else {
      void this.release(job);
    }
    this.pump();
  }

  /** Frees `job`'s models and data in every live worker that has them. */
  private release(job: TrainingJob): Promise<void> {
    const live = [...job.used].filter((h) => h.state === 'ready');
    return Promise.all(live.map((h) => h.race(h.api.release(job.id)).catch(() => undefined))).then(() => undefined);
  }

  private fits(job: TrainingJob, req: Pick<JobRequest, 'owner' | 'config' | 'csv' | 'withShadows'>): boolean {
    if (job.key !== trainingKey(req.config)) return false;
    if ((req.csv ? this.csvVersion : 0) !== job.csvVersion) return false;
    // An attack that needs a model group the job did not train means training it.
    const needed = groupSizes(req.config, req);
    return needed.shadows <= job.sizes.shadows && needed.references <= job.sizes.references;
  }

  private ownerJobs(owner: string): OwnerJobs {
    let jobs = this.owners.get(owner);
    if (!jobs) this.owners.set(owner, (jobs = { running: null, kept: null }));
    return jobs;
  }

  /** Models per task: one on wasm and cpu (spread over the pool); a whole group on WebGPU, which batches them. */
  private modelsPerTask(): number {
    return this.pool.handles[0]?.info?.backend === 'webgpu' ? Infinity : 1;
  }
}
