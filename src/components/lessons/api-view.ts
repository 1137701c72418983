/**
 * @fileoverview What one query returns through each API, for the lesson 3 menu. Pure.
 */
import { applyOutputApi, type OutputApi } from '../../core/attacks/output-api';

/** One line per revealed value: class name and what the API shows for it (hidden entries left out). */
export interface ApiAnswer {
  readonly label: string;
  readonly values: readonly { readonly name: string; readonly shown: string; readonly p: number }[];
}

/** What `api` returns for one record's probabilities `probs` (length C). Pure. */
export function apiAnswer(probs: readonly number[], classNames: readonly string[], api: OutputApi): ApiAnswer {
  const C = probs.length;
  const res = applyOutputApi(Float32Array.from(probs), 1, C, api);
  const label = classNames[res.predictedLabel[0]] ?? String(res.predictedLabel[0]);
  if (!res.probs) return { label, values: [] };
  const digits = api.kind === 'rounded' ? api.decimals : 3;
  const values = Array.from(res.probs, (p, c) => ({ name: classNames[c] ?? String(c), shown: p.toFixed(digits), p, c }))
    .filter((v) => api.kind !== 'top-k' || v.p > 0)
    .sort((a, b) => b.p - a.p)
    .map(({ name, shown, p }) => ({ name, shown, p }));
  return { label, values };
}
