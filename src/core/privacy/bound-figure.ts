/**
 * @fileoverview The DP bound as every ROC chart draws it (playground, embeds, lessons, the report):
 * the ceiling curve for the run's (ε, δ) and each attack's reported points judged against it.
 * Built here once from a result's privacy accounting and attack summaries, so no reader builds its
 * own. Pure.
 */
import { boundSeries, type BoundSeries } from './bound';
import { checkAgainstBound, type BoundCheckInput, type BoundPoint } from './bound-check';

/** The bound on one ROC chart. */
export interface BoundFigure {
  /** The ceiling curve TPR ≤ min(e^ε·FPR + δ, …) on the chart's scale. */
  readonly curve: BoundSeries;
  /** Every attack's TPR at each reported FPR, judged against the ceiling (see bound-check.ts). */
  readonly points: BoundPoint[];
}

/**
 * The bound for a run with `privacy` accounting and the given attack summaries, on a 'linear' or
 * 'log' FPR axis (log from `minFpr`, default 1e-5). Null without DP or without a finite ε (σ = 0
 * promises nothing). Returns new arrays.
 */
export function boundFigure(
  privacy: { readonly epsilon: number | null; readonly delta: number } | null | undefined,
  attacks: readonly BoundCheckInput[],
  scale: 'linear' | 'log',
  minFpr = 1e-5,
): BoundFigure | null {
  const curve = boundSeries(privacy, scale, minFpr);
  if (!curve || !privacy) return null;
  return { curve, points: checkAgainstBound(attacks, curve.epsilon, privacy.delta) };
}
