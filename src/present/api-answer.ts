/**
 * @fileoverview What the target's API shows for one record: the one place the playground's record
 * inspector, lesson 3's API menu and lesson 11's reconnaissance step read it from. Pure.
 */
import { applyOutputApi, type OutputApi } from '../core/attacks/output-api';

/** One class as the API shows it. */
export interface ApiClassRow {
  readonly name: string;
  /** The value the API reveals (already rounded by a rounding API), or null when it hides it. */
  readonly value: number | null;
  /** The value as the API would print it: the API's decimals, 3 otherwise, '—' when hidden. */
  readonly shown: string;
  readonly predicted: boolean;
}

export interface ApiAnswer {
  /** The predicted class's name: all that a label-only API returns. */
  readonly label: string;
  /** Every class: the predicted one first, then revealed values from the largest, hidden ones last. */
  readonly rows: readonly ApiClassRow[];
  /** The rows whose value the API reveals (none for a label-only API), in the same order. */
  readonly revealed: readonly ApiClassRow[];
}

/** What `api` returns for one record whose probabilities are `probs` (length C). */
export function apiAnswer(probs: ArrayLike<number>, classNames: readonly string[], api: OutputApi): ApiAnswer {
  const C = probs.length;
  const response = applyOutputApi(Float32Array.from(probs), 1, C, api);
  const predicted = response.predictedLabel[0];
  const digits = api.kind === 'rounded' ? api.decimals : 3;
  const revealedValue = (c: number): number | null => {
    const p = response.probs?.[c];
    // A top-k API sends zeros for the classes it leaves out: those are hidden, not zero.
    return p === undefined || (api.kind === 'top-k' && p <= 0) ? null : p;
  };
  const rows = Array.from({ length: C }, (_, c): ApiClassRow => {
    const value = revealedValue(c);
    return { name: classNames[c] ?? `class ${c}`, value, shown: value === null ? '—' : value.toFixed(digits), predicted: c === predicted };
  }).sort((a, b) => Number(b.predicted) - Number(a.predicted) || (b.value ?? -1) - (a.value ?? -1));
  return { label: rows[0].name, rows, revealed: rows.filter((r) => r.value !== null) };
}
