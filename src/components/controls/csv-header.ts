/**
 * @fileoverview The header row of a chosen CSV, read on the page so the learner can pick the label
 * column before the full parse runs in the worker. It uses the importer's own tokenizer, so quoted
 * names (with commas or line breaks), semicolons and a byte-order mark read the same here as there.
 */
import { CsvError, detectDelimiter, tokenizeCsv } from '../../core/data/csv-tokenize';
import { decodeCsvBytes } from '../../core/data/csv-decode';

/** Names shown in the label picker at most; a wider file is refused by the worker with its limit. */
const MAX_LISTED = 1000;
const STOP = Symbol('header read');

/**
 * The column names for the label picker (empty names become "column N", as the importer names
 * them), or a message when there is no header to read. At most MAX_LISTED names; the last column,
 * the usual label, is always among them. Pure.
 */
export function csvHeader(text: string): { columns: string[] } | { message: string } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let header: string[] | null = null;
  try {
    tokenizeCsv(body, detectDelimiter(body), (fields) => {
      header = fields;
      throw STOP;
    });
  } catch (err) {
    if (err !== STOP) return { message: err instanceof CsvError ? err.message : String(err) };
  }
  if (header === null) return { message: 'The file is empty.' };
  const names = (header as string[]).map((raw, j) => raw.trim() || `column ${j + 1}`);
  return { columns: names.length > MAX_LISTED ? [...names.slice(0, MAX_LISTED - 1), names[names.length - 1]] : names };
}

/**
 * A chosen file's bytes as the importer reads them (csv-decode.ts: UTF-16 by its byte-order mark,
 * strict UTF-8, binary refused), with its header for the label picker, or the message to show. Pure.
 */
export function readCsvFile(bytes: Uint8Array): { text: string; columns: string[] } | { message: string } {
  let text: string;
  try {
    text = decodeCsvBytes(bytes);
  } catch (err) {
    return { message: err instanceof CsvError ? err.message : String(err) };
  }
  const header = csvHeader(text);
  return 'message' in header ? header : { text, columns: header.columns };
}
