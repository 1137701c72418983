/**
 * @fileoverview A linear-time RFC 4180 tokenizer: quoted fields with delimiters, doubled quotes
 * and newlines inside, CRLF/LF/CR line ends, and physical line numbers for error messages.
 *
 * Fields are cut out with `split`/`slice` (and quoted pieces joined once), never built up
 * character by character, so the work is linear in the file size.
 */

/**
 * A problem with an imported CSV file. The message is written for the person who chose the file;
 * `line` is the 1-based physical line in the file and `column` the 1-based field position, when
 * the problem has a place. `columnName` is the header name when known.
 */
export class CsvError extends Error {
  override readonly name = 'CsvError';
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly columnName: string | undefined;

  constructor(message: string, where: { line?: number; column?: number; columnName?: string } = {}) {
    super(message);
    this.line = where.line;
    this.column = where.column;
    this.columnName = where.columnName;
  }
}

const QUOTE = 34; // "
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

/** The separators the importer reads. */
export type CsvDelimiter = ',' | ';' | '\t';

/** True for a string of whitespace only (spaces, tabs, no-break spaces…), or an empty one. */
const isBlank = (s: string): boolean => /^\s*$/.test(s);

/**
 * Picks the separator the first non-blank line (outside quotes) uses most: ',' unless semicolons
 * or tabs outnumber the commas. Semicolons are what spreadsheets write in locales that use the
 * decimal comma; tabs are what "save as text" and copied tables give.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0, semis = 0, tabs = 0, inQuotes = false, started = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && (c === LF || c === CR)) {
      if (started) break;
      commas = semis = tabs = 0; // a blank first line is skipped, like the tokenizer skips it
      continue;
    } else if (!inQuotes && c === 44) commas++;
    else if (!inQuotes && c === 59) semis++;
    else if (!inQuotes && c === TAB) tabs++;
    if (c !== SPACE && c !== TAB) started = true;
  }
  if (commas >= semis && commas >= tabs) return ',';
  return tabs > semis ? '\t' : ';';
}

/** Counts line breaks (LF, CRLF or lone CR, each once) in text[from, to). */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}

/** Something the tokenizer read leniently, for the import summary to mention. */
export interface TokenizeNote {
  /** Spaces before an opening or after a closing quote (`1, "2" ,3`) were dropped. */
  readonly kind: 'spaced-quote';
  readonly line: number;
  readonly column: number;
}

/**
 * Calls `onRow(fields, line)` for every non-blank row of `text`, in order; `line` is where the
 * row starts. A row is blank when its line holds only whitespace (not `""`). Spaces around a quoted
 * field are dropped (reported through `onNote`). Throws CsvError on a quote that never closes or
 * text after a closing quote. `onRow` may throw to stop early.
 *
 * Rows without quotes or stray CRs (nearly all of them in practice) take a fast path through the
 * engine's native `split`, which is several times faster than slicing field by field; the rest go
 * through the character-level reader. The next quote and CR positions are cached, so finding them
 * stays linear overall.
 */
export function tokenizeCsv(
  text: string,
  delimiter: string,
  onRow: (fields: string[], line: number) => void,
  onNote?: (note: TokenizeNote) => void,
): void {
  const len = text.length;
  const at = { pos: 0, line: 1 };
  let nextQuote = text.indexOf('"');
  let nextCr = text.indexOf('\r');
  while (at.pos < len) {
    if (nextQuote !== -1 && nextQuote < at.pos) nextQuote = text.indexOf('"', at.pos);
    if (nextCr !== -1 && nextCr < at.pos) nextCr = text.indexOf('\r', at.pos);
    let lf = text.indexOf('\n', at.pos);
    if (lf < 0) lf = len;
    const noQuote = nextQuote === -1 || nextQuote > lf;
    const noStrayCr = nextCr === -1 || nextCr >= lf - 1;
    if (noQuote && noStrayCr) {
      const end = lf > at.pos && text.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
      if (end > at.pos) {
        const row = text.slice(at.pos, end);
        // Only a row that starts with whitespace can be blank; the others skip the regex.
        const first = row.charCodeAt(0);
        if (!((first <= SPACE || first >= 0x80) && isBlank(row))) onRow(row.split(delimiter), at.line);
      }
      at.pos = lf + 1;
      at.line++;
      continue;
    }
    const rowLine = at.line;
    const { fields, blank } = readRow(text, delimiter.charCodeAt(0), at, onNote);
    if (!blank) onRow(fields, rowLine);
  }
}

