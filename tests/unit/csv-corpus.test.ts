/**
 * @fileoverview Runs the whole bad-CSV corpus through the importer. Each file is answered with
 * its own message (or parses, with the warnings it should carry). The small files live in
 * tests/fixtures/csv-corpus/; the 50 MB file, the 10,000-column file and the too-many-rows and
 * too-many-values files are built in memory here so nothing large is committed. Every file in the folder must have an
 * expectation below, so a new fixture cannot be forgotten.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv, type CsvResult } from '../../src/core/data/csv';
import { loadCsv } from '../../src/workers/csv-session';

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
  'quoted-newlines.csv': {
    parses: (r) => {
      expect(r.dataset.n).toBe(4);
      expect(r.columns[0].categories).toEqual(['a, b and\n"quoted"', 'first line\nsecond line', 'last', 'plain']);
      expect(r.warnings).toEqual([]);
    },
  },
};

/** Files too large to commit, built at test time. */
const GENERATED: Record<string, { text: () => string; expect: Expectation }> = {
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

function check(text: string, expectation: Expectation): void {
  const labelColumn = 'label';
  if ('parses' in expectation) {
    expectation.parses(parseCsv(text, { labelColumn }));
    // The worker's entry point agrees.
    expect(loadCsv(text, labelColumn, false, 'x.csv').ok).toBe(true);
    return;
  }
  let caught: unknown;
  try {
    parseCsv(text, { labelColumn });
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(CsvError);
  const e = caught as CsvError;
  expect(e.message).toBe(expectation.fails.message);
  if (expectation.fails.line !== undefined) expect(e.line).toBe(expectation.fails.line);
  if (expectation.fails.column !== undefined) expect(e.column).toBe(expectation.fails.column);
  // What the worker hands the page: the same message, as plain data, never a throw.
  const outcome = loadCsv(text, labelColumn, false, 'x.csv');
  expect(outcome).toMatchObject({ ok: false, message: expectation.fails.message });
}

describe('the bad-CSV corpus', () => {
  it('has an expectation for every committed file, and every expectation has its file', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.csv')).sort();
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [file, expectation] of Object.entries(EXPECTED)) {
    it(file, () => check(readFileSync(join(DIR, file), 'utf8'), expectation));
  }

  for (const [file, { text, expect: expectation }] of Object.entries(GENERATED)) {
    it(file, () => {
      const t0 = performance.now();
      check(text(), expectation);
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
