import { describe, expect, it } from 'vitest';
import { CHART_TABLE, chartEntry, embedEntry, type LessonChartContext } from './chart-table';
import { CHART_NAMES, EMBEDDABLE_CHARTS } from '../../present/chart-names';
import { CHARTS } from '../../lessons/blocks';
import { EMBED_WIDGETS, readAppMode } from '../../state/app-mode';
import { EMBED_HEIGHTS } from '../../state/embed-link';
import { rocBound, rocSeries, scoreboardValues } from './chart-data';
import type { LessonResult } from '../../lessons/result';
import type { WidgetState } from './widget-state.svelte';
import type { LessonPageState } from './lesson-page.svelte';
import type { RocScale } from '../charts/index';
import type { Playground } from '../../state/playground.svelte';
import { defaultConfig } from '../../core/experiment/config';

const base = defaultConfig();

const attack = (name: string, title: string, auc: number) => ({
  name, title, auc, balancedAccuracy: 0.6, tprAt10: 0.4, tprAt1: 0.05, tprAt01: 0.01, members: 100, nonMembers: 120,
  roc: { fpr: [0, 0.5, 1], tpr: [0, 0.7, 1] }, rocLog: { fpr: [1e-3, 0.01, 1], tpr: [0.01, 0.05, 1] },
});
const result = {
  config: { ...base, train: { ...base.train, epochs: 12, earlyStopping: true } },
  target: { testAccuracy: 0.8, trainAccuracy: 0.95, stoppedEpoch: 9, bestEpoch: 7 },
  history: [{ epoch: 1, trainAccuracy: 0.5, testAccuracy: 0.5, trainLoss: 1, testLoss: 1 }],
  confidence: { members: [0.9, 0.8], nonMembers: [0.6] },
  attacks: [attack('loss', 'Loss threshold', 0.6), attack('lira-online', 'LiRA', 0.7)],
  privacy: null,
  exposure: null,
} as unknown as LessonResult;

function lessonCtx(featured: string | null): LessonChartContext & { log: string[] } {
  const log: string[] = [];
  return {
    w: { spec: { attack: featured }, running: false } as unknown as WidgetState, page: {} as LessonPageState, featured,
    scale: 'log', setScale: (s: RocScale) => log.push(`scale ${s}`), metric: 'loss', setMetric: (m) => log.push(`metric ${m}`), log,
  };
}

describe('the chart table', () => {
  it('has exactly one entry per chart name, so lessons and embeds can draw every name they accept', () => {
    expect(Object.keys(CHART_TABLE).sort()).toEqual([...CHART_NAMES].sort());
  });

  it('is keyed by the one list of names that lesson blocks check and embed links accept', () => {
    expect(CHARTS).toBe(CHART_NAMES);
    expect(EMBED_WIDGETS).toEqual(['histogram', 'roc', 'scoreboard', 'curves', 'playground']);
    expect(readAppMode('?embed=roc').embed).toBe('roc');
    expect(readAppMode('?embed=sweep').embed).toBeNull();
    expect(Object.keys(EMBED_HEIGHTS).sort()).toEqual([...EMBED_WIDGETS].sort());
  });

  it('gives embed props to exactly the embeddable charts', () => {
    const withEmbed = CHART_NAMES.filter((n) => chartEntry(n).embed !== undefined);
    expect(withEmbed.sort()).toEqual([...EMBEDDABLE_CHARTS].sort());
    expect(CHART_NAMES.filter((n) => chartEntry(n).live !== undefined).sort()).toEqual([...EMBEDDABLE_CHARTS].sort());
  });

  it('spans the whole row for the tables, the scoreboard and the pipeline, half of it for plots', () => {
    expect(CHART_NAMES.filter((n) => !chartEntry(n).full).sort()).toEqual(['curves', 'histogram', 'roc', 'sweep']);
  });
});

