/**
 * @fileoverview The chart table: each chart name (present/chart-names.ts) → the component that
 * draws it, the props it takes from a LessonResult, and whether it spans the whole row. The
 * embeddable charts come from embed-chart-table.ts; the lesson-only ones are added here. A lesson
 * widget (WidgetCharts.svelte) and the embeds render from it, so adding a chart is one entry here
 * (or there, if it can be embedded) plus its name in chart-names.ts.
 */
import { PipelineDiagram } from '../charts/index';
import SweepChart from './SweepChart.svelte';
import VariantsTable from './VariantsTable.svelte';
import AttacksTable from './AttacksTable.svelte';
import LessonThreshold from './LessonThreshold.svelte';
import VariantAttacksTable from './VariantAttacksTable.svelte';
import ExposureChart from './ExposureChart.svelte';
import RecordPair from './RecordPair.svelte';
import { pairRows } from './pair-rows';
import { onlyChanges } from './chart-data';
import { foldProgress, pipelinePlan } from '../../state/pipeline';
import { EMBED_CHART_TABLE, entry, type ChartEntry, type EmbedEntry } from './embed-chart-table';
import type { ChartName, EmbeddableChart } from '../../present/chart-names';
import type { LessonResult } from '../../lessons/result';
import type { WidgetState } from './widget-state.svelte';

export { embedEntry, type ChartEntry, type EmbedChartContext, type LessonChartContext } from './embed-chart-table';

/** The preset and the variants that change only the swept field (a live run counts too). */
function sweepResults(w: WidgetState, x: string): LessonResult[] {
  return [
    ...(w.cache ? [w.cache.result] : []),
    ...w.spec.variants.filter((v) => Object.keys(v.set).every((k) => k === x)).flatMap((v) => (w.variants[v.key] ? [w.variants[v.key]] : [])),
    ...(w.lastLive && w.baseConfig && onlyChanges(w.baseConfig, w.lastLive.config, x) ? [w.lastLive] : []),
  ];
}

export const CHART_TABLE = {
  ...EMBED_CHART_TABLE,
  threshold: entry({ component: LessonThreshold, full: true, lesson: (r, c) => ({ result: r, attack: c.featured }) }),
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
