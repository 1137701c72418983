/**
 * @fileoverview The open lesson: one WidgetState per widget, cached results fetched from our own
 * origin (./cache/<preset>.json), live runs through the shared Engine one at a time, and the
 * reader's predictions, which unlock the widgets they are about.
 */
import type { Engine } from '../../state/engine.svelte';
import { etaSeconds } from '../../state/eta';
import type { ExperimentConfig } from '../../core/experiment/config';
import type { ProgressEvent } from '../../core/experiment/progress';
import type { Lesson } from '../../lessons/parse';
import type { PlaceholderRef } from '../../lessons/placeholders';
import { compactResult, type CacheFile, type LessonResult } from '../../lessons/result';
import { RESERVED_NAMES } from '../../core/data/names';
import type { PlaygroundResult } from '../../state/engine-types';
import type { MetaSample } from '../../lessons/result';
import { WidgetState } from './widget-state.svelte';
import type { CourseProgress } from './progress.svelte';

export type CacheFetcher = (preset: string) => Promise<CacheFile>;

/** Fetches a cached preset result from the app's own folder. */
export const fetchCache: CacheFetcher = async (preset) => {
  const res = await fetch(`./cache/${encodeURIComponent(preset)}.json`);
  if (!res.ok) throw new Error(`No cached result for ${preset} (HTTP ${res.status}).`);
  return (await res.json()) as CacheFile;
};

let openedPages = 0;

export class LessonPageState {
  readonly widgets: Readonly<Record<string, WidgetState>>;
  /** Chosen option per prediction id. */
  predictions: Record<string, number> = $state({});
  checkpoints: Record<string, number> = $state({});
  /** Slider position per estimate id (estimateValue turns it into the guess). */
  estimates: Record<string, number> = $state({});
  /** Solutions the reader opened. */
  solutions: Record<string, boolean> = $state({});
  private queue: Promise<unknown> = Promise.resolve();
  /** Bumped on dispose, so results that arrive after the page closed are dropped. */
  private alive = true;
  /** This page's runs in the engine: they replace each other, never the playground's. */
  private readonly owner = `lesson:${++openedPages}`;

  constructor(readonly lesson: Lesson, private readonly engine: Engine, private readonly progress: CourseProgress) {
    const widgets: Record<string, WidgetState> = {};
    for (const spec of lesson.widgets) widgets[spec.id] = new WidgetState(spec);
    this.widgets = widgets;
    const saved = progress.saved(lesson.slug);
    // Saved choices count only where this lesson still has that block and that option.
    const savedChoice = (choices: Record<string, number> | undefined, id: string, options: number) => {
      const k = choices && Object.hasOwn(choices, id) ? choices[id] : undefined;
      return k !== undefined && k < options ? k : undefined;
    };
    for (const p of lesson.predictions) {
      const chosen = savedChoice(saved?.predictions, p.id, p.options.length);
      if (chosen !== undefined) this.predictions[p.id] = chosen;
      else widgets[p.widget].revealed = false;
    }
    // An estimate locks its widget too; it is saved with the predictions, as its slider position.
    for (const e of lesson.estimates) {
      const position = savedChoice(saved?.predictions, e.id, Math.round((e.max - e.min) / e.step) + 1);
      if (position !== undefined) this.estimates[e.id] = position;
      else widgets[e.widget].revealed = false;
    }
    for (const c of lesson.checkpoints) {
      const chosen = savedChoice(saved?.checkpoints, c.id, c.options.length);
      if (chosen !== undefined) this.checkpoints[c.id] = chosen;
    }
    progress.visit(lesson.slug);
  }

  /** Loads every preset's cached file once; widgets without one say so. */
  async loadCache(fetcher: CacheFetcher = fetchCache): Promise<void> {
    const presets = [...new Set(Object.values(this.widgets).flatMap((w) => (w.spec.preset ? [w.spec.preset] : [])))];
    await Promise.all(
      presets.map(async (preset) => {
        const users = Object.values(this.widgets).filter((w) => w.spec.preset === preset);
        try {
          const file = await fetcher(preset);
          if (this.alive) users.forEach((w) => (w.cache = file));
        } catch (err) {
          if (this.alive) users.forEach((w) => (w.cacheError = `${(err as Error).message} Press Run to train it live.`));
        }
      }),
    );
  }

