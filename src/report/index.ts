/**
 * @fileoverview Audit reports for red teams: one model of the content (buildReport) rendered as
 * Markdown, self-contained HTML or raw JSON. Pure string builders; the download lives in the UI.
 */
import type { PlaygroundResult } from '../core/experiment/playground-view';
import { reportFigures, reportHtml } from './html';
import { reportJson } from './json';
import { reportMarkdown } from './markdown';
import { buildReport, type ReportOptions } from './model';

export { buildReport, strongestAttack, type ReportModel, type ReportOptions, type SweepReference, type ExposedRecord, type AttackRow } from './model';
export { recommend, suggestEpsilon, THRESHOLDS, type Recommendation, type Priority } from './recommend';
export { reportMarkdown } from './markdown';
export { reportHtml, reportFigures } from './html';
export { reportJson, plainReplacer } from './json';
export { escapeHtml, escapeMarkdown } from './escape';

export type ReportFormat = 'markdown' | 'html' | 'json';

/** A finished report file: its name, MIME type and text. */
export interface ReportFile {
  readonly filename: string;
  readonly mime: string;
  readonly text: string;
}

/** A file name from the run's dataset and seed, e.g. `mia-report-purchases-seed1.md`. Pure. */
export function reportFilename(result: PlaygroundResult, format: ReportFormat): string {
  const ext = { markdown: 'md', html: 'html', json: 'json' }[format];
  return `mia-report-${result.config.data.name}-seed${result.config.seed}.${ext}`;
}

/** Builds one report file from a result. Throws if no attack ran. Pure. */
export function reportFile(result: PlaygroundResult, format: ReportFormat, options: ReportOptions = {}): ReportFile {
  const model = buildReport(result, options);
  const filename = reportFilename(result, format);
  switch (format) {
    case 'markdown':
      return { filename, mime: 'text/markdown;charset=utf-8', text: reportMarkdown(model) };
    case 'html':
      return { filename, mime: 'text/html;charset=utf-8', text: reportHtml(model, reportFigures(result)) };
    case 'json':
      return { filename, mime: 'application/json', text: reportJson(result, model) };
  }
}
