/**
 * @fileoverview Bytes of a chosen CSV file to text, the one way both the CLI and the page do it:
 * a UTF-16 byte-order mark is honoured, a UTF-8 one dropped, a binary file is refused as such, and
 * bytes that are not UTF-8 are refused with their line (instead of turning "Zürich" into
 * "Z\uFFFDrich" and quietly splitting one category in two).
 */
import { CsvError } from './csv-tokenize';

// Core's lib has no DOM; TextDecoder is a global in every runtime it runs in (Node, page, worker).
declare const TextDecoder: new (label: string, options?: { fatal?: boolean }) => { decode(bytes: Uint8Array): string };

/** Bytes examined for control characters; a binary file shows itself early. */
const SNIFF_BYTES = 64 * 1024;
/** Share of control bytes (other than tab, line breaks and form feed) above which a file is binary. */
const MAX_CONTROL_SHARE = 0.01;

/** The 1-based line holding byte `offset` (a line ends at LF, CRLF or a lone CR). */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) line++;
    else if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) line++;
  }
  return line;
}

/** Offset of the first byte that is not well-formed UTF-8 (WHATWG rules), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) { i++; continue; }
    let need: number, lo = 0x80, hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) { need = 2; if (b === 0xe0) lo = 0xa0; if (b === 0xed) hi = 0x9f; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; if (b === 0xf0) lo = 0x90; if (b === 0xf4) hi = 0x8f; }
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = i + k < n ? bytes[i + k] : -1;
      if (c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** True when the bytes look binary: a NUL byte, or many other control bytes near the start. */
function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) !== -1) return true;
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) control++;
  }
  return control > Math.max(1, end * MAX_CONTROL_SHARE);
}

/**
 * Decodes a CSV file's bytes to text without a byte-order mark. UTF-16 (LE or BE, by its BOM) and
 * UTF-8 are read; anything else throws CsvError: "This is not a text CSV file…" for binary data,
 * "This file is not UTF-8 (line N)…" for other encodings. Linear in the size. Pure.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    try {
      return new TextDecoder(utf16, { fatal: true }).decode(bytes.subarray(2));
    } catch {
      throw new CsvError('This file starts like UTF-16 text but is not valid UTF-16; save it as UTF-8.');
    }
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) throw new CsvError('This is not a text CSV file: it holds binary data (is it a spreadsheet or an archive?).');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const bad = firstInvalidUtf8(body);
    const line = lineOfByte(body, Math.max(0, bad));
    throw new CsvError(`This file is not UTF-8 (line ${line}); save it as UTF-8.`, { line });
  }
}
