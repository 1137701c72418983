/**
 * @fileoverview The chart table: each chart name (present/chart-names.ts) → the component that
 * draws it, the props it takes from a LessonResult, whether it spans the whole row and, for a
 * chart that can be embedded, its props in an embed. A lesson widget (WidgetCharts.svelte) and an
 * embed's saved figure (EmbedCachedFigure.svelte) both render from this table, so adding a chart
 * is one entry here plus its name in chart-names.ts.
 */
import type { Component } from 'svelte';
import { ConfidenceHistogram, PipelineDiagram, RocChart, Scoreboard, TrainingCurves, type CurveMetric, type RocScale } from '../charts/index';
import SweepChart from './SweepChart.svelte';
import VariantsTable from './VariantsTable.svelte';
import AttacksTable from './AttacksTable.svelte';
import LessonThreshold from './LessonThreshold.svelte';
import VariantAttacksTable from './VariantAttacksTable.svelte';
import ExposureChart from './ExposureChart.svelte';
import RecordPair from './RecordPair.svelte';
import { pairRows } from './pair-rows';
import { onlyChanges, rocBound, rocSeries, scoreboardValues } from './chart-data';
import { foldProgress, pipelinePlan } from '../../state/pipeline';
import { defenseAdvice } from '../../core/experiment/defense-advice';
import { boundFigure } from '../../core/privacy/bound-figure';
import type { Playground } from '../../state/playground.svelte';
import type { ChartName, EmbeddableChart } from '../../present/chart-names';
import type { LessonResult } from '../../lessons/result';
import type { WidgetState } from './widget-state.svelte';
import type { LessonPageState } from './lesson-page.svelte';

/** What a lesson chart may read besides the result: its widget, and UI state the widget keeps across runs. */
export interface LessonChartContext {
  readonly w: WidgetState;
  readonly page: LessonPageState;
  /** The widget's featured attack (its `attack`), or null for the strongest. */
  readonly featured: string | null;
  readonly scale: RocScale;
  setScale(s: RocScale): void;
  readonly metric: CurveMetric;
  setMetric(m: CurveMetric): void;
}

/** What an embedded chart may read besides the result. */
export interface EmbedChartContext {
  readonly scale: RocScale;
  setScale(s: RocScale): void;
}

// Svelte's own bound on a component's props; an entry of unknown props (the table's type, the
// views' widened view of it) takes `any`, since a component's props type is contravariant.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Props = Record<string, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyProps = any;

export interface ChartEntry<P extends Props = AnyProps> {
  readonly component: Component<P>;
  /** Takes the whole row (tables, the scoreboard); a half-width chart alone in a widget also does. */
  readonly full: boolean;
  /** Its props in a lesson widget, or null when this result cannot draw it. */
  readonly lesson: (r: LessonResult, c: LessonChartContext) => NoInfer<P> | null;
  /** What the cell says instead when `lesson` gives null (nothing if absent). */
  readonly missing?: string;
  /** Its props when embedded alone (`?embed=<name>`) from a saved result; only embeddable charts have it. */
  readonly embed?: (r: LessonResult, c: EmbedChartContext) => NoInfer<P>;
  /** Its props in that embed while the playground trains live (and after), read from the run itself. */
  readonly live?: (pg: Playground, c: EmbedChartContext) => NoInfer<P>;
}
type EmbedEntry<P extends Props = AnyProps> = ChartEntry<P> & Required<Pick<ChartEntry<P>, 'embed' | 'live'>>;

const entry = <P extends Props>(e: ChartEntry<P>): ChartEntry<P> => e;
const embeddable = <P extends Props>(e: EmbedEntry<P>): EmbedEntry<P> => e;

/** The preset and the variants that change only the swept field (a live run counts too). */
function sweepResults(w: WidgetState, x: string): LessonResult[] {
  return [
    ...(w.cache ? [w.cache.result] : []),
    ...w.spec.variants.filter((v) => Object.keys(v.set).every((k) => k === x)).flatMap((v) => (w.variants[v.key] ? [w.variants[v.key]] : [])),
    ...(w.lastLive && w.baseConfig && onlyChanges(w.baseConfig, w.lastLive.config, x) ? [w.lastLive] : []),
  ];
}

const attackCounts = (r: LessonResult) => (r.attacks[0] ? { members: r.attacks[0].members, nonMembers: r.attacks[0].nonMembers } : null);

