/**
 * @fileoverview The playground's state: the config (mirrored in the URL), the latest result, live
 * training progress, and the run/stop logic. The latest request wins; stale results are dropped.
 */
import { switchDataset } from '../core/experiment/switch-dataset';
import type { DatasetName } from '../core/data/generate';
import type { CsvSummary } from '../workers/csv-session';
// Not the experiment barrel: it re-exports the training stage, which would pull TensorFlow.js into the page.
import { defaultConfig, mergeConfig, withField, type ExperimentConfig } from '../core/experiment/config';
import { presetConfig } from '../lessons/presets';
import { trainingKey } from '../core/experiment/training-key';
import type { ProgressEvent, TargetEpoch } from '../core/experiment/progress';
import type { PlaygroundResult } from '../core/experiment/playground-view';
import { EngineCrashError, type Engine } from './engine.svelte';
import { JobCancelledError } from './job-runner-job';
import { foldProgress, type RunProgress } from './pipeline';
import { appendRun, foldPipeline, liveProgress, type LiveProgress, type RunEntry } from './playground-runs';
import { featuredAttack } from './featured';
import { readConfigParams, writeConfigParams } from './url-config';
import { featuredScores } from './operating';
import { operatingPoint } from '../core/metrics/operating-point';

export { RUN_HISTORY, type LiveProgress, type RunEntry } from './playground-runs';

export class Playground {
  config: ExperimentConfig = $state.raw(defaultConfig());
  /**
   * The result on show: the latest finished run's, or, while a run trains, a preview on the models
   * trained so far (`result.partial` says how many; it sharpens as more arrive).
   */
  result: PlaygroundResult | null = $state.raw(null);
  /**
   * The finished result on show before this one (the run before it, or the run shown when an earlier
   * one was brought back): ↑/↓ deltas on the scoreboard, ghosts and the what-changed sentence.
   */
  previous: PlaygroundResult | null = $state.raw(null);
  progress: LiveProgress | null = $state.raw(null);
  liveHistory: TargetEpoch[] = $state.raw([]);
  liveConfidence: { members: Float32Array; nonMembers: Float32Array } | null = $state.raw(null);
  running = $state(false);
  error: string | null = $state(null);
  notice: string | null = $state(null);
  urlProblems: string[] = $state([]);
  /** The attack the scoreboard and record inspector feature: the learner's pick, else the strongest. */
  featured: string | null = $state(null);
  /** The attack the learner chose to feature; null = always the strongest of each run. */
  pinnedAttack: string | null = $state(null);
  /** The run's stages so far, for the pipeline strip (null before the first run). */
  pipeline: RunProgress | null = $state.raw(null);
  selectedRecord: number | null = $state(null);
  /** Completed runs in this tab (lets tests and screen-reader users tell a rerun from the last one). */
  completedRuns = $state(0);
  /** The last RUN_HISTORY finished runs, oldest first. */
  runs: RunEntry[] = $state.raw([]);
  /** The history entry on show (the latest run, or one the learner brought back). */
  shownRun: number | null = $state(null);

  /** The learner's threshold for one attack of one result; anywhere else the attacker's own applies. */
  private thresholdChoice: { result: PlaygroundResult; attack: string; value: number } | null = $state.raw(null);
  /** The featured attack's scores, sorted once per result, for the threshold views. */
  readonly featuredScores = $derived(featuredScores(this.result, this.featured));
  /** The same attack's scores in the previous run (the ghost). */
  readonly previousScores = $derived(featuredScores(this.previous, this.featured));
  /** The featured attack's threshold in use: the learner's, else the attacker's calibrated one. */
  readonly threshold = $derived.by(() => {
    const c = this.thresholdChoice;
    const f = this.featuredScores;
    if (!f) return null;
    return c && c.result === this.result && c.attack === f.name ? c.value : f.calibrated;
  });
  /**
   * The confidences the gap chart outlines as the run before: while a new target trains (its bars
   * move live) the finished result still on show, else the previous run's.
   */
  get ghostConfidence(): PlaygroundResult['confidence'] | null {
    if (this.running && this.result && !this.result.partial && this.result.confidence !== this.liveConfidence) return this.result.confidence;
    return this.previous?.confidence ?? null;
  }
  /** TPR, FPR and their counts at `threshold`; every threshold view reads this one. */
  readonly operating = $derived(this.featuredScores && this.threshold !== null ? operatingPoint(this.featuredScores.table, this.threshold) : null);

  /** True when the shown result was trained with different data/model/training settings. */
  readonly stale = $derived(this.result !== null && trainingKey(this.result.config) !== trainingKey(this.config));

  /** The CSV the learner chose, kept on this side so a restarted worker can reload it. */
  csv: { text: string; name: string; label: string; dropInvalid: boolean; summary: CsvSummary } | null = $state.raw(null);
  csvError: string | null = $state(null);
  private csvGeneration = -1;

