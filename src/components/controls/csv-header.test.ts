import { describe, expect, it } from 'vitest';
import { csvHeader } from './csv-header';

describe('csvHeader', () => {
  it('reads quoted names, semicolons and a byte-order mark as the importer does', () => {
    expect(csvHeader('\uFEFF"a, b",c,label\n1,2,x\n')).toEqual({ columns: ['a, b', 'c', 'label'] });
    expect(csvHeader('"two\nlines";x;label\n1;2;y\n')).toEqual({ columns: ['two\nlines', 'x', 'label'] });
    expect(csvHeader(',x,label\n')).toEqual({ columns: ['column 1', 'x', 'label'] });
  });

  it('says when there is nothing to read', () => {
    expect(csvHeader('')).toEqual({ message: 'The file is empty.' });
    expect(csvHeader('\n\n')).toEqual({ message: 'The file is empty.' });
    expect(csvHeader('"never closed,x\n')).toEqual({ message: 'Line 1, column 1: a quoted field is never closed (missing ").' });
  });

  it('lists at most 1,000 names and keeps the last column', () => {
    const names = Array.from({ length: 10_000 }, (_, j) => `f${j}`);
    const got = csvHeader(names.join(',') + '\n');
    expect('columns' in got && got.columns.length).toBe(1000);
    expect('columns' in got && got.columns[999]).toBe('f9999');
  });
});
