/**
 * @fileoverview Runs the whole bad-CSV corpus through the importer, as bytes, the way the CLI
 * (parseCsvBytes) and the page (readCsvFile, then the worker's loadCsv) read a file; both must give
 * the same answer. Each file is answered with its own message (or parses, with the warnings it
 * should carry). The small files live in tests/fixtures/csv-corpus/; the 50 MB file, the
 * 10,000-column file, the too-many-rows and too-many-values files and the megabyte-long names are
 * built in memory here so nothing large is committed. Every file in the folder must have an
 * expectation below, so a new fixture cannot be forgotten.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv, parseCsvBytes, type CsvResult } from '../../src/core/data/csv';
import { loadCsv } from '../../src/workers/csv-session';
import { readCsvFile } from '../../src/components/controls/csv-header';

const DIR = join(import.meta.dirname, '../fixtures/csv-corpus');
const MB = 1024 * 1024;

interface Failure {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** What each file must produce: a failure with its exact message, or a check on the parsed result. */
type Expectation = { fails: Failure } | { parses: (r: CsvResult) => void };

const EXPECTED: Record<string, Expectation> = {
  'empty.csv': { fails: { message: 'The file is empty.' } },
  'header-only.csv': { fails: { message: 'The file has a header row but no data rows.', line: 1 } },
  'ragged-rows.csv': { fails: { message: 'Line 3 has 2 fields but the header has 3.', line: 3 } },
  'non-numeric.csv': { fails: { message: 'Line 4, column "income" (column 2): "abc" is not a number.', line: 4, column: 2 } },
  'nan.csv': { fails: { message: 'Line 3, column "income" (column 2): "NaN" is not a finite number.', line: 3, column: 2 } },
  'infinity.csv': { fails: { message: 'Line 4, column "income" (column 2): "-Infinity" is not a finite number.', line: 4, column: 2 } },
  'huge-numbers.csv': {
    fails: { message: 'Line 3, column "income" (column 2): 1e300 is larger than 1e15 in magnitude; rescale the column or remove it.', line: 3, column: 2 },
  },
  'duplicate-headers.csv': {
    fails: { message: 'Line 1: the column name "age" appears twice (columns 1 and 3); column names must be unique.', line: 1, column: 3 },
  },
  'one-class.csv': { fails: { message: 'The label column "label" has only one class ("yes"); a classifier needs at least two.', column: 3 } },
  'unclosed-quote.csv': { fails: { message: 'Line 2, column 2: a quoted field is never closed (missing ").', line: 2, column: 2 } },
  'bom.csv': {
    parses: (r) => {
      // The byte-order mark must not stick to the first header name.
      expect(r.dataset.featureNames).toEqual(['age', 'income']);
      expect(r.dataset.n).toBe(4);
      expect(r.dataset.classNames).toEqual(['no', 'yes']);
      expect(r.warnings).toEqual([]);
    },
  },
  'semicolons.csv': {
    parses: (r) => {
      expect(r.dataset.featureNames).toEqual(['age', 'height']);
      expect(Array.from(r.dataset.rawX!.filter((_, i) => i % 2 === 1))).toEqual([1.72, 1.65, 1.8, 1.58].map(Math.fround));
      expect(r.warnings).toEqual(['The columns are separated by semicolons, so numbers with a decimal comma (1,5) were read as decimals (1.5).']);
    },
  },
  'utf16le-bom.csv': { parses: (r) => expectCities(r) },
  'utf16be-bom.csv': { parses: (r) => expectCities(r) },
  'latin1.csv': { fails: { message: 'This file is not UTF-8 (line 3); save it as UTF-8.', line: 3 } },
  'binary.csv': { fails: { message: 'This is not a text CSV file: it holds binary data (is it a spreadsheet or an archive?).' } },
  'control-chars.csv': { fails: { message: 'This is not a text CSV file: it holds binary data (is it a spreadsheet or an archive?).' } },
  'tabs.csv': {
    parses: (r) => {
      expect(r.dataset.featureNames).toEqual(['age', 'height']);
      expect(Array.from(r.dataset.rawX!.filter((_, i) => i % 2 === 1))).toEqual([1.72, 1.65, 1.8, 1.58].map(Math.fround));
      expect(r.warnings).toEqual(['The columns are separated by tabs, so the file was read as tab-separated.']);
    },
  },
  'whitespace-lines.csv': {
    parses: (r) => {
      // Lines of spaces and tabs (and a trailing one) are skipped like blank lines.
      expect(r.dataset.n).toBe(4);
      expect(r.warnings).toEqual([]);
    },
  },
  'label-spelling.csv': {
    fails: {
      message: 'The label column "label" writes the same number in different ways ("01", "1" and "1.0"), so they would be different classes; write each class one way.',
      column: 3,
    },
  },
  'thousands.csv': {
    parses: (r) => {
      expect(r.columns.map((c) => c.kind)).toEqual(['numeric', 'numeric', 'label']);
      expect(Array.from(r.dataset.rawX!.filter((_, i) => i % 2 === 1))).toEqual([52_000, 1_061_000, 38_500, 700]);
      expect(r.warnings).toEqual(['Column "income" has numbers with thousands separators (e.g. "52,000"); they were read as numbers.']);
    },
  },
  'spaced-quotes.csv': {
    parses: (r) => {
      expect(r.columns[1].kind).toBe('numeric');
      expect(Array.from(r.dataset.rawX!.filter((_, i) => i % 2 === 1))).toEqual([52_000, 61_000, 38_000, 70_000]);
      expect(r.warnings).toEqual(['Spaces around quoted values were ignored (2 values, first on line 2, column 2).']);
    },
  },
  'currency.csv': {
    parses: (r) => {
      // Not read as numbers, but never silently: the warning names the column and a value.
      expect(r.columns[1].kind).toBe('categorical');
      expect(r.warnings).toEqual([
        'Column "price" looks like numbers, but values such as "$1" are not plain numbers, so it was read as categories; write plain numbers (1234.5) to use it as a number.',
      ]);
    },
  },
  'quoted-newlines.csv': {
    parses: (r) => {
      expect(r.dataset.n).toBe(4);
      expect(r.columns[0].categories).toEqual(['a, b and\n"quoted"', 'first line\nsecond line', 'last', 'plain']);
      expect(r.warnings).toEqual([]);
    },
  },
};

