/**
 * @fileoverview The one estimate of time left that every progress bar shows (playground, lessons,
 * cheat sheet): elapsed time scaled by the work still to do. Pure.
 */

/** Below this share of the work done, early phases (data, worker start) make any estimate wild. */
export const ETA_MIN_FRACTION = 0.03;

/**
 * Seconds left when `fraction` (0..1) of the work took `elapsedS` seconds, assuming the rest goes
 * as fast; null while too little is done to tell, and once all of it is.
 */
export function etaSeconds(elapsedS: number, fraction: number): number | null {
  if (!(fraction > ETA_MIN_FRACTION) || fraction >= 1 || !(elapsedS >= 0)) return null;
  return (elapsedS / fraction) * (1 - fraction);
}
