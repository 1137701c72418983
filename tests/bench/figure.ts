/**
 * @fileoverview What a benchmark measurement reports. A figure is one number (or a short label)
 * with its unit, the target it is held to, and whether it meets it; a Measure produces figures.
 * New measurements are added by appending a Measure to the registry in figures.ts.
 */

/** One reported number. `target` is human-readable ("≥ 0.4"); null when there is none to meet. */
export interface Figure {
  readonly name: string;
  readonly value: number | string;
  readonly unit: string;
  readonly target: string | null;
  /** Whether the value meets the target; null when there is no target. */
  readonly holds: boolean | null;
}

/** What a measurement gets from the runner. */
export interface BenchContext {
  /** Run the full-size variants (slower) instead of the reduced ones. */
  readonly full: boolean;
  /** A progress line on stderr. */
  log(line: string): void;
  /** A note for the JSON document (e.g. which variant was measured and why). */
  note(line: string): void;
}

/** One group of related figures, measured together. */
export interface Measure {
  readonly name: string;
  run(ctx: BenchContext): Promise<Figure[]>;
}

/** Rounds to `digits` significant digits, so the JSON stays readable. */
export function sig(value: number, digits = 3): number {
  return Number.isFinite(value) && value !== 0 ? Number(value.toPrecision(digits)) : value;
}

/** A figure with no target. */
export function report(name: string, value: number | string, unit: string): Figure {
  return { name, value: typeof value === 'number' ? sig(value) : value, unit, target: null, holds: null };
}

/** A figure that must be at least `min`. */
export function atLeast(name: string, value: number, unit: string, min: number): Figure {
  return { name, value: sig(value), unit, target: `≥ ${min}`, holds: value >= min };
}

/** A figure that must be at most `max`. */
export function atMost(name: string, value: number, unit: string, max: number): Figure {
  return { name, value: sig(value), unit, target: `≤ ${max}`, holds: value <= max };
}

/** Milliseconds since an arbitrary origin, from the monotonic clock. */
export function now(): number {
  return performance.now();
}