  private requestId = 0;
  /** The training key of the run in progress, so a request for the same models joins it. */
  private runningKey: string | null = null;
  /** Aborted by Stop: cancels the run even before it reaches the workers. */
  private abort = new AbortController();
  /** The latest finished result (what `result` returns to if a run with previews fails). */
  private finished: PlaygroundResult | null = null;
  /** The finished result before it, for `previous`. */
  private finishedBefore: PlaygroundResult | null = null;

  constructor(readonly engine: Engine) {}

  /** Reads the config from the page URL (invalid values are reported and replaced by defaults). */
  loadFromUrl(search = location.search): void {
    const params = new URLSearchParams(search);
    const preset = params.get('preset');
    let base = defaultConfig();
    if (preset) {
      try {
        base = presetConfig(preset);
      } catch (err) {
        this.urlProblems = [(err as Error).message];
      }
    }
    const { config, problems } = readConfigParams(params, base);
    this.config = config;
    this.resetTarget = config;
    this.presetName = preset && this.urlProblems.length === 0 ? preset : null;
    this.urlProblems = [...this.urlProblems, ...problems];
  }

  /** Sets one field from a control; invalid values leave the config unchanged and say why. */
  set(path: string, raw: string): void {
    try {
      const next = path === 'data.name' && raw !== 'csv' ? switchDataset(this.config, raw as DatasetName) : withField(this.config, path, raw);
      const retrains = trainingKey(next) !== trainingKey(this.config);
      this.config = next;
      this.error = null;
      this.syncUrl();
      // Attack and API changes reuse the trained models (or join the run training them), so they
      // answer at once.
      if (!retrains && this.result && (this.running || this.engine.canReattack('playground', next))) void this.run();
    } catch (err) {
      this.error = (err as Error).message;
    }
  }

  /** Parses a CSV in the worker and, on success, switches the dataset to it. */
  async loadCsv(text: string, name: string, label: string, dropInvalid: boolean): Promise<void> {
    this.csvError = null;
    const outcome = await this.engine.loadCsv(text, label, dropInvalid, name);
    if (!outcome.ok) {
      const where = outcome.line ? ` (line ${outcome.line}${outcome.column ? `, column ${outcome.column}` : ''})` : '';
      this.csvError = `${outcome.message}${where}`;
      return;
    }
    this.csv = { text, name, label, dropInvalid, summary: outcome };
    this.csvGeneration = this.engine.generation;
    const m = outcome.suggestedMembers;
    this.config = mergeConfig(this.config, { data: { name: 'csv', n: null, noise: null, classes: null, features: null, outliers: 0 }, split: { targetMembers: m, shadowPool: 2 * m }, model: { type: 'mlp' }, train: { augmentation: 'none' } });
    this.syncUrl();
  }

  /** The preset last applied (or named in the link), for presenter stepping and demo resets. */
  presetName: string | null = $state(null);
  /** What "reset demo" returns to: the config the page opened with, or the last preset applied. */
  private resetTarget: ExperimentConfig = defaultConfig();

  /** Replaces the config with a preset's. */
  applyPreset(name: string): void {
    this.config = presetConfig(name);
    this.resetTarget = this.config;
    this.presetName = name;
    this.syncUrl();
  }

  /** Replays the demo: the same preset (or opening config) and seed, run again from scratch. */
  async resetDemo(): Promise<void> {
    if (this.running) await this.stop();
    this.config = this.resetTarget;
    this.syncUrl();
    this.result = null;
    this.previous = null;
    this.finished = null;
    this.finishedBefore = null;
    this.runs = [];
    this.shownRun = null;
    await this.run();
  }

  private syncUrl(): void {
    const params = writeConfigParams(this.config, new URLSearchParams(location.search));
    params.delete('preset');
    const query = params.toString();
    history.replaceState(null, '', `${location.pathname}${query ? '?' + query : ''}${location.hash}`);
  }

