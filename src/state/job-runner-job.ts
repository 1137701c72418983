/**
 * @fileoverview One training job: its tasks (target, shadow and reference models), the outputs
 * they have sent back, progress over all of them, the partial results shown while models are
 * still training, and the final result. The models themselves stay in the workers that trained
 * them (`holders`); the page holds only their outputs and handles to query them.
 */
import type { ExperimentConfig } from '../core/experiment/config';
import type { Artifacts } from '../core/experiment/artifacts';
import { trainingKey } from '../core/experiment/training-key';
import type { AttackOutcome } from '../core/experiment/attack-stage';
import type { Predictor } from '../core/experiment/predictor';
import { assembleArtifacts, type GroupOutput, type ModelFacts } from '../core/experiment/task-assembly';
import { groupSizes, planTasks, runnableAttacks, type TaskSpec } from '../core/experiment/task-plan';
import type { TaskProgress } from '../engine/experiment/tasks';
import type { AttackerGroup } from '../core/experiment/task-plan';
import type { ModelCall, WorkerTaskOutput } from '../workers/worker-jobs';
import type { PlaygroundResult } from '../core/experiment/playground-view';
import type { MetaSample } from '../lessons/result';
import type { WorkerHandle } from './job-runner-pool';
import { etaSeconds } from './eta';
import { ProgressThrottle } from './progress-throttle';
import { jobCounts, jobFraction, jobPhase, PHASE_LABELS, type JobSnapshot } from './job-progress';
import { JobCancelledError, ModelsLostError, loadAttacks, type JobRequest } from './job-runner-types';

export { JobCancelledError, ModelsLostError, loadAttacks, type JobProgress, type JobRequest } from './job-runner-types';

/** The soonest a partial result follows the previous one, so the page keeps its CPU for training. */
const PARTIAL_GAP_MS = 400;
/**
 * The most often progress reaches the page: five redraws a second still animate the curves, and
 * redrawing the charts costs CPU the workers need (measured in headless Chromium: painting took
 * about half a core during a run on the playground, against a tenth on a page without charts).
 */
const PROGRESS_EVERY_MS = 200;

interface Running {
  readonly handle: WorkerHandle;
  done: number;
  total: number;
}

let lastId = 0;

export class TrainingJob {
  readonly id = `job-${++lastId}`;
  readonly key: string;
  readonly sizes: Record<AttackerGroup, number>;
  readonly pending: TaskSpec[];
  /** Worker holding each trained model, by label ("target", "shadow-2", …). */
  readonly holders = new Map<string, WorkerHandle>();
  /** Workers that ran a task of this job (they hold its data, and maybe models). */
  readonly used = new Set<WorkerHandle>();
  state: 'training' | 'attacking' | 'done' | 'failed' | 'cancelled' = 'training';
  /** The attack and API settings the next result is for; the newest request's. */
  attackConfig: ExperimentConfig;
  listener: Pick<JobRequest, 'onProgress' | 'onPartial'>;
  result: PlaygroundResult | null = null;

  private readonly running = new Map<TaskSpec, Running>();
  private target: Extract<WorkerTaskOutput, { kind: 'target' }> | null = null;
  private readonly groups: GroupOutput[] = [];
  private readonly startedAt = Date.now();
  private readonly spans: Partial<Record<AttackerGroup, { from: number; to: number }>> = {};
  private readonly cache = new Map<string, unknown>();
  private readonly memo = new Map<string, AttackOutcome>();
  private targetEpochs = 0;
  private readonly progress = new ProgressThrottle<NonNullable<TaskProgress['targetEpoch']>>(PROGRESS_EVERY_MS, () => jobPhase(this.snapshot()), (epoch) => this.report(epoch));
  private finished: { resolve: (r: PlaygroundResult) => void; reject: (e: Error) => void } | null = null;
  private partial: { running: boolean; again: boolean; lastAt: number } = { running: false, again: false, lastAt: 0 };

  /**
   * @param onEnd called once when the job is done, failed or cancelled (the runner keeps or frees it)
   * @param csvVersion which CSV load the job trains on (0 for generated data)
   */
  constructor(readonly request: JobRequest, modelsPerTask: number, readonly csvVersion: number, private readonly onEnd: (job: TrainingJob) => void) {
    this.key = trainingKey(request.config);
    this.attackConfig = request.config;
    this.listener = request;
    this.sizes = groupSizes(request.config, request);
    this.pending = planTasks(request.config, { modelsPerTask, withShadows: request.withShadows });
  }

