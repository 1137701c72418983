import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, firstInvalidUtf8 } from './csv-decode';
import { CsvError } from './csv-tokenize';
import { Rng } from '../rng';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

function csvError(fn: () => unknown): CsvError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(CsvError);
    return err as CsvError;
  }
  throw new Error('expected a CsvError');
}

describe('decodeCsvBytes', () => {
  it('reads UTF-8 with or without a byte-order mark, and UTF-16 by its mark', () => {
    expect(decodeCsvBytes(bytes('a,b\nZürich,1\n'))).toBe('a,b\nZürich,1\n');
    expect(decodeCsvBytes(bytes([0xef, 0xbb, 0xbf], 'a,b\n'))).toBe('a,b\n');
    const text = 'a,b\nGenève,1\n';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) le.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + 2 * i);
    expect(decodeCsvBytes(le)).toBe(text);
    const be = le.map((_, i) => (i < 2 ? [0xfe, 0xff][i] : le[i % 2 === 0 ? i + 1 : i - 1]));
    expect(decodeCsvBytes(be)).toBe(text);
  });

  it('names the line of the first byte that is not UTF-8 (LF, CRLF and CR lines)', () => {
    for (const [nl, line] of [['\n', 3], ['\r\n', 3], ['\r', 3]] as const) {
      const err = csvError(() => decodeCsvBytes(bytes(`a,b${nl}x,1${nl}Z`, [0xfc], `rich,2${nl}`)));
      expect(err.message).toBe(`This file is not UTF-8 (line ${line}); save it as UTF-8.`);
      expect(err.line).toBe(line);
    }
  });

  it('refuses binary data: a NUL byte, or many control bytes', () => {
    const binary = 'This is not a text CSV file: it holds binary data (is it a spreadsheet or an archive?).';
    expect(csvError(() => decodeCsvBytes(bytes('PK', [3, 4, 0, 0], 'xl/workbook.xml'))).message).toBe(binary);
    expect(csvError(() => decodeCsvBytes(bytes('a,b\n', [1, 2, 3, 4, 5, 6, 7, 8], '\n'))).message).toBe(binary);
    // One stray control byte in a long text file is not binary.
    expect(decodeCsvBytes(bytes('a,b\n', [0x1b], 'x,1\n'.repeat(100)))).toMatch(/^a,b\n\x1bx,1/);
  });

  it('finds the same first bad byte as the fatal TextDecoder, on random bytes', () => {
    const rng = new Rng(7);
    const alphabet = [0x41, 0x0a, 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xa0, 0xed, 0x9f, 0xef, 0xf0, 0x90, 0xf4, 0x8f, 0xf5, 0xff];
    for (let trial = 0; trial < 2000; trial++) {
      const b = Uint8Array.from({ length: 1 + Math.floor(rng.next() * 8) }, () => alphabet[Math.floor(rng.next() * alphabet.length)]);
      let valid = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(b);
      } catch {
        valid = false;
      }
      const bad = firstInvalidUtf8(b);
      expect(bad === -1, Array.from(b, (x) => x.toString(16)).join(' ')).toBe(valid);
      if (!valid) expect(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b.subarray(0, bad)).length).toBeGreaterThanOrEqual(0);
    }
  });
});