  /** Runs the current config. A newer run or Stop makes this one's result be dropped. */
  async run(): Promise<void> {
    const id = ++this.requestId;
    const config = this.config;
    // A request with the same trained models joins the run in progress: its curves go on.
    const joins = this.running && this.runningKey === trainingKey(config);
    this.running = true;
    this.error = null;
    if (!joins) {
      this.progress = { label: 'starting', phase: 'data', fraction: 0, etaSeconds: null };
      this.pipeline = foldProgress(null, 'data');
    }
    this.runningKey = trainingKey(config);
    if (config.data.name === 'csv') {
      if (!this.csv) {
        this.error = 'The dataset is set to csv, but no file is loaded. Choose a CSV file under Dataset.';
        this.running = false;
        this.progress = null;
        return;
      }
      if (this.csvGeneration !== this.engine.generation) await this.loadCsv(this.csv.text, this.csv.name, this.csv.label, this.csv.dropInvalid);
    }
    const retraining = !this.finished || trainingKey(this.finished.config) !== trainingKey(config);
    if (retraining && !joins) this.liveHistory = [];
    try {
      const result = await this.engine.run(config, (e) => id === this.requestId && this.onProgress(e), {
        owner: 'playground',
        onPartial: (r) => id === this.requestId && this.showPartial(r),
        signal: this.abort.signal,
      });
      if (id !== this.requestId) return;
      this.finishedBefore = this.finished;
      this.finished = result;
      this.previous = this.finishedBefore;
      this.result = result;
      this.completedRuns++;
      this.remember(result, this.finishedBefore);
      this.liveHistory = result.history;
      this.liveConfidence = result.confidence;
      // Feature the strongest attack of this run unless the learner picked one that still ran.
      this.featured = featuredAttack(result.attacks, this.pinnedAttack);
      this.pipeline = foldProgress(this.pipeline, 'done');
    } catch (err) {
      if (id !== this.requestId) return;
      // Previews of a run that did not finish give way to the last finished result.
      this.result = this.finished;
      this.previous = this.finishedBefore;
      await this.recover(err, config);
    } finally {
      if (id === this.requestId) {
        this.running = false;
        this.runningKey = null;
        this.progress = null;
        // A run that failed lights no stage as if it were still working.
        if (this.pipeline?.phase !== 'done') this.pipeline = null;
      }
    }
  }

  /** A WebGPU fault reruns on wasm with a notice; anything else is shown as a message. */
  private async recover(err: unknown, config: ExperimentConfig): Promise<void> {
    const message = err instanceof Error ? err.message : String(err);
    // A crash restarted the worker and says so (engine.notice); a cancelled run needs no message.
    if (err instanceof EngineCrashError || err instanceof JobCancelledError) return;
    if (this.engine.backend?.backend === 'webgpu' && /device|gpu|out of memory|lost/i.test(message)) {
      this.notice = `WebGPU failed during the run (${message}). Rerunning on WebAssembly with the same settings.`;
      await this.engine.fallBackToWasm();
      this.config = config;
      await this.run();
      return;
    }
    this.error = message;
  }

  private onProgress(e: ProgressEvent): void {
    this.progress = liveProgress(e);
    this.pipeline = foldPipeline(this.pipeline, e);
    if (e.targetEpoch) {
      this.liveHistory = [...this.liveHistory, e.targetEpoch];
      const { memberConfidence, nonMemberConfidence } = e.targetEpoch;
      if (memberConfidence && nonMemberConfidence) this.liveConfidence = { members: memberConfidence, nonMembers: nonMemberConfidence };
    }
  }

  /** Moves the featured attack's threshold (no retraining); null goes back to the attacker's own. */
  setThreshold(value: number | null): void {
    const f = this.featuredScores;
    this.thresholdChoice = value === null || !f || !this.result ? null : { result: this.result, attack: f.name, value };
  }

  /** Keeps a finished run in the history strip, with what changed since the run finished before it. */
  private remember(result: PlaygroundResult, before: PlaygroundResult | null): void {
    this.runs = appendRun(this.runs, result, before);
    this.shownRun = this.runs[this.runs.length - 1].id;
  }

  /**
   * Shows an earlier run again, without retraining: its result and its settings return to every
   * view, and the run on show until now becomes the one compared with. Ignored while a run trains.
   */
  showRun(id: number): void {
    const entry = this.runs.find((r) => r.id === id);
    if (!entry || this.running || entry.result === this.result) return;
    this.finishedBefore = this.finished;
    this.finished = entry.result;
    this.previous = this.finishedBefore;
    this.result = entry.result;
    this.config = entry.result.config;
    this.liveHistory = entry.result.history;
    this.liveConfidence = entry.result.confidence;
    this.featured = featuredAttack(entry.result.attacks, this.pinnedAttack);
    this.shownRun = id;
    this.error = null;
    this.syncUrl();
  }

  /** Features `name` on the scoreboard from now on; null goes back to the strongest of each run. */
  pinFeatured(name: string | null): void {
    this.pinnedAttack = name;
    if (this.result) this.featured = featuredAttack(this.result.attacks, name);
  }

  /** A preview on the models trained so far (the run goes on). */
  private showPartial(r: PlaygroundResult): void {
    this.result = r;
    this.previous = this.finished;
    this.liveConfidence = r.confidence;
    this.featured = featuredAttack(r.attacks, this.pinnedAttack);
  }

  /** Cancels the run: the workers training it restart; settings and the last finished result stay. */
  async stop(): Promise<void> {
    this.requestId++;
    this.running = false;
    this.runningKey = null;
    this.progress = null;
    this.pipeline = null;
    this.result = this.finished;
    this.previous = this.finishedBefore;
    this.abort.abort();
    this.abort = new AbortController();
    this.engine.cancel('playground');
  }
}