  get owner(): string {
    return this.request.owner;
  }

  get config(): ExperimentConfig {
    return this.request.config;
  }

  get active(): boolean {
    return this.state === 'training' || this.state === 'attacking';
  }

  /** Every task has been handed out and none is running. */
  get trained(): boolean {
    return this.target !== null && this.pending.length === 0 && this.running.size === 0;
  }

  /** Workers busy with this job's tasks now. */
  get busyWorkers(): WorkerHandle[] {
    return [...this.running.values()].map((r) => r.handle);
  }

  /** A promise of the final result for the newest attack settings (an older waiter is told it was superseded). */
  whenDone(): Promise<PlaygroundResult> {
    this.finished?.reject(new JobCancelledError('A newer request replaced this one.'));
    return new Promise((resolve, reject) => (this.finished = { resolve, reject }));
  }

  /** Takes the next task to start, if any. */
  nextTask(): TaskSpec | undefined {
    return this.state === 'training' ? this.pending.shift() : undefined;
  }

  started(spec: TaskSpec, handle: WorkerHandle): void {
    this.running.set(spec, { handle, done: 0, total: 1 });
    this.used.add(handle);
    if (spec.kind !== 'target') this.spans[spec.kind] ??= { from: Date.now(), to: Date.now() };
    this.emit();
  }

  progressed(spec: TaskSpec, p: TaskProgress): void {
    const r = this.running.get(spec);
    if (!r || !this.active) return;
    r.done = p.epochsDone;
    r.total = p.epochsTotal;
    if (spec.kind === 'target') this.targetEpochs = p.epochsDone;
    this.emit(p.targetEpoch);
  }

  /** Stores a finished task's outputs; shows a partial result or, after the last task, the final one. */
  completed(spec: TaskSpec, output: WorkerTaskOutput, handle: WorkerHandle): void {
    this.running.delete(spec);
    if (!this.active) return;
    if (output.kind === 'target') {
      this.target = output;
      this.targetEpochs = this.config.train.epochs;
      this.holders.set('target', handle);
    } else {
      this.groups.push(output);
      output.indices.forEach((i) => this.holders.set(`${output.kind === 'shadows' ? 'shadow' : 'reference'}-${i}`, handle));
      this.spans[output.kind]!.to = Date.now();
    }
    this.emit();
    if (this.trained) void this.finish();
    else if (this.target) this.showPartial();
  }

  /** Ends the job with `err` (its waiter rejects). */
  fail(err: Error): void {
    if (!this.active) return;
    this.state = err instanceof JobCancelledError ? 'cancelled' : 'failed';
    this.pending.length = 0;
    this.finished?.reject(err);
    this.finished = null;
    this.onEnd(this);
  }

  /**
   * Results for `config` (same training key) on this finished job's models: only the attack stage
   * reruns. Rejects with ModelsLostError when an attack needs a model a restarted worker held.
   */
  async reattack(config: ExperimentConfig): Promise<PlaygroundResult> {
    this.attackConfig = config;
    const run = await this.runAttacks(config, true);
    return run!;
  }

  /** Lesson 5's meta-dataset rows from this finished job's shadow models. */
  async metaSample(config: ExperimentConfig): Promise<MetaSample> {
    return (await loadAttacks()).metaSample(this.artifacts(), config);
  }

  private async finish(): Promise<void> {
    this.state = 'attacking';
    this.emit();
    try {
      // Loop while newer attack settings arrive during the attack stage.
      for (;;) {
        const config = this.attackConfig;
        const result = await this.runAttacks(config, false, () => this.attackConfig === config && this.active);
        if (!this.active) return;
        if (!result || this.attackConfig !== config) continue;
        this.result = result;
        this.state = 'done';
        this.emit();
        this.finished?.resolve(result);
        this.finished = null;
        this.onEnd(this);
        return;
      }
    } catch (err) {
      this.fail(err instanceof Error ? err : new Error(String(err)));
    }
  }

  private async runAttacks(config: ExperimentConfig, reused: boolean, isCurrent?: () => boolean): Promise<PlaygroundResult | null> {
    const { attackView } = await loadAttacks();
    const run = await attackView(this.artifacts(), config, { memo: this.memo, grid: this.target!.grid ?? null, trainingReused: reused, timingsMs: this.timings(), isCurrent });
    if (!run) return null;
    return { ...run.result, timingsMs: { ...run.result.timingsMs, total: Date.now() - this.startedAt } };
  }