/** The two UTF-16 files: the same four rows, with "Zürich" read as one category. */
function expectCities(r: CsvResult): void {
  expect(r.dataset.n).toBe(4);
  expect(r.columns[0].categories).toEqual(['Bern', 'Genève', 'Zürich']);
  expect(r.dataset.featureNames).toEqual(['city=Bern', 'city=Genève', 'city=Zürich', 'age']);
  expect(r.warnings).toEqual([]);
}

/** A name as long as the one that took the page 7 s to show. */
const LONG = 'n'.repeat(5 * MB);
const CLIPPED = `${'n'.repeat(59)}…`;

/** Files too large to commit, built at test time. */
const GENERATED: Record<string, { text: () => string; expect: Expectation; label?: string }> = {
  '5 MB header name (generated)': {
    text: () => `${LONG},income,label\n1,2,yes\n3,4,no\n5,6,no\n`,
    expect: {
      parses: (r) => {
        // Menus, tables and reports get a clipped name; the full one never leaves the importer.
        expect(r.dataset.featureNames).toEqual([CLIPPED, 'income']);
        expect(r.columns[0].kind).toBe('numeric');
      },
    },
  },
  '5 MB header name in a message (generated)': {
    text: () => `age,${LONG},label\n1,2,yes\n3,x,no\n5,6,no\n`,
    expect: { fails: { message: `Line 3, column "${CLIPPED}" (column 2): "x" is not a number.`, line: 3, column: 2 } },
  },
  '5 MB label name (generated)': {
    text: () => `age,${LONG}\n1,yes\n3,yes\n`,
    expect: { fails: { message: `The label column "${CLIPPED}" has only one class ("yes"); a classifier needs at least two.`, column: 2 } },
    label: LONG,
  },
  '1 MB cell (generated)': {
    text: () => `age,income,label\n1,2,yes\n3,${'9'.repeat(MB)}x,no\n5,6,no\n`,
    expect: { fails: { message: `Line 3, column "income" (column 2): "${'9'.repeat(59)}…" is not a number.`, line: 3, column: 2 } },
  },
  '1 MB category and class names (generated)': {
    text: () => `kind,age,label\n${'k'.repeat(MB)}a,1,${'c'.repeat(MB)}1\n${'k'.repeat(MB)}b,2,${'c'.repeat(MB)}2\n`,
    expect: {
      parses: (r) => {
        // Distinct values that clip alike stay distinct on screen.
        expect(r.dataset.featureNames).toEqual([`kind=${'k'.repeat(39)}…`, `kind=${'k'.repeat(39)}… (2)`, 'age']);
        expect(r.dataset.classNames).toEqual([CLIPPED.replace(/n/g, 'c'), `${CLIPPED.replace(/n/g, 'c')} (2)`]);
      },
    },
  },
  '50mb.csv (generated)': {
    text: () => {
      const row = '0.123456,0.654321,0.5,0.25,0.125,yes\n';
      return 'a,b,c,d,e,label\n' + row.repeat(Math.ceil((50 * MB) / row.length));
    },
    expect: { fails: { message: 'The file is 50.0 MB; the limit is 20.0 MB.' } },
  },
  '10000-columns.csv (generated)': {
    text: () => {
      const names = Array.from({ length: 9_999 }, (_, j) => `f${j}`);
      const row = (k: number) => [...names.map((_, j) => String((j * k) % 7)), k % 2 ? 'yes' : 'no'].join(',');
      return [[...names, 'label'].join(','), row(1), row(2), row(3)].join('\n');
    },
    expect: { fails: { message: 'The header has 10,000 columns; the limit is 1,000.', line: 1 } },
  },
  'too-many-values.csv (generated)': {
    // 1.3 MB of short categorical cells that one-hot encode into 40,000 × 500 floats.
    text: () => {
      const header = [...Array.from({ length: 10 }, (_, j) => `c${j}`), 'label'].join(',');
      const row = (i: number) => [...Array.from({ length: 10 }, (_, j) => `v${(i + 7 * j) % 50}`), i % 2].join(',');
      return [header, ...Array.from({ length: 40_000 }, (_, i) => row(i))].join('\n');
    },
    expect: {
      fails: {
        message: 'The data would hold 40,000 rows × 500 features = 20,000,000 values after one-hot encoding; the limit is 10,000,000. Use fewer rows or fewer categorical columns.',
      },
    },
  },
  'too-many-rows.csv (generated)': {
    text: () => 'x,label\n' + Array.from({ length: 50_001 }, (_, i) => `${i % 10},${i % 2}`).join('\n'),
    expect: { fails: { message: 'The file has more than 50,000 data rows; the limit is 50,000.', line: 50_002 } },
  },
};