  /** A placeholder's value: undefined while its widget has no (revealed) result. */
  lookup(ref: PlaceholderRef): number | string | null | undefined {
    return this.widgets[ref.widget]?.facts[ref.path];
  }

  predict(id: string, option: number): void {
    const p = this.lesson.predictions.find((x) => x.id === id);
    if (!p) return;
    this.predictions[id] = option;
    this.widgets[p.widget].revealed = this.committedAll(p.widget);
    this.progress.predict(this.lesson.slug, id, option);
  }

  /** Commits an estimate at slider `position`; its widget opens once every guess about it is in. */
  estimate(id: string, position: number): void {
    const e = this.lesson.estimates.find((x) => x.id === id);
    if (!e) return;
    this.estimates[id] = position;
    this.widgets[e.widget].revealed = this.committedAll(e.widget);
    this.progress.predict(this.lesson.slug, id, position);
  }

  /** Whether the reader committed every prediction and estimate about `widget`. */
  private committedAll(widget: string): boolean {
    return (
      this.lesson.predictions.every((p) => p.widget !== widget || Object.hasOwn(this.predictions, p.id)) &&
      this.lesson.estimates.every((e) => e.widget !== widget || Object.hasOwn(this.estimates, e.id))
    );
  }

  answer(id: string, option: number): void {
    this.checkpoints[id] = option;
    const done = this.lesson.checkpoints.every((c) => this.checkpoints[c.id] === c.answer);
    this.progress.answer(this.lesson.slug, id, option, done);
  }

  /**
   * Trains `configs` live, one after another (the worker reuses models when only the attack or
   * API changes), and stores each result in `w`. Runs queue behind any other widget's run.
   */
  run(w: WidgetState, configs: readonly ExperimentConfig[]): Promise<void> {
    const job = this.queue.then(() => this.runNow(w, configs, (c, onProgress) => this.engine.run(c, onProgress, { owner: this.owner })));
    this.queue = job.catch(() => undefined);
    return job;
  }

  /** Lesson 5: trains the config's shadows and returns rows of the meta-dataset with the result. */
  runMeta(w: WidgetState, config: ExperimentConfig): Promise<void> {
    const job = this.queue.then(() =>
      this.runNow(w, [config], async (c, onProgress) => {
        const { result, meta } = await this.engine.lessonMeta(c, onProgress, this.owner);
        if (this.alive) w.liveMeta = meta;
        return result;
      }),
    );
    this.queue = job.catch(() => undefined);
    return job;
  }

  private async runNow(
    w: WidgetState,
    configs: readonly ExperimentConfig[],
    call: (c: ExperimentConfig, onProgress: (e: ProgressEvent) => void) => Promise<PlaygroundResult>,
  ): Promise<void> {
    w.running = true;
    w.error = null;
    const started = Date.now();
    try {
      for (const [k, config] of configs.entries()) {
        const onProgress = (e: ProgressEvent) => {
          if (!this.alive) return;
          const fraction = (k + e.fraction) / configs.length;
          const elapsed = (Date.now() - started) / 1000;
          w.progress = { label: e.label, fraction, etaSeconds: etaSeconds(elapsed, fraction), phase: e.phase, models: e.models };
        };
        const view = await call(config, onProgress);
        if (!this.alive) return;
        w.addLive(compactResult(view, { source: 'live', pinNames: RESERVED_NAMES }) as LessonResult);
      }
    } catch (err) {
      if (this.alive) w.error = (err as Error).message;
    } finally {
      if (this.alive) {
        w.running = false;
        w.progress = null;
      }
    }
  }

  /** Closes the page: results still on their way are dropped, and its models are freed. */
  dispose(): void {
    this.alive = false;
    void this.engine.release(this.owner);
  }
}

export type { MetaSample };