/**
 * Reads one row character by character from `at.pos`, past its line break, advancing `at`
 * (pos and line, counting breaks inside quoted fields). Mutates `at`.
 */
function readRow(
  text: string,
  delim: number,
  at: { pos: number; line: number },
  onNote?: (note: TokenizeNote) => void,
): { fields: string[]; blank: boolean } {
  const len = text.length;
  const fields: string[] = [];
  let pos = at.pos;
  let hasQuote = false;
  for (;;) {
    let value: string;
    // Spaces before an opening quote (`a, "b, c"`) are a common hand-written slip; read past them.
    let lead = pos;
    while (lead < len && text.charCodeAt(lead) === SPACE && delim !== SPACE) lead++;
    const spacedOpen = lead > pos && lead < len && text.charCodeAt(lead) === QUOTE;
    if (spacedOpen) pos = lead;
    if (pos < len && text.charCodeAt(pos) === QUOTE) {
      hasQuote = true;
      const openLine = at.line;
      const parts: string[] = [];
      let segStart = ++pos;
      for (;;) {
        const q = text.indexOf('"', pos);
        if (q < 0) {
          throw new CsvError(
            `Line ${openLine}, column ${fields.length + 1}: a quoted field is never closed (missing ").`,
            { line: openLine, column: fields.length + 1 },
          );
        }
        at.line += countLineBreaks(text, pos, q);
        if (q + 1 < len && text.charCodeAt(q + 1) === QUOTE) {
          // A doubled quote stands for one literal quote.
          parts.push(text.slice(segStart, q + 1));
          pos = segStart = q + 2;
          continue;
        }
        parts.push(text.slice(segStart, q));
        pos = q + 1;
        break;
      }
      value = parts.length === 1 ? parts[0] : parts.join('');
      let trail = pos;
      while (trail < len && text.charCodeAt(trail) === SPACE && delim !== SPACE) trail++;
      const spacedClose = trail > pos && (trail === len || [delim, LF, CR].includes(text.charCodeAt(trail)));
      if (spacedClose) pos = trail;
      if (spacedOpen || spacedClose) onNote?.({ kind: 'spaced-quote', line: at.line, column: fields.length + 1 });
      const next = pos < len ? text.charCodeAt(pos) : -1;
      if (next !== -1 && next !== delim && next !== LF && next !== CR) {
        throw new CsvError(
          `Line ${at.line}, column ${fields.length + 1}: unexpected text after a closing quote ` +
            '(a quote inside a quoted field must be doubled: "").',
          { line: at.line, column: fields.length + 1 },
        );
      }
    } else {
      let end = pos;
      while (end < len) {
        const c = text.charCodeAt(end);
        if (c === delim || c === LF || c === CR) break;
        end++;
      }
      value = text.slice(pos, end);
      pos = end;
    }
    fields.push(value);

    const c = pos < len ? text.charCodeAt(pos) : -1;
    if (c === delim) {
      pos++;
      continue;
    }
    if (c === CR) pos += text.charCodeAt(pos + 1) === LF ? 2 : 1;
    else if (c === LF) pos++;
    if (c !== -1) at.line++;
    at.pos = c === -1 ? len : pos;
    // A line of whitespace is blank; with a whitespace separator (tab) it splits into blank fields.
    const blank = !hasQuote && (fields.length === 1 || delim === TAB) && fields.every(isBlank);
    return { fields, blank };
  }
}
