import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv, type CsvOptions } from './csv';

const GOOD = [
  'age,color,income,label',
  '30,red,1000,yes',
  '40,blue,2000,no',
  '50,"red",3000,yes',
  '60,green,4000,no',
].join('\n');

/** Runs parseCsv expecting a CsvError; returns it. */
function fail(text: string, opts: Partial<CsvOptions> = {}): CsvError {
  try {
    parseCsv(text, { labelColumn: 'label', ...opts });
  } catch (e) {
    expect(e).toBeInstanceOf(CsvError);
    return e as CsvError;
  }
  throw new Error('expected a CsvError');
}

describe('parseCsv: a good file', () => {
  const { dataset: ds, warnings, droppedRows, columns } = parseCsv(GOOD, { labelColumn: 'label' });

  it('maps numeric, categorical and label columns', () => {
    expect(ds.kind).toBe('tabular');
    expect(ds.n).toBe(4);
    expect(ds.featureNames).toEqual(['age', 'color=blue', 'color=green', 'color=red', 'income']);
    expect(ds.d).toBe(5);
    expect(ds.classNames).toEqual(['no', 'yes']);
    expect(Array.from(ds.y)).toEqual([1, 0, 1, 0]);
    expect(columns.map((c) => c.kind)).toEqual(['numeric', 'categorical', 'numeric', 'label']);
    expect(warnings).toEqual([]);
    expect(droppedRows).toBe(0);
  });

  it('standardizes numeric columns, keeps one-hot columns, and stores the scaling', () => {
    const age = [0, 1, 2, 3].map((i) => ds.x[i * 5]);
    expect(age.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 5);
    expect(ds.scaling!.mean[0]).toBeCloseTo(45);
    expect(ds.scaling!.std[0]).toBeCloseTo(Math.sqrt(125));
    expect(Array.from(ds.x.subarray(1, 4))).toEqual([0, 0, 1]); // row 0 is red
    expect(ds.scaling!.std[3]).toBe(1);
    expect(ds.rawX![4]).toBe(1000);
  });

  it('handles quotes, commas, doubled quotes and newlines inside fields, CRLF and a BOM', () => {
    const text = '\uFEFFname,x,label\r\n"Doe, John",1,a\r\n"say ""hi""",2,b\r\n"two\r\nlines",3,a\r\n';
    const { dataset, columns } = parseCsv(text, { labelColumn: 'label' });
    expect(columns[0].categories).toEqual(['Doe, John', 'say "hi"', 'two\r\nlines']);
    expect(dataset.n).toBe(3);
    expect(dataset.featureNames[0]).toBe('name=Doe, John');
  });

  it('reads old Mac line ends (lone CR) and counts lines inside quoted fields', () => {
    expect(parseCsv('a,label\r1,x\r2,y\r', { labelColumn: 'label' }).dataset.n).toBe(2);
    const e = fail('a,b,label\n"x\ny",1,p\nz,,q\n');
    expect(e.line).toBe(4); // the quoted field on line 2 spans two lines
    expect(e.message).toMatch(/^Line 4, column "b"/);
  });

  it('detects semicolons and reads decimal commas in that case', () => {
    const { dataset } = parseCsv('a;b;label\n1,5;2;x\n2,5;3;y\n', { labelColumn: 'label' });
    expect(Array.from(dataset.rawX!)).toEqual([1.5, 2, 2.5, 3]);
  });

  it('accepts the label by position, skips blank lines, and sorts numeric labels numerically', () => {
    const { dataset } = parseCsv('x,y\n1,10\n\n2,2\n3,10\n', { labelColumn: 1 });
    expect(dataset.classNames).toEqual(['2', '10']);
    expect(dataset.n).toBe(3);
  });

  it('parses a 9 MB file in about a second (linear time)', () => {
    const header = [...Array.from({ length: 54 }, (_, j) => `f${j}`), 'label'].join(',');
    const row = (i: number): string =>
      [...Array.from({ length: 54 }, (_, j) => ((i * 31 + j * 17) % 100_000) / 100), i % 3].map(String).join(',');
    const lines = [header];
    for (let i = 0; i < 25_000; i++) lines.push(row(i));
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(8e6);
    const t0 = performance.now();
    const { dataset } = parseCsv(text, { labelColumn: 'label' });
    const ms = performance.now() - t0;
    expect(dataset.n).toBe(25_000);
    expect(dataset.d).toBe(54);
    console.log(`parseCsv: ${(text.length / 1e6).toFixed(1)} MB in ${ms.toFixed(0)} ms`);
    // ~0.7 s on an idle core; generous for a loaded shared one. A quadratic parser takes minutes.
    expect(ms).toBeLessThan(4000);
  });
});