  /** A partial result on the models so far, at most one at a time and not too often. */
  private showPartial(): void {
    if (!this.listener.onPartial) return;
    if (this.partial.running) {
      this.partial.again = true;
      return;
    }
    this.partial.running = true;
    this.partial.again = false;
    const wait = Math.max(0, this.partial.lastAt + PARTIAL_GAP_MS - Date.now());
    void (async () => {
      try {
        if (wait) await new Promise((r) => setTimeout(r, wait));
        // With nothing left to hand out, the final result is one model's time away: a preview now
        // would only take CPU from the models being trained.
        if (this.state !== 'training' || this.pending.length === 0) return;
        const a = this.artifacts();
        const have = { shadows: a.shadows?.probs.length ?? 0, references: a.references?.probs.length ?? 0 };
        const config = this.attackConfig;
        const names = runnableAttacks(config.attack.names, have);
        if (names.length === 0) return;
        const { attackView } = await loadAttacks();
        const run = await attackView(a, config, {
          memo: this.memo, grid: this.target!.grid ?? null, trainingReused: false, names, timingsMs: this.timings(),
          isCurrent: () => this.state === 'training',
        });
        if (!run || this.state !== 'training') return;
        this.listener.onPartial?.({
          ...run.result,
          partial: {
            shadows: { done: have.shadows, total: this.sizes.shadows },
            references: { done: have.references, total: this.sizes.references },
            waiting: config.attack.names.filter((n) => !names.includes(n)),
          },
        });
      } catch {
        // A partial result is a preview: if it cannot be made yet, the final result will say why.
      } finally {
        this.partial.lastAt = Date.now();
        this.partial.running = false;
        if (this.partial.again && this.state === 'training') this.showPartial();
      }
    })();
  }

  /** The artifacts from the outputs so far; models are handles that query the worker holding them. */
  artifacts(): Artifacts {
    if (!this.target) throw new Error('The target has not been trained yet.');
    return assembleArtifacts({
      config: this.config, target: this.target, groups: this.groups, cache: this.cache, timingsMs: this.timings(),
      predictorFor: (label, facts) => this.remotePredictor(label, facts),
    });
  }

  private remotePredictor(label: string, facts: ModelFacts): Predictor {
    const call = (c: ModelCall): Promise<Float32Array> => {
      const h = this.holders.get(label);
      if (!h || h.state !== 'ready') return Promise.reject(new ModelsLostError(`Model ${label} was lost when its worker restarted.`));
      return h.race(h.api.callModel(this.id, label, c));
    };
    return {
      ...facts,
      models: [],
      probs: (x, n) => call({ method: 'probs', x, n }),
      logits: (x, n) => call({ method: 'logits', x, n }),
      gradNorms: (x, y, n) => call({ method: 'gradNorms', x, y, n }),
      // The worker frees it when the job is released.
      dispose: () => undefined,
    };
  }

  private timings(): Record<string, number> {
    const t: Record<string, number> = this.target ? { data: this.target.ms.data, target: this.target.ms.train } : {};
    for (const g of ['shadows', 'references'] as const) {
      const s = this.spans[g];
      if (s) t[g] = s.to - s.from;
    }
    return t;
  }

  /** This job's state as progress reads it. */
  private snapshot(): JobSnapshot {
    return { state: this.state, sizes: this.sizes, targetDone: this.target !== null, groups: this.groups, running: [...this.running].map(([spec, r]) => [spec, r] as const) };
  }

  private emit(targetEpoch?: TaskProgress['targetEpoch']): void {
    this.progress.emit(targetEpoch);
  }

  private report(targetEpoch?: TaskProgress['targetEpoch']): void {
    if (!this.listener.onProgress || !this.active) return;
    const snap = this.snapshot();
    const phase = jobPhase(snap);
    const counts = jobCounts(snap, this.targetEpochs, this.config.train.epochs);
    const fraction = jobFraction(snap);
    this.listener.onProgress({
      phase,
      label: PHASE_LABELS[phase](this.sizes),
      fraction,
      etaSeconds: etaSeconds((Date.now() - this.startedAt) / 1000, fraction),
      counts,
      models: phase === 'target' || phase === 'shadows' || phase === 'references' ? counts[phase] : undefined,
      targetEpoch,
    });
  }
}
