/**
 * @fileoverview The playground's charts. Each is a small Svelte component (props in, callbacks
 * out) over pure helpers that d3 computes and Vitest pins; this module re-exports the components
 * and the types their props use.
 */
export { default as ChartFrame } from './ChartFrame.svelte';
export { default as ConfidenceHistogram } from './ConfidenceHistogram.svelte';
export { default as DecisionBoundary } from './DecisionBoundary.svelte';
export { default as PipelineDiagram } from './PipelineDiagram.svelte';
export { default as ProgressBar } from './ProgressBar.svelte';
export { default as RocChart } from './RocChart.svelte';
export { default as Scoreboard } from './Scoreboard.svelte';
export { default as TrainingCurves } from './TrainingCurves.svelte';

export type { BoundaryGrid, BoundaryPoint } from './decision-boundary';
export type { PipelinePhase } from '../../state/pipeline';
export type { RocBound, RocScale, RocSeries } from './roc';
export type { ScoreboardValues } from '../../present/scoreboard';
export type { CurveMetric, EpochRecord } from './training-curves';
export { CATEGORICAL, seriesStyle, type SeriesStyle } from '../../present/palette';