/** What the page does with a chosen file: decode and read the header, then the worker parses. */
function pageOutcome(bytes: Uint8Array, labelColumn: string) {
  const read = readCsvFile(bytes);
  if ('message' in read) return { ok: false, message: read.message };
  return loadCsv(read.text, labelColumn, false, 'x.csv');
}

function check(bytes: Uint8Array, expectation: Expectation, labelColumn = 'label'): void {
  if ('parses' in expectation) {
    expectation.parses(parseCsvBytes(bytes, { labelColumn }));
    // The page's path agrees.
    expect(pageOutcome(bytes, labelColumn).ok).toBe(true);
    return;
  }
  let caught: unknown;
  try {
    parseCsvBytes(bytes, { labelColumn });
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(CsvError);
  const e = caught as CsvError;
  expect(e.message).toBe(expectation.fails.message);
  if (expectation.fails.line !== undefined) expect(e.line).toBe(expectation.fails.line);
  if (expectation.fails.column !== undefined) expect(e.column).toBe(expectation.fails.column);
  // What the page shows (its own decode, or the worker's answer as plain data): the same message.
  expect(pageOutcome(bytes, labelColumn)).toMatchObject({ ok: false, message: expectation.fails.message });
}

describe('the bad-CSV corpus', () => {
  it('has an expectation for every committed file, and every expectation has its file', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.csv')).sort();
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [file, expectation] of Object.entries(EXPECTED)) {
    it(file, () => check(readFileSync(join(DIR, file)), expectation));
  }

  for (const [file, { text, expect: expectation, label }] of Object.entries(GENERATED)) {
    it(file, () => {
      const bytes = new TextEncoder().encode(text());
      const t0 = performance.now();
      check(bytes, expectation, label);
      // Big inputs are refused early, not after a full parse.
      expect(performance.now() - t0).toBeLessThan(10_000);
    });
  }

  it('a file just under the byte limit is measured in UTF-8 bytes, not characters', () => {
    // 'é' is two bytes in UTF-8: 12 M characters here are 24 MB.
    const text = 'a,label\n' + `${'é'.repeat(1000)},x\n`.repeat(12_000);
    expect(text.length).toBeLessThan(20 * MB);
    expect(() => parseCsv(text, { labelColumn: 'label' })).toThrow(/^The file is 2\d\.\d MB; the limit is 20\.0 MB\.$/);
  });
});
