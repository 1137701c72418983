/**
 * @fileoverview Number formatting shared by every chart, so axes, tooltips, tables and summaries
 * write a rate or a confidence the same way. Non-finite input prints as an en dash.
 */
import { format } from 'd3';

const fixed2 = format('.2f');
const sig3 = format('.3~r');
const sig2 = format('.2~r');
const signedFixed2 = format('+.2f');
const signedFixed1 = format('+.1f');

/** A probability or score with two decimals: 0.99. Pure. */
export function formatProb(v: number): string {
  return Number.isFinite(v) ? fixed2(v) : '–';
}

/** A rate in [0, 1] as a percentage with three significant digits at most: 62%, 99.6%, 4.2%, 0.01%. Pure. */
export function formatPercent(v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (v === 0) return '0%';
  return `${(Math.abs(v) >= 0.01 ? sig3 : sig2)(v * 100)}%`;
}

/** A signed difference of two probabilities: +0.05, −0.12. Pure. */
export function formatSignedProb(v: number): string {
  return Number.isFinite(v) ? signedFixed2(v) : '–';
}

/** A signed difference of two rates in percentage points: +3.1 pts, −0.4 pts. Pure. */
export function formatSignedPoints(v: number): string {
  return Number.isFinite(v) ? `${signedFixed1(v * 100)} pts` : '–';
}

/** A DP ε; null means training without DP, which is no guarantee at all. Pure. */
export function formatEpsilon(epsilon: number | null): string {
  if (epsilon === null) return '∞ (no DP)';
  if (!Number.isFinite(epsilon)) return '∞';
  return sig3(epsilon);
}

/** A value on a loss or other unbounded axis: 3 significant digits. Pure. */
export function formatNumber(v: number): string {
  return Number.isFinite(v) ? sig3(v) : '–';
}
