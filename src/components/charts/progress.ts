/**
 * @fileoverview Text for the progress bar: the percentage and the time left. Pure.
 */

/** A fraction as a whole percentage in 0..100; NaN counts as 0. Pure. */
export function percentDone(fraction: number): number {
  if (!Number.isFinite(fraction)) return 0;
  return Math.round(Math.min(1, Math.max(0, fraction)) * 100);
}

/** "about 12 s left", "about 3 min left", or '' when unknown. Pure. */
export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 90) return `about ${Math.max(1, Math.round(seconds))} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}
