/**
 * @fileoverview Column handling for CSV import: header names, the label column, strict number
 * parsing, numeric-vs-categorical detection, per-value checks for numeric columns, and category
 * lists for one-hot encoding.
 */

import { CsvError } from './csv-tokenize';
import { clipText, labelSpellingProblem } from './csv-checks';

/** Magnitudes above this are rejected: float32 training would lose them, and they are almost always IDs or typos. */
export const MAX_ABS_VALUE = 1e15;

/** What a CSV column became. */
export interface CsvColumnInfo {
  /** Header name. */
  readonly name: string;
  /** 'label' for the label column; 'ignored' for a column with no values at all. */
  readonly kind: 'numeric' | 'categorical' | 'label' | 'ignored';
  /** For categorical columns, the one-hot categories in feature order. */
  readonly categories?: readonly string[];
}

// `\d+(?:\.\d*)?`, not `\d+\.?\d*`: the latter backtracks quadratically on a long run of digits.
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d*,\d+$/;
const NON_FINITE = /^[+-]?(?:nan|inf|infinity)$/i;
// Thousands separators, one kind per number: "1,234.5" or "1 234" (decimal comma files: "1.234,5").
const GROUPED_POINT = /^[+-]?\d{1,3}([, \u00a0\u202f])\d{3}(?:\1\d{3})*(?:\.\d+)?$/;
const GROUPED_COMMA = /^[+-]?\d{1,3}([. \u00a0\u202f])\d{3}(?:\1\d{3})*(?:,\d+)?$/;

/** A number written with thousands separators, or null. Tried only after parseCell fails. */
function parseGrouped(s: string, decimalComma: boolean): number | null {
  const m = (decimalComma ? GROUPED_COMMA : GROUPED_POINT).exec(s);
  if (!m) return null;
  const digits = s.split(m[1]).join('');
  return Number(decimalComma ? digits.replace(',', '.') : digits);
}

/**
 * Parses one trimmed cell: a finite number, NaN for NaN/Infinity spellings (numeric-looking but
 * unusable), or null for anything else. With `decimalComma` ("3,14") is accepted as 3.14, which is
 * how semicolon-separated files from comma-decimal locales write numbers.
 */
export function parseCell(s: string, decimalComma: boolean): number | null {
  if (NUMBER.test(s)) return Number(s);
  if (decimalComma && DECIMAL_COMMA.test(s)) return Number(s.replace(',', '.'));
  if (NON_FINITE.test(s)) return NaN;
  return null;
}

/** Per-cell outcome codes of parseColumn. */
export const CELL_OK = 0;
const CELL_MISSING = 1;
const CELL_NOT_NUMBER = 2;
const CELL_NOT_FINITE = 3;
const CELL_HUGE = 4;

/** One column read as numbers: a value and a status code per cell. */
export interface ParsedColumn {
  readonly values: Float64Array;
  /** CELL_OK, or why the cell can't be used as a number (see cellProblem). */
  readonly status: Uint8Array;
  /**
   * True when more than half of the non-empty cells look numeric. NaN/Infinity spellings count
   * as numeric-looking, so they are reported as bad numbers instead of turning the column categorical.
   */
  readonly mostlyNumeric: boolean;
  /** The first cell read through its thousands separators ("1,234"), to say so; null if none. */
  readonly grouped: string | null;
}

/** Parses every cell of a column once; the result serves both typing and validation. */
export function parseColumn(cells: readonly string[], decimalComma: boolean): ParsedColumn {
  const n = cells.length;
  const values = new Float64Array(n);
  const status = new Uint8Array(n);
  let nonEmpty = 0, numeric = 0;
  let grouped: string | null = null;
  for (let i = 0; i < n; i++) {
    const s = cells[i].trim();
    if (s === '') { status[i] = CELL_MISSING; continue; }
    nonEmpty++;
    let v = parseCell(s, decimalComma);
    if (v === null && (v = parseGrouped(s, decimalComma)) !== null) grouped ??= s;
    if (v === null) { status[i] = CELL_NOT_NUMBER; continue; }
    numeric++;
    if (Number.isNaN(v)) status[i] = CELL_NOT_FINITE;
    else if (Math.abs(v) > MAX_ABS_VALUE) status[i] = CELL_HUGE;
    else values[i] = v;
  }
  return { values, status, mostlyNumeric: nonEmpty > 0 && numeric * 2 > nonEmpty, grouped };
}

/** The message for a cell whose status is not CELL_OK (`raw` is the cell's text). */
export function cellProblem(status: number, raw: string): string {
  const s = clipText(raw.trim());
  switch (status) {
    case CELL_MISSING: return 'the value is missing';
    case CELL_NOT_NUMBER: return `"${s}" is not a number`;
    case CELL_NOT_FINITE: return `"${s}" is not a finite number`;
    case CELL_HUGE: return `${s} is larger than 1e15 in magnitude; rescale the column or remove it`;
    default: return 'the value is invalid';
  }
}