describe('chart props from a lesson result', () => {
  it('passes the featured attack and the widget\'s ROC scale to the ROC, and its setter', () => {
    const c = lessonCtx('lira-online');
    const p = chartEntry('roc').lesson(result, c);
    expect(p).toEqual({ curves: rocSeries(result, 'log'), bound: rocBound(result, 'log'), scale: 'log', onScaleChange: c.setScale, highlight: 'lira-online', nonMembers: 120 });
    p.onScaleChange('linear');
    expect(c.log).toEqual(['scale linear']);
    // The embed draws the same curves without a featured attack.
    const e = embedEntry('roc').embed(result, { scale: 'linear', setScale: () => undefined });
    expect(e.curves[0].fpr).toEqual([0, 0.5, 1]);
    expect(e).not.toHaveProperty('highlight');
  });

  it('titles the histogram for the lesson, and adds the attack\'s counts in an embed', () => {
    expect(chartEntry('histogram').lesson(result, lessonCtx(null))).toEqual({ members: [0.9, 0.8], nonMembers: [0.6], title: 'Confidence in the true class' });
    expect(embedEntry('histogram').embed(result, { scale: 'log', setScale: () => undefined })).toEqual({
      members: [0.9, 0.8], nonMembers: [0.6], counts: { members: 100, nonMembers: 120 }, title: 'Confidence on members vs non-members',
    });
  });

  it('marks the best epoch only with early stopping, and hands the widget\'s metric to the curves', () => {
    const c = lessonCtx(null);
    expect(chartEntry('curves').lesson(result, c)).toEqual({ history: result.history, totalEpochs: 12, stoppedEpoch: 9, bestEpoch: 7, metric: 'loss', onMetricChange: c.setMetric });
    const noStop = { ...result, config: { ...base, train: { ...base.train, epochs: 12, earlyStopping: false } } } as unknown as LessonResult;
    expect(chartEntry('curves').lesson(noStop, c).bestEpoch).toBeNull();
    expect(embedEntry('curves').embed(result, { scale: 'log', setScale: () => undefined })).toEqual({ history: result.history, totalEpochs: 12, stoppedEpoch: 9 });
  });

  it('scores the featured attack on the scoreboard; the embed adds the defense advice', () => {
    expect(chartEntry('scoreboard').lesson(result, lessonCtx('loss'))).toEqual(scoreboardValues(result, 'loss'));
    expect(chartEntry('scoreboard').lesson(result, lessonCtx('loss')).attack.title).toBe('Loss threshold');
    const e = embedEntry('scoreboard').embed(result, { scale: 'log', setScale: () => undefined });
    expect(e.attack).toEqual(scoreboardValues(result, null).attack);
    expect(Array.isArray(e.advice)).toBe(true);
  });

  it('gives the attacks table the result and featured attack, and shows every pipeline stage done when idle', () => {
    expect(chartEntry('attacks').lesson(result, lessonCtx('loss'))).toEqual({ result, featured: 'loss' });
    const pipeline = chartEntry('pipeline').lesson(result, lessonCtx(null));
    expect(pipeline.progress.phase).toBe('done');
  });

  it('draws no exposure chart for a result without one, and says why instead', () => {
    expect(chartEntry('exposure').lesson(result, lessonCtx(null))).toBeNull();
    expect(chartEntry('exposure').missing).toMatch(/no per-record picture/);
  });
});

describe('chart props in a live embed', () => {
  const ctx = { scale: 'linear' as RocScale, setScale: () => undefined };
  it('draws the streaming confidence and history before a result exists', () => {
    const pg = { result: null, featured: null, liveConfidence: null, liveHistory: [], config: base } as unknown as Playground;
    expect(embedEntry('histogram').live(pg, ctx)).toEqual({ members: [], nonMembers: [], title: 'Confidence on members vs non-members' });
    expect(embedEntry('curves').live(pg, ctx)).toEqual({ history: [], totalEpochs: base.train.epochs });
    expect(embedEntry('roc').live(pg, ctx)).toMatchObject({ curves: [], bound: null, nonMembers: 0 });
    expect(embedEntry('scoreboard').live(pg, ctx)).toMatchObject({ testAccuracy: null, attack: null, advice: [] });
  });
});
