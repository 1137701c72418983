/**
 * @fileoverview Strict parsing of numbers typed by a person (a `--set` value, a URL parameter, a
 * CLI flag). `Number()` accepts far more than anyone means to type: hex (`0x10`), binary (`0b101`),
 * `Infinity`, surrounding whitespace, and the empty string as 0. Only plain decimal forms pass here.
 */

/** Plain decimal: optional minus, digits with an optional fraction (or a leading-dot fraction), optional exponent. */
const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The finite number `raw` spells in plain decimal, or null for anything else: hex, binary, octal
 * prefixes, `NaN`, `Infinity`, a value that overflows (`1e400`), `+5`, empty or padded strings.
 * `-0` (and `-0.0`, `-0e3`) is null as well: every setting here is non-negative, and a negative
 * zero would pass a `>= 0` check while printing as "0". Pure.
 */
export function parseDecimal(raw: string): number | null {
  if (!DECIMAL.test(raw)) return null;
  const value = Number(raw);
  if (!Number.isFinite(value) || Object.is(value, -0)) return null;
  return value;
}
