/**
 * @fileoverview One widget's results: the cached ones from public/cache and the live ones the
 * reader trains, the config its controls describe, and which result is on screen. A live result
 * replaces the cached one for the same config; a changed config shows the last result as stale.
 */
import { withField, type ExperimentConfig } from '../../core/experiment/config';
import { presetConfig } from '../../lessons/presets';
import type { WidgetSpec } from '../../lessons/blocks';
import { widgetFacts, type Facts } from '../../lessons/facts';
import { configFacts } from '../../lessons/config-facts';
import type { CacheFile, LessonResult, MetaSample } from '../../lessons/result';
import { applySet, sameConfig } from '../../lessons/variants';
import type { ProgressEvent } from '../../core/experiment/progress';

export interface RunProgress {
  readonly label: string;
  readonly fraction: number;
  readonly etaSeconds: number | null;
  /** The phase running and its count, for the pipeline strip. */
  readonly phase?: ProgressEvent['phase'];
  readonly models?: ProgressEvent['models'];
}

const keyOf = (c: ExperimentConfig) => JSON.stringify(c);

export class WidgetState {
  readonly spec: WidgetSpec;
  /** The preset's config; controls change `config` from here. */
  readonly baseConfig: ExperimentConfig | null;
  config: ExperimentConfig | null = $state.raw(null);
  cache: CacheFile | null = $state.raw(null);
  cacheError: string | null = $state(null);
  /** Live results by config (JSON), newest last. */
  live: Readonly<Record<string, LessonResult>> = $state.raw({});
  liveMeta: MetaSample | null = $state.raw(null);
  lastLive: LessonResult | null = $state.raw(null);
  running = $state(false);
  progress: RunProgress | null = $state.raw(null);
  error: string | null = $state(null);
  /** False while a prediction about this widget is still to be made. */
  revealed = $state(true);

  constructor(spec: WidgetSpec) {
    this.spec = spec;
    this.baseConfig = spec.preset ? presetConfig(spec.preset) : null;
    this.config = this.baseConfig;
  }

  /** The result for a variant key: live if the reader ran it, else cached. */
  variant(key: string): LessonResult | null {
    const v = this.spec.variants.find((x) => x.key === key);
    if (!v || !this.baseConfig) return null;
    return this.live[keyOf(applySet(this.baseConfig, v.set))] ?? this.cache?.variants[key]?.result ?? null;
  }

  /** Every variant's current result, by key. */
  readonly variants: Readonly<Record<string, LessonResult>> = $derived.by(() => {
    const out: Record<string, LessonResult> = {};
    for (const v of this.spec.variants) {
      const r = this.variant(v.key);
      if (r) out[v.key] = r;
    }
    return out;
  });

  /** A result for exactly the current config, live first, then cached (base or a variant). */
  private readonly exact: LessonResult | null = $derived.by(() => {
    const c = this.config;
    if (!c) return null;
    const live = this.live[keyOf(c)];
    if (live) return live;
    const cached = this.cache?.result;
    if (cached && this.baseConfig && sameConfig(c, this.baseConfig)) return cached;
    return Object.values(this.variants).find((r) => r.source === 'cached' && sameConfig(r.config, c)) ?? null;
  });

  /** What the widget shows: the exact result, else the last one (marked stale). */
  readonly current: LessonResult | null = $derived(this.exact ?? this.lastLive ?? this.cache?.result ?? null);
  readonly stale = $derived(this.current !== null && this.exact === null);
  readonly meta: MetaSample | null = $derived(this.liveMeta ?? this.cache?.meta ?? null);

  /**
   * The widget's named facts, for placeholders. Until revealed, only the settings of the run it
   * will show (config.*) and of its preset (preset.*): a question may name them ("trained at
   * ε = 4") without giving away a result.
   */
  readonly facts: Facts = $derived.by(() => {
    const settings: Record<string, number | string | null> = {};
    const config = this.current?.config ?? this.config;
    if (config) configFacts(config, settings);
    // The lesson's own settings (preset.*), fixed whatever the reader runs or toggles, and each
    // variant's (<key>.config.*), which its result, once shown, reports the same.
    if (this.baseConfig) {
      configFacts(this.baseConfig, settings, 'preset.');
      for (const v of this.spec.variants) configFacts(applySet(this.baseConfig, v.set), settings, `${v.key}.config.`);
    }
    return this.revealed ? { ...settings, ...widgetFacts(this.current, this.variants, this.spec.attack, this.meta, this.cache?.oneRecord ?? null) } : settings;
  });

  /** Sets one control from its raw string; returns the problem, or null. */
  set(path: string, raw: string): string | null {
    if (!this.config) return 'This widget has no experiment.';
    try {
      this.config = withField(this.config, path, raw);
      this.error = null;
      return null;
    } catch (err) {
      return (this.error = (err as Error).message);
    }
  }

  /** Back to the preset (and its cached result). */
  resetControls(): void {
    this.config = this.baseConfig;
    this.error = null;
  }

  /** Stores a live result under its own config. */
  addLive(r: LessonResult): void {
    this.live = { ...this.live, [keyOf(r.config)]: r };
    if (this.config && sameConfig(r.config, this.config)) this.lastLive = r;
  }
}
