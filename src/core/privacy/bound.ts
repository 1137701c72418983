/**
 * @fileoverview The hard limit (ε, δ)-DP puts on any membership inference attack, from the
 * hypothesis-testing view of DP (Kairouz, Oh & Viswanath 2015): every test that tells "member" from
 * "non-member" satisfies TPR ≤ e^ε·FPR + δ and 1 − TPR ≥ e^(−ε)·(1 − δ − FPR). These helpers give
 * the resulting ceilings (TPR at a given FPR, advantage, balanced accuracy) and the ceiling ROC
 * curve for plotting. All are pure; ε may be Infinity, meaning no guarantee (every ceiling is 1).
 */
import { InvalidParameterError } from './params';

/** One point of a ROC curve: false and true positive rates, both in [0, 1]. */
export interface RocPoint {
  readonly fpr: number;
  readonly tpr: number;
}

function checkEpsDelta(epsilon: number, delta: number): void {
  if (!(epsilon >= 0)) throw new InvalidParameterError('epsilon', 'a number ≥ 0 (Infinity allowed)', epsilon);
  if (!(delta >= 0 && delta < 1)) throw new InvalidParameterError('delta', 'in [0, 1)', delta);
}

function checkRate(name: string, value: number): void {
  if (!(value >= 0 && value <= 1)) throw new InvalidParameterError(name, 'in [0, 1]', value);
}

/**
 * The highest TPR any attack can reach at false positive rate `fpr` against an (ε, δ)-DP mechanism:
 * min(1, e^ε·fpr + δ, 1 − e^(−ε)·(1 − δ − fpr)), clamped to [0, 1]. ε = Infinity gives 1.
 */
export function maxTprAtFpr(epsilon: number, delta: number, fpr: number): number {
  checkEpsDelta(epsilon, delta);
  checkRate('fpr', fpr);
  if (epsilon === Infinity) return 1;
  // At fpr = 0 the first line is exactly δ; skipping the product avoids ∞·0 when e^ε overflows.
  const viaFpr = fpr === 0 ? delta : Math.exp(epsilon) * fpr + delta;
  const viaMisses = 1 - Math.exp(-epsilon) * (1 - delta - fpr);
  return Math.min(1, Math.max(0, Math.min(viaFpr, viaMisses)));
}

/**
 * The largest membership advantage (max TPR − FPR) under (ε, δ)-DP: (e^ε − 1 + 2δ)/(e^ε + 1),
 * reached where the two lines of the bound cross. Written with e^(−ε) so large ε cannot overflow.
 */
export function maxAdvantage(epsilon: number, delta: number): number {
  checkEpsDelta(epsilon, delta);
  const r = Math.exp(-epsilon);
  return Math.min(1, (1 - r + 2 * delta * r) / (1 + r));
}

/** The largest balanced accuracy ((TPR + TNR)/2) under (ε, δ)-DP: (e^ε + δ)/(e^ε + 1) = (1 + advantage)/2. */
export function maxBalancedAccuracy(epsilon: number, delta: number): number {
  checkEpsDelta(epsilon, delta);
  const r = Math.exp(-epsilon);
  return Math.min(1, (1 + delta * r) / (1 + r));
}

/**
 * The FPRs where the ceiling curve bends: where the two lines cross, (1 − δ)/(e^ε + 1), and where the
 * second line reaches TPR = 1, at FPR = 1 − δ. (The crossing lies below TPR = 1, so the first line
 * never touches 1 on the curve.) Between and beyond them the curve is straight.
 */
function kinks(epsilon: number, delta: number): number[] {
  if (epsilon === Infinity) return [];
  const r = Math.exp(-epsilon);
  return [((1 - delta) * r) / (1 + r), 1 - delta];
}

/**
 * The ceiling ROC curve on a linear FPR axis: `points` evenly spaced FPRs from 0 to 1, plus the
 * kinks so a straight-line renderer draws the curve exactly. Returns a new array sorted by FPR.
 * @param points number of evenly spaced FPRs, an integer ≥ 2 (default 101)
 */
export function boundRocCurve(epsilon: number, delta: number, points = 101): RocPoint[] {
  checkEpsDelta(epsilon, delta);
  if (!(Number.isInteger(points) && points >= 2)) throw new InvalidParameterError('points', 'an integer ≥ 2', points);
  const fprs = Array.from({ length: points }, (_, i) => i / (points - 1));
  fprs.push(...kinks(epsilon, delta));
  fprs.sort((a, b) => a - b);
  const unique = fprs.filter((f, i) => i === 0 || f !== fprs[i - 1]);
  return unique.map((fpr) => ({ fpr, tpr: maxTprAtFpr(epsilon, delta, fpr) }));
}

/**
 * The ceiling ROC curve for a log-log plot: `points` log-spaced FPRs from `minFpr` up to 1.
 * (FPR = 0 has no place on a log axis; there the ceiling is δ.) Returns a new array sorted by FPR.
 * @param points number of FPRs, an integer ≥ 2 (default 61, i.e. 12 per decade from 1e-5)
 * @param minFpr smallest FPR, in (0, 1) (default 1e-5)
 */
export function boundRocCurveLog(epsilon: number, delta: number, points = 61, minFpr = 1e-5): RocPoint[] {
  checkEpsDelta(epsilon, delta);
  if (!(Number.isInteger(points) && points >= 2)) throw new InvalidParameterError('points', 'an integer ≥ 2', points);
  if (!(minFpr > 0 && minFpr < 1)) throw new InvalidParameterError('minFpr', 'in (0, 1)', minFpr);
  const logMin = Math.log10(minFpr);
  return Array.from({ length: points }, (_, i) => {
    // Pin the last point to exactly 1 rather than 10^(0 ± rounding).
    const fpr = i === points - 1 ? 1 : 10 ** (logMin * (1 - i / (points - 1)));
    return { fpr, tpr: maxTprAtFpr(epsilon, delta, fpr) };
  });
}


/** The ceiling as a chart series: parallel FPR and TPR arrays and the ε they belong to. */
export interface BoundSeries {
  readonly fpr: number[];
  readonly tpr: number[];
  readonly epsilon: number;
}

/**
 * The one DP ceiling curve every reader draws (playground, lessons, report), for a run's privacy
 * accounting: null without DP or without a finite ε (σ = 0 promises nothing). Returns new arrays.
 * @param scale 'log' for log-spaced FPRs from `minFpr` (default 1e-5), 'linear' for 101 even FPRs
 */
export function boundSeries(
  privacy: { readonly epsilon: number | null; readonly delta: number } | null | undefined,
  scale: 'linear' | 'log',
  minFpr = 1e-5,
): BoundSeries | null {
  if (!privacy || privacy.epsilon === null || !Number.isFinite(privacy.epsilon)) return null;
  const { epsilon, delta } = privacy;
  const pts = scale === 'log' ? boundRocCurveLog(epsilon, delta, 61, minFpr) : boundRocCurve(epsilon, delta);
  return { fpr: pts.map((q) => q.fpr), tpr: pts.map((q) => q.tpr), epsilon };
}
