/**
 * @fileoverview The chart table's types and its embeddable entries (histogram, ROC, curves,
 * scoreboard): each chart's component, whether it spans the row, and its props in a lesson widget,
 * in an embed from a saved result and in a live embed. Apart from chart-table.ts, which adds the
 * lesson-only charts, so an embed (in the page's first chunk) does not load the lessons' tables.
 */
import type { Component } from 'svelte';
import { ConfidenceHistogram, RocChart, Scoreboard, TrainingCurves, type CurveMetric, type RocScale } from '../charts/index';
import { rocBound, rocSeries, scoreboardValues } from './chart-data';
import { defenseAdvice } from '../../core/experiment/defense-advice';
import { boundFigure } from '../../core/privacy/bound-figure';
import type { Playground } from '../../state/playground.svelte';
import type { EmbeddableChart } from '../../present/chart-names';
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
export type EmbedEntry<P extends Props = AnyProps> = ChartEntry<P> & Required<Pick<ChartEntry<P>, 'embed' | 'live'>>;

export const entry = <P extends Props>(e: ChartEntry<P>): ChartEntry<P> => e;
const embeddable = <P extends Props>(e: EmbedEntry<P>): EmbedEntry<P> => e;

const attackCounts = (r: LessonResult) => (r.attacks[0] ? { members: r.attacks[0].members, nonMembers: r.attacks[0].nonMembers } : null);

/** The charts a page can also show alone (`?embed=<name>`). */
export const EMBED_CHART_TABLE = {
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
} satisfies { readonly [K in EmbeddableChart]: EmbedEntry };

/** An embeddable chart's entry, with its props widened so a view can spread them onto its component. */
export const embedEntry = (name: EmbeddableChart): EmbedEntry => EMBED_CHART_TABLE[name] as EmbedEntry;
