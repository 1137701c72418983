/**
 * @fileoverview The CSV the learner loaded, parsed in the worker so a large file never freezes the
 * page. It stays in the worker's memory only; nothing is stored or sent anywhere.
 */
import { CsvError, parseCsv } from '../core/data/csv';
import type { Dataset } from '../core/data/types';

export interface CsvSummary {
  readonly ok: true;
  readonly rows: number;
  readonly features: number;
  readonly classes: readonly string[];
  readonly droppedRows: number;
  readonly warnings: readonly string[];
  /** Rows for the target's members that fit: a quarter of the rows (members, non-members, pool ×2). */
  readonly suggestedMembers: number;
}

export interface CsvFailure {
  readonly ok: false;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/**
 * Parses `text` with `labelColumn` as the label. Returns the summary the page shows and, on
 * success, the dataset (the worker keeps it for later runs). Pure.
 */
export function parseCsvUpload(text: string, labelColumn: string, dropInvalidRows: boolean, name: string): { summary: CsvSummary | CsvFailure; dataset?: Dataset } {
  try {
    const result = parseCsv(text, { labelColumn, dropInvalidRows, name });
    return {
      dataset: result.dataset,
      summary: {
        ok: true,
        rows: result.dataset.n,
        features: result.dataset.d,
        classes: result.dataset.classNames,
        droppedRows: result.droppedRows,
        warnings: result.warnings,
        suggestedMembers: Math.max(10, Math.min(5000, Math.floor(result.dataset.n / 4))),
      },
    };
  } catch (err) {
    if (err instanceof CsvError) return { summary: { ok: false, message: err.message, line: err.line, column: err.column } };
    return { summary: { ok: false, message: err instanceof Error ? err.message : String(err) } };
  }
}

/** The summary alone (see parseCsvUpload). */
export function loadCsv(text: string, labelColumn: string, dropInvalidRows: boolean, name: string): CsvSummary | CsvFailure {
  return parseCsvUpload(text, labelColumn, dropInvalidRows, name).summary;
}
