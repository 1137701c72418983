/**
 * @fileoverview The shape of one schema row (a settable config field) and the helpers that state
 * its kind. Its own module, importing nothing, so defense and attack plugins can declare their rows
 * without importing the schema that lists them.
 */

export type FieldKind =
  | { readonly type: 'int'; readonly min: number; readonly max: number }
  | { readonly type: 'number'; readonly min: number; readonly max: number; readonly exclusiveMin?: boolean }
  | { readonly type: 'boolean' }
  | { readonly type: 'enum'; readonly values: readonly string[] }
  | { readonly type: 'list'; readonly values: readonly string[] };

export interface FieldSpec {
  /** Dotted path into ExperimentConfig, e.g. `train.epochs`. */
  readonly path: string;
  readonly kind: FieldKind;
  /** The default; null means "decided from other fields" (e.g. the dataset's own default noise). */
  readonly default: number | boolean | string | readonly string[] | null;
  readonly nullable?: boolean;
  /** One line for tooltips, `--help` and error messages. */
  readonly help: string;
}

/** An integer in [min, max]. */
export const int = (min: number, max: number): FieldKind => ({ type: 'int', min, max });
/** A number in [min, max], or (min, max] with `exclusiveMin`. */
export const num = (min: number, max: number, exclusiveMin = false): FieldKind => ({ type: 'number', min, max, exclusiveMin });
export const bool: FieldKind = { type: 'boolean' };
/** One of `values`. */
export const oneOf = (...values: string[]): FieldKind => ({ type: 'enum', values });
