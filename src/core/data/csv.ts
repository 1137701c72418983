/**
 * @fileoverview CSV import for practitioners who bring their own data: header row, numeric and
 * categorical columns (one-hot), a label column mapped to class ids, standardized numeric
 * features, and a clear CsvError naming the line and column of anything it cannot use.
 *
 * Everything runs in the browser on a file the user picked, so the limits (rows, columns, bytes)
 * exist to keep the tab responsive, and each limit's message states it.
 */

import type { Dataset } from './types';
import { CsvError, detectDelimiter, tokenizeCsv, type CsvDelimiter } from './csv-tokenize';
import {
  type CsvColumnInfo, type ParsedColumn, CELL_OK, categoriesOf, categoryOf, cellProblem, headerNames, parseColumn,
  labelClasses, resolveLabel, utf8Length,
} from './csv-columns';
import { clipText, distinctNames, formattedNumberWarning } from './csv-checks';
import { decodeCsvBytes } from './csv-decode';
import { standardize } from './util';

export { CsvError } from './csv-tokenize';
export type { CsvColumnInfo } from './csv-columns';

export interface CsvOptions {
  /** The label column: its header name, or its 0-based position. */
  readonly labelColumn: string | number;
  /** Drop rows with a missing/bad number, an empty label or the wrong field count, instead of throwing. */
  readonly dropInvalidRows?: boolean;
  /** Default 50,000 data rows. */
  readonly maxRows?: number;
  /** Default 1,000 columns, counted in the header and again after one-hot encoding. */
  readonly maxColumns?: number;
  /** Default 20 MB (20 × 1024² bytes of UTF-8). */
  readonly maxBytes?: number;
  /** Default 10,000,000: rows × features after one-hot encoding (each value is 4 bytes, twice over). */
  readonly maxValues?: number;
  /** Default 'auto': ';' or a tab if the header has more of them than commas, else ','. */
  readonly delimiter?: CsvDelimiter | 'auto';
  /** Distinct values kept per categorical column before the rest become "(other)". Default 50. */
  readonly maxCategories?: number;
  /** Distinct labels allowed (the models' output size). Default 100. */
  readonly maxClasses?: number;
  /** Dataset name, e.g. the file name. Default 'csv'. */
  readonly name?: string;
}

export interface CsvResult {
  readonly dataset: Dataset;
  /** Rows skipped under dropInvalidRows. */
  readonly droppedRows: number;
  /** Things the user should know that did not stop the import. */
  readonly warnings: string[];
  /** What each header column became, in file order. */
  readonly columns: CsvColumnInfo[];
}

const MB = 1024 * 1024;
/** The default byte limit (UTF-8 bytes of the text, or the file's bytes before decoding). */
export const CSV_MAX_BYTES = 20 * MB;
const fmt = (v: number): string => v.toLocaleString('en-US');
const fmtBytes = (b: number): string =>
  b >= MB ? `${(b / MB).toFixed(1)} MB` : b >= 1024 ? `${(b / 1024).toFixed(1)} KB` : `${b} bytes`;
const tooBig = (bytes: number, max: number): CsvError => new CsvError(`The file is ${fmtBytes(bytes)}; the limit is ${fmtBytes(max)}.`);

/**
 * Parses a CSV file's bytes: the size is checked first, then the bytes are decoded (csv-decode.ts:
 * UTF-16 by its byte-order mark, else strict UTF-8) and parsed. The one entry point the CLI and
 * the page share, so both read every file the same way. Throws CsvError. Pure.
 */
export function parseCsvBytes(bytes: Uint8Array, options: CsvOptions): CsvResult {
  const maxBytes = options.maxBytes ?? CSV_MAX_BYTES;
  if (bytes.length > maxBytes) throw tooBig(bytes.length, maxBytes);
  return parseCsv(decodeCsvBytes(bytes), options);
}

/**
 * Parses CSV text into a standardized tabular Dataset (rawX keeps the unscaled values, `scaling`
 * the per-feature mean/std). Throws CsvError with a message naming the problem, its line and column.
 * Linear in the size of the text. Pure.
 */