export const CHART_TABLE = {
  scoreboard: embeddable({
    component: Scoreboard, full: true,
    lesson: (r, c) => scoreboardValues(r, c.featured),
    embed: (r) => ({ ...scoreboardValues(r, null), advice: defenseAdvice(r.config).map((n) => n.text) }),
    live: ({ result: r, featured }) => {
      const a = r?.attacks.find((x) => x.name === featured) ?? r?.attacks[0] ?? null;
      return {
        testAccuracy: r?.target.testAccuracy ?? null, trainAccuracy: r?.target.trainAccuracy ?? null,
        attack: a ? { title: a.title, auc: a.auc, balancedAccuracy: a.balancedAccuracy, tprAt1: a.tprAtFpr['0.01'], members: a.members, nonMembers: a.nonMembers } : null,
        epsilon: r?.privacy ? r.privacy.epsilon : null, audit: r?.privacy?.audit ?? null, advice: r ? defenseAdvice(r.config).map((n) => n.text) : [],
      };
    },
  }),
  histogram: embeddable({
    component: ConfidenceHistogram, full: false,
    lesson: (r) => ({ members: r.confidence.members, nonMembers: r.confidence.nonMembers, title: 'Confidence in the true class' }),
    embed: (r) => ({ members: r.confidence.members, nonMembers: r.confidence.nonMembers, counts: attackCounts(r), title: 'Confidence on members vs non-members' }),
    live: (pg) => ({ members: pg.liveConfidence?.members ?? [], nonMembers: pg.liveConfidence?.nonMembers ?? [], title: 'Confidence on members vs non-members' }),
  }),
  threshold: entry({ component: LessonThreshold, full: true, lesson: (r, c) => ({ result: r, attack: c.featured }) }),
  curves: embeddable({
    component: TrainingCurves, full: false,
    lesson: (r, c) => ({
      history: r.history, totalEpochs: r.config.train.epochs, stoppedEpoch: r.target.stoppedEpoch,
      bestEpoch: r.config.train.earlyStopping ? r.target.bestEpoch : null, metric: c.metric, onMetricChange: c.setMetric,
    }),
    embed: (r) => ({ history: r.history, totalEpochs: r.config.train.epochs, stoppedEpoch: r.target.stoppedEpoch }),
    live: (pg) => ({ history: pg.liveHistory, totalEpochs: pg.config.train.epochs }),
  }),
  roc: embeddable({
    component: RocChart, full: false,
    lesson: (r, c) => ({ curves: rocSeries(r, c.scale), bound: rocBound(r, c.scale), scale: c.scale, onScaleChange: c.setScale, highlight: c.featured, nonMembers: r.attacks[0]?.nonMembers ?? 0 }),
    embed: (r, c) => ({ curves: rocSeries(r, c.scale), bound: rocBound(r, c.scale), scale: c.scale, onScaleChange: c.setScale, nonMembers: r.attacks[0]?.nonMembers ?? 0 }),
    live: ({ result: r }, c) => ({
      curves: (r?.roc ?? []).map((x) => ({ ...x, fpr: c.scale === 'log' ? x.logFpr : x.fpr, tpr: c.scale === 'log' ? x.logTpr : x.tpr })),
      bound: r ? boundFigure(r.privacy, r.attacks, c.scale) : null, scale: c.scale, onScaleChange: c.setScale,
      nonMembers: r ? r.isMember.length - r.isMember.reduce((n, m) => n + m, 0) : 0,
    }),
  }),
  pipeline: entry({
    component: PipelineDiagram, full: true,
    // While this widget runs the diagram follows its progress; otherwise every stage is done.
    lesson: (r, { w }) => ({ plan: pipelinePlan(r.config), progress: w.running ? (w.progress?.phase ? foldProgress(null, w.progress.phase, w.progress.models) : null) : foldProgress(null, 'done') }),
  }),
  sweep: entry({
    component: SweepChart, full: false,
    lesson: (_r, { w, featured }) => (w.spec.sweep ? { results: sweepResults(w, w.spec.sweep.x), sweep: w.spec.sweep, featured } : null),
  }),
  variants: entry({ component: VariantsTable, full: true, lesson: (_r, { w, page }) => ({ w, page }) }),
  attacks: entry({ component: AttacksTable, full: true, lesson: (r, c) => ({ result: r, featured: c.featured }) }),
  'score-threshold': entry({ component: LessonThreshold, full: true, lesson: (r, c) => ({ result: r, attack: c.featured, over: 'score' as const }) }),
  'variant-attacks': entry({ component: VariantAttacksTable, full: true, lesson: (_r, { w }) => ({ w }) }),
  exposure: entry({
    component: ExposureChart, full: true,
    lesson: (r) => (r.exposure ? { exposure: r.exposure, attackTitle: r.attacks.find((a) => a.name === r.exposure?.attack)?.title ?? 'The attack' } : null),
    missing: 'This result kept no per-record picture of who is exposed.',
  }),
  pair: entry({
    component: RecordPair, full: true,
    // John Doe's and Jane Smith's verdicts: per compared model on a widget with variants, else per attack.
    lesson: (r, { w, featured }) => ({
      rows: pairRows({ current: r, base: w.live[JSON.stringify(w.baseConfig)] ?? w.cache?.result ?? null, variants: w.spec.variants, results: w.variants, featured, baseLabel: String(w.spec.extra.baseLabel ?? 'No change (lesson settings)') }),
      rowHeading: w.spec.variants.length > 0 ? 'Model' : 'Attack',
    }),
  }),
} satisfies { readonly [K in ChartName]: K extends EmbeddableChart ? EmbedEntry : ChartEntry };

/** A chart's entry, with its props widened so a view can spread them onto its component. */
export const chartEntry = (name: ChartName): ChartEntry => CHART_TABLE[name] as ChartEntry;
/** An embeddable chart's entry, likewise widened. */
export const embedEntry = (name: EmbeddableChart): EmbedEntry => CHART_TABLE[name] as EmbedEntry;
