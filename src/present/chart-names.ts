/**
 * @fileoverview The one list of chart names. A lesson widget's `charts` (checked by
 * `lessons/blocks.ts`), an embed's `?embed=` (read by `state/app-mode.ts`) and the chart table
 * that draws them (`components/lessons/chart-table.ts`, typed against these names so a missing
 * entry fails type-checking) all read it. Names only, no views: lessons and state may import it.
 */

/** Every chart a lesson widget may list. */
export const CHART_NAMES = [
  'scoreboard', 'histogram', 'threshold', 'curves', 'roc', 'pipeline', 'sweep', 'variants', 'attacks',
  'score-threshold', 'variant-attacks', 'exposure', 'pair',
] as const;
export type ChartName = (typeof CHART_NAMES)[number];

/**
 * The charts a page can show alone (`?embed=<name>`), each with the iframe height (px) its embed
 * code asks for. A chart listed here must have an `embed` props function in the chart table.
 */
export const EMBED_CHART_HEIGHTS = { histogram: 740, roc: 1060, scoreboard: 680, curves: 740 } as const satisfies Partial<Record<ChartName, number>>;
export type EmbeddableChart = keyof typeof EMBED_CHART_HEIGHTS;
export const EMBEDDABLE_CHARTS = Object.keys(EMBED_CHART_HEIGHTS) as EmbeddableChart[];