export function parseCsv(text: string, options: CsvOptions): CsvResult {
  const maxRows = options.maxRows ?? 50_000;
  const maxColumns = options.maxColumns ?? 1_000;
  const maxBytes = options.maxBytes ?? CSV_MAX_BYTES;
  const drop = options.dropInvalidRows ?? false;
  const warnings: string[] = [];

  const bytes = text.length > maxBytes ? text.length : utf8Length(text);
  if (bytes > maxBytes) {
    throw tooBig(bytes, maxBytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!/\S/.test(text)) throw new CsvError('The file is empty.');
  const delimiter = options.delimiter === undefined || options.delimiter === 'auto' ? detectDelimiter(text) : options.delimiter;
  const decimalComma = delimiter === ';';
  if (decimalComma && options.delimiter !== ';') {
    // Detection is a guess from the header, and it changes how numbers read, so say it.
    warnings.push('The columns are separated by semicolons, so numbers with a decimal comma (1,5) were read as decimals (1.5).');
  }
  if (delimiter === '\t' && options.delimiter !== '\t') warnings.push('The columns are separated by tabs, so the file was read as tab-separated.');

  // Tokenize into columns (column-major, so typing a column is one pass over one array).
  // `as` keeps TS from narrowing to null: the callback below assigns it.
  let header = null as string[] | null;
  let columns: string[][] = [];
  const lines: number[] = [];
  let dropped = 0;
  let firstDrop = '';
  let dataRows = 0;
  let spacedQuotes = 0;
  let firstSpaced = '';
  const onNote = (note: { line: number; column: number }) => {
    if (spacedQuotes++ === 0) firstSpaced = `line ${note.line}, column ${note.column}`;
  };
  tokenizeCsv(text, delimiter, (fields, line) => {
    if (header === null) {
      if (fields.length > maxColumns) {
        throw new CsvError(`The header has ${fmt(fields.length)} columns; the limit is ${fmt(maxColumns)}.`, { line });
      }
      header = fields;
      columns = fields.map(() => []);
      return;
    }
    if (++dataRows > maxRows) {
      throw new CsvError(`The file has more than ${fmt(maxRows)} data rows; the limit is ${fmt(maxRows)}.`, { line });
    }
    if (fields.length !== columns.length) {
      const problem = `Line ${line} has ${fields.length} fields but the header has ${columns.length}.`;
      if (!drop) throw new CsvError(problem, { line });
      dropped++;
      firstDrop ||= problem;
      return;
    }
    for (let j = 0; j < fields.length; j++) columns[j].push(fields[j]);
    lines.push(line);
  }, onNote);
  if (spacedQuotes > 0) {
    warnings.push(`Spaces around quoted values were ignored (${fmt(spacedQuotes)} value${spacedQuotes === 1 ? '' : 's'}, first on ${firstSpaced}).`);
  }
  if (header === null) throw new CsvError('The file is empty.');
  const names = headerNames(header, warnings);
  const labelIndex = resolveLabel(names, options.labelColumn);
  const rows = lines.length;
  if (rows === 0 && dropped === 0) throw new CsvError('The file has a header row but no data rows.', { line: 1 });

  // Type the columns (each cell parsed once), then check every cell of the numeric ones, row
  // by row so the first error reported is the first in the file.
  const parsed: (ParsedColumn | null)[] = names.map(() => null);
  const kinds: CsvColumnInfo['kind'][] = names.map((_, j) => {
    if (j === labelIndex) return 'label';
    if (columns[j].every((s) => s.trim() === '')) return 'ignored';
    const p = parseColumn(columns[j], decimalComma);
    if (!p.mostlyNumeric) return 'categorical';
    parsed[j] = p;
    return 'numeric';
  });
  for (let j = 0; j < names.length; j++) {
    const name = clipText(names[j]);
    if (kinds[j] === 'ignored') warnings.push(`Column "${name}" has no values and was ignored.`);
    const grouped = parsed[j]?.grouped;
    if (grouped) warnings.push(`Column "${name}" has numbers with thousands separators (e.g. "${clipText(grouped)}"); they were read as numbers.`);
    const formatted = kinds[j] === 'categorical' ? formattedNumberWarning(names[j], columns[j]) : null;
    if (formatted) warnings.push(formatted);
  }
  const numericCols = kinds.flatMap((k, j) => (k === 'numeric' ? [j] : []));
  const keep = new Uint8Array(rows).fill(1);
  for (let i = 0; i < rows; i++) {
    let problem: string | null = null;
    let col = -1;
    if (columns[labelIndex][i].trim() === '') { problem = 'the label is missing'; col = labelIndex; }
    for (let t = 0; problem === null && t < numericCols.length; t++) {
      col = numericCols[t];
      const status = parsed[col]!.status[i];
      if (status !== CELL_OK) problem = cellProblem(status, columns[col][i]);
    }
    if (problem === null) continue;
    const message = `Line ${lines[i]}, column "${clipText(names[col])}" (column ${col + 1}): ${problem}.`;
    if (!drop) throw new CsvError(message, { line: lines[i], column: col + 1, columnName: names[col] });
    keep[i] = 0;
    dropped++;
    firstDrop ||= message;
  }
  if (dropped > 0) warnings.push(`Dropped ${fmt(dropped)} invalid row${dropped === 1 ? '' : 's'}; the first: ${firstDrop}`);
  const n = keep.reduce((a, b) => a + b, 0);
  if (n === 0) throw new CsvError(`Every data row was invalid and dropped; the first problem: ${firstDrop}`);

  // Labels → class ids.
  const labelCells = columns[labelIndex];
  const labelName = clipText(names[labelIndex]);
  const labels = labelClasses(labelCells, keep, names[labelIndex], labelIndex + 1, options.maxClasses ?? 100);

  // Feature layout: numeric columns are one feature, categorical ones one per category.
  const maxCategories = options.maxCategories ?? 50;
  const info: CsvColumnInfo[] = [];
  const featureNames: string[] = [];
  const oneHot: boolean[] = [];
  const catIndex: (Map<string, number> | null)[] = [];
  for (let j = 0; j < names.length; j++) {
    catIndex.push(null);
    if (kinds[j] !== 'categorical') {
      info.push({ name: names[j], kind: kinds[j] });
      if (kinds[j] === 'numeric') { featureNames.push(clipText(names[j])); oneHot.push(false); }
      continue;
    }
    const { categories, capped } = categoriesOf(columns[j], keep, maxCategories);
    if (capped !== null) {
      warnings.push(`Column "${clipText(names[j])}" has ${fmt(capped)} distinct values; the ${categories.length - 1} most ` +
        `frequent were kept and the rest grouped as "(other)" (limit ${maxCategories} per column).`);
    }
    catIndex[j] = new Map(categories.map((c, t) => [c, featureNames.length + t]));
    // Names reach menus, tables and reports: both halves clipped (a 5 MB cell must not reach the page).
    for (const c of categories) { featureNames.push(`${clipText(names[j], 40)}=${clipText(c, 40)}`); oneHot.push(true); }
    info.push({ name: names[j], kind: 'categorical', categories });
  }
  const d = featureNames.length;
  if (d === 0) throw new CsvError(`There are no feature columns besides the label "${labelName}".`);
  if (d > maxColumns) {
    throw new CsvError(`One-hot encoding the categorical columns gives ${fmt(d)} features; the limit is ${fmt(maxColumns)}.`);
  }
  // A small file of categorical cells can still one-hot encode into hundreds of MB of floats.
  const maxValues = options.maxValues ?? 10_000_000;
  if (n * d > maxValues) {
    throw new CsvError(`The data would hold ${fmt(n)} rows × ${fmt(d)} features = ${fmt(n * d)} values after one-hot encoding; ` +
      `the limit is ${fmt(maxValues)}. Use fewer rows or fewer categorical columns.`);
  }

  const rawX = new Float32Array(n * d);
  const y = new Int32Array(n);
  const classId = new Map(labels.map((c, t) => [c, t]));
  let r = 0;
  for (let i = 0; i < rows; i++) {
    if (!keep[i]) continue;
    y[r] = classId.get(labelCells[i].trim())!;
    let f = 0;
    for (let j = 0; j < names.length; j++) {
      const map = catIndex[j];
      if (kinds[j] === 'numeric') {
        rawX[r * d + f++] = parsed[j]!.values[i];
      } else if (map !== null) {
        const slot = map.get(categoryOf(columns[j][i])) ?? map.get('(other)')!;
        rawX[r * d + slot] = 1;
        f += map.size;
      }
    }
    r++;
  }
  const { x, scaling } = standardize(rawX, n, d, oneHot);
  for (let f = 0; f < d; f++) {
    if (!oneHot[f] && scaling.std[f] === 1 && allEqual(rawX, n, d, f)) {
      warnings.push(`Column "${featureNames[f]}" has the same value in every row; it carries no information.`);
    }
  }
  const dataset: Dataset = {
    name: options.name ?? 'csv', kind: 'tabular', x, y, n, d, numClasses: labels.length,
    featureNames: distinctNames(featureNames), classNames: distinctNames(labels.map((l) => clipText(l))), rawX, scaling,
  };
  return { dataset, droppedRows: dropped, warnings, columns: info };
}

function allEqual(raw: Float32Array, n: number, d: number, f: number): boolean {
  for (let i = 1; i < n; i++) if (raw[i * d + f] !== raw[f]) return false;
  return true;
}
