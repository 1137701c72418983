/**
 * @fileoverview Input checks shared by the privacy modules. A bad parameter throws
 * InvalidParameterError, whose message names the parameter, the allowed range and the value given,
 * so a CLI or UI can show it as is (or re-label the parameter, see `parameter` and `requirement`).
 */

/** Thrown for an out-of-range or non-finite privacy parameter. */
export class InvalidParameterError extends RangeError {
  /**
   * @param parameter the parameter's name in the API, e.g. "sampleRate"
   * @param requirement what it must be, phrased to follow "must be", e.g. "in (0, 1]"
   * @param value the value given
   */
  constructor(
    readonly parameter: string,
    readonly requirement: string,
    readonly value: unknown,
  ) {
    super(`${parameter} must be ${requirement}, got ${String(value)}`);
    this.name = 'InvalidParameterError';
  }
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && !Number.isNaN(value);
}

/** Checks `lo < value ≤ hi` (or `lo < value < hi` when `closedHigh` is false). Returns value. */
export function checkOpenInterval(name: string, value: number, lo: number, hi: number, closedHigh: boolean): number {
  const ok = isNumber(value) && value > lo && (closedHigh ? value <= hi : value < hi);
  if (!ok) throw new InvalidParameterError(name, `in (${lo}, ${hi}${closedHigh ? ']' : ')'}`, value);
  return value;
}

/** Checks that `value` is a finite number ≥ 0. Returns value. */
export function checkNonNegative(name: string, value: number): number {
  if (!(isNumber(value) && Number.isFinite(value) && value >= 0)) {
    throw new InvalidParameterError(name, 'a finite number ≥ 0', value);
  }
  return value;
}

/** Checks that `value` is a finite number > 0. Returns value. */
export function checkPositive(name: string, value: number): number {
  if (!(isNumber(value) && Number.isFinite(value) && value > 0)) {
    throw new InvalidParameterError(name, 'a finite number > 0', value);
  }
  return value;
}

/** Checks that `value` is an integer ≥ `min` (safe integers only). Returns value. */
export function checkInteger(name: string, value: number, min: number): number {
  if (!(Number.isSafeInteger(value) && value >= min)) {
    throw new InvalidParameterError(name, `an integer ≥ ${min}`, value);
  }
  return value;
}