describe('parseCsv: bad files name the problem and where it is', () => {
  it('empty file', () => {
    expect(fail('').message).toBe('The file is empty.');
    expect(fail('\uFEFF \n\n').message).toBe('The file is empty.');
  });

  it('header only', () => {
    const e = fail('a,b,label\n');
    expect(e.message).toMatch(/header row but no data rows/);
    expect(e.line).toBe(1);
  });

  it('ragged rows throw, or are dropped and counted', () => {
    const text = 'a,b,label\n1,2,x\n1,2\n3,4,y\n5,6,x,9\n';
    const e = fail(text);
    expect(e.message).toBe('Line 3 has 2 fields but the header has 3.');
    expect(e.line).toBe(3);
    const r = parseCsv(text, { labelColumn: 'label', dropInvalidRows: true });
    expect(r.droppedRows).toBe(2);
    expect(r.dataset.n).toBe(2);
    expect(r.warnings[0]).toMatch(/Dropped 2 invalid rows; the first: Line 3/);
  });

  it('a missing value in a numeric column', () => {
    const e = fail('a,b,label\n1,2,x\n3,,y\n4,5,x\n');
    expect(e.message).toBe('Line 3, column "b" (column 2): the value is missing.');
    expect([e.line, e.column, e.columnName]).toEqual([3, 2, 'b']);
  });

  it('a non-numeric value in a mostly numeric column, dropped on request', () => {
    const text = 'a,b,label\n1,2,x\n3,abc,y\n4,5,x\n6,7,y\n';
    expect(fail(text).message).toBe('Line 3, column "b" (column 2): "abc" is not a number.');
    const r = parseCsv(text, { labelColumn: 'label', dropInvalidRows: true });
    expect(r.droppedRows).toBe(1);
    expect(r.dataset.n).toBe(3);
    expect(Array.from(r.dataset.rawX!)).toEqual([1, 2, 4, 5, 6, 7]);
  });

  it('NaN and Infinity text', () => {
    expect(fail('a,label\n1,x\nNaN,y\n2,x\n').message).toMatch(/Line 3, column "a".*"NaN" is not a finite number/);
    expect(fail('a,label\n1,x\n-Infinity,y\n2,x\n').message).toMatch(/"-Infinity" is not a finite number/);
  });

  it('huge numbers', () => {
    expect(fail('a,label\n1,x\n2e16,y\n').message).toBe(
      'Line 3, column "a" (column 1): 2e16 is larger than 1e15 in magnitude; rescale the column or remove it.');
  });

  it('duplicate header names', () => {
    const e = fail('a,b,a,label\n1,2,3,x\n');
    expect(e.message).toMatch(/the column name "a" appears twice \(columns 1 and 3\)/);
    expect(e.column).toBe(3);
  });

  it('only one class', () => {
    expect(fail('a,label\n1,x\n2,x\n').message).toBe(
      'The label column "label" has only one class ("x"); a classifier needs at least two.');
  });

  it('an empty label', () => {
    expect(fail('a,label\n1,x\n2,\n').message).toBe('Line 3, column "label" (column 2): the label is missing.');
  });

  it('a label column that does not exist', () => {
    expect(fail('a,b\n1,2\n').message).toBe('There is no column named "label"; the columns are: a, b.');
  });

  it('too many columns, rows or bytes state the limit', () => {
    expect(fail('a,b,c,label\n1,2,3,x\n', { maxColumns: 3 }).message).toBe('The header has 4 columns; the limit is 3.');
    expect(fail('a,label\n1,x\n2,y\n3,x\n', { maxRows: 2 }).message).toBe(
      'The file has more than 2 data rows; the limit is 2.');
    expect(fail('a,label\n1,x\n2,y\n', { maxBytes: 10 }).message).toBe('The file is 16 bytes; the limit is 10 bytes.');
    expect(fail('a,label\né,x\nü,y\n', { maxBytes: 15 }).message).toMatch(/is 16 bytes/); // UTF-8, not chars
    expect(fail('x'.repeat(21 * 1024 * 1024)).message).toBe('The file is 21.0 MB; the limit is 20.0 MB.');
    const wide = fail('c,label\nr,x\ng,y\nb,x\n', { maxColumns: 2 });
    expect(wide.message).toBe('One-hot encoding the categorical columns gives 3 features; the limit is 2.');
  });

  it('an unclosed quote and text after a closing quote', () => {
    const open = fail('a,label\n1,x\n"2,y\n3,x\n');
    expect(open.message).toBe('Line 3, column 1: a quoted field is never closed (missing ").');
    expect(open.line).toBe(3);
    expect(fail('a,label\n1,x\n"2"z,y\n').message).toMatch(/^Line 3, column 1: unexpected text after a closing quote/);
  });

  it('caps categories per column with a warning', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `c${i % 30},${i % 2}`);
    const { dataset, warnings } = parseCsv(['cat,label', ...rows].join('\n'), { labelColumn: 'label', maxCategories: 10 });
    expect(dataset.d).toBe(10);
    expect(dataset.featureNames[9]).toBe('cat=(other)');
    expect(warnings[0]).toMatch(/Column "cat" has 30 distinct values; the 9 most frequent were kept/);
  });

  it('too many classes suggests the wrong label column', () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i},id${i}`);
    expect(fail(['a,label', ...rows].join('\n'), { maxClasses: 10 }).message).toMatch(
      /has 20 distinct values; the limit is 10 classes\. Is it the right column\?/);
  });

  it('warns about unnamed and constant columns', () => {
    const { warnings, dataset } = parseCsv(',k,label\n1,5,x\n2,5,y\n', { labelColumn: 'label' });
    expect(dataset.featureNames).toEqual(['column 1', 'k']);
    expect(warnings).toContain('Column 1 has no name in the header; it is called "column 1".');
    expect(warnings).toContain('Column "k" has the same value in every row; it carries no information.');
  });
});