/** The category a categorical cell maps to before capping. */
export function categoryOf(raw: string): string {
  const s = raw.trim();
  return s === '' ? '(missing)' : s;
}

/** The bucket for categories beyond the cap. */
export const OTHER_CATEGORY = '(other)';

/**
 * The categories of one column over the kept rows, sorted by name for stable feature order. Past
 * `maxCategories`, the most frequent maxCategories−1 stay and the rest share "(other)", reported
 * through `capped` (the number of distinct values before capping).
 */
export function categoriesOf(
  cells: readonly string[],
  keep: Uint8Array,
  maxCategories: number,
): { categories: string[]; capped: number | null } {
  const counts = new Map<string, number>();
  for (let i = 0; i < cells.length; i++) {
    if (!keep[i]) continue;
    const c = categoryOf(cells[i]);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const all = [...counts.keys()];
  if (all.length <= maxCategories) return { categories: all.sort(compareText), capped: null };
  const byCount = all.sort((a, b) => counts.get(b)! - counts.get(a)! || compareText(a, b));
  const kept = byCount.slice(0, Math.max(1, maxCategories - 1)).sort(compareText);
  return { categories: [...kept, OTHER_CATEGORY], capped: all.length };
}

/** Code-unit order: unlike localeCompare it is the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The classes of the label column over the kept rows, sorted (sortLabels). Throws CsvError for one
 * class only, more than `maxClasses`, or one number spelled several ways ("1", "1.0"). Pure.
 */
export function labelClasses(cells: readonly string[], keep: Uint8Array, name: string, column: number, maxClasses: number): string[] {
  const distinct = new Set<string>();
  for (let i = 0; i < cells.length; i++) if (keep[i]) distinct.add(cells[i].trim());
  const labels = sortLabels([...distinct]);
  const where = { column, columnName: name };
  const shown = clipText(name);
  if (labels.length < 2) {
    throw new CsvError(`The label column "${shown}" has only one class ("${clipText(labels[0])}"); a classifier needs at least two.`, where);
  }
  if (labels.length > maxClasses) {
    throw new CsvError(`The label column "${shown}" has ${labels.length.toLocaleString('en-US')} distinct values; the limit is ` +
      `${maxClasses} classes. Is it the right column?`, where);
  }
  const spelling = labelSpellingProblem(labels, name);
  if (spelling) throw new CsvError(spelling, where);
  return labels;
}

/** Sorts label values numerically when all are numbers ("2" before "10"), else by code units. */
export function sortLabels(values: string[]): string[] {
  const allNumeric = values.every((v) => NUMBER.test(v));
  return allNumeric ? values.sort((a, b) => Number(a) - Number(b) || compareText(a, b)) : values.sort(compareText);
}

/** UTF-8 byte length of a string without allocating an encoder (TextEncoder isn't in core's lib). */
export function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { bytes += 4; i++; }
    else bytes += 3;
  }
  return bytes;
}

/** Trimmed header names; empty ones become "column N" (with a warning); duplicates throw. */
export function headerNames(header: string[], warnings: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, j) => {
    let name = raw.trim();
    if (name === '') {
      name = `column ${j + 1}`;
      warnings.push(`Column ${j + 1} has no name in the header; it is called "${name}".`);
    }
    const first = seen.get(name);
    if (first !== undefined) {
      throw new CsvError(`Line 1: the column name "${clipText(name)}" appears twice (columns ${first + 1} and ${j + 1}); ` +
        'column names must be unique.', { line: 1, column: j + 1, columnName: name });
    }
    seen.set(name, j);
    return name;
  });
}

/** The 0-based index of the label column, by name (exact, then case-insensitive) or position. */
export function resolveLabel(names: string[], label: string | number): number {
  if (typeof label === 'number') {
    if (Number.isInteger(label) && label >= 0 && label < names.length) return label;
    throw new CsvError(`Label column ${label} is out of range; the file has ${names.length} columns (0-based positions).`);
  }
  const exact = names.indexOf(label.trim());
  if (exact >= 0) return exact;
  const loose = names.findIndex((nm) => nm.toLowerCase() === label.trim().toLowerCase());
  if (loose >= 0) return loose;
  const shown = names.slice(0, 20).map((nm) => clipText(nm));
  const list = names.length > 20 ? `${shown.join(', ')}, ...` : shown.join(', ');
  throw new CsvError(`There is no column named "${clipText(label)}"; the columns are: ${list}.`, { line: 1 });
}
