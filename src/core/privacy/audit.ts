/**
 * @fileoverview Empirical privacy auditing: a lower bound on ε from what an attack actually achieved
 * (Jagielski, Ullman & Oprea 2020; Nasr et al. 2021). If a mechanism is (ε, δ)-DP, every attack has
 * TPR ≤ e^ε·FPR + δ and 1 − FPR ≤ e^ε·(1 − TPR) + δ, so an attack's measured rates rule out every ε
 * below ε_lb = max(ln((TPR − δ)/FPR), ln((1 − δ − FPR)/(1 − TPR))). To make the claim hold with high
 * confidence despite finite samples, the rates are replaced by the pessimistic ends of their
 * Clopper–Pearson intervals: the lower end for TPR and the upper end for FPR.
 *
 * Confidence: each rate uses a two-sided interval at `confidence` (0.95 by default), as in the papers
 * above, so each one-sided end holds with probability 1 − (1 − confidence)/2 and both together with
 * probability at least 1 − (1 − confidence).
 */
import { checkInteger, checkOpenInterval, InvalidParameterError } from './params';
import { betaQuantile } from './special';

/** A confidence interval for a proportion, both ends in [0, 1]. */
export interface ConfidenceInterval {
  readonly lower: number;
  readonly upper: number;
}

/** An attack's confusion counts: TP and FN among members, FP and TN among non-members. */
export interface AttackCounts {
  readonly truePositives: number;
  readonly falseNegatives: number;
  readonly falsePositives: number;
  readonly trueNegatives: number;
}

/** The audited lower bound on ε and the numbers behind it. Plain data. */
export interface EpsilonLowerBound {
  /** ε that the attack's results rule out (with `confidence`), ≥ 0; 0 means nothing is ruled out. */
  readonly epsilon: number;
  /** Point estimates TP/(TP + FN) and FP/(FP + TN). */
  readonly tpr: number;
  readonly fpr: number;
  /** Lower Clopper–Pearson end for TPR and upper end for FPR, the values the bound uses. */
  readonly tprLower: number;
  readonly fprUpper: number;
  readonly delta: number;
  readonly confidence: number;
  readonly counts: AttackCounts;
}

/** Options for the audit: δ of the claimed guarantee (default 0) and the interval level (default 0.95). */
export interface AuditOptions {
  readonly delta?: number;
  readonly confidence?: number;
}

/**
 * Exact (Clopper–Pearson) two-sided confidence interval for a binomial proportion, from `successes`
 * out of `trials`: [B⁻¹(a/2; x, n − x + 1), B⁻¹(1 − a/2; x + 1, n − x)] with a = 1 − confidence,
 * where B⁻¹ is the beta quantile. The ends at x = 0 and x = n have closed forms, used directly.
 */
export function clopperPearson(successes: number, trials: number, confidence = 0.95): ConfidenceInterval {
  checkInteger('trials', trials, 1);
  checkInteger('successes', successes, 0);
  if (successes > trials) throw new InvalidParameterError('successes', `at most trials (${trials})`, successes);
  checkOpenInterval('confidence', confidence, 0, 1, false);
  const tail = (1 - confidence) / 2;
  const x = successes;
  const n = trials;
  const lower = x === 0 ? 0 : x === n ? tail ** (1 / n) : betaQuantile(tail, x, n - x + 1);
  const upper = x === n ? 1 : x === 0 ? 1 - tail ** (1 / n) : betaQuantile(1 - tail, x + 1, n - x);
  return { lower, upper };
}

/** ε_lb from rates, before clamping: the larger of the two directions of the DP inequality. */
function epsilonFromRates(tpr: number, fpr: number, delta: number): number {
  const viaFpr = Math.log((tpr - delta) / fpr); // NaN when tpr < δ: that direction rules out nothing
  const viaMisses = Math.log((1 - delta - fpr) / (1 - tpr));
  return Math.max(0, Number.isNaN(viaFpr) ? -Infinity : viaFpr, Number.isNaN(viaMisses) ? -Infinity : viaMisses);
}

function checkCounts(c: AttackCounts): void {
  checkInteger('truePositives', c.truePositives, 0);
  checkInteger('falseNegatives', c.falseNegatives, 0);
  checkInteger('falsePositives', c.falsePositives, 0);
  checkInteger('trueNegatives', c.trueNegatives, 0);
  const members = c.truePositives + c.falseNegatives;
  const nonMembers = c.falsePositives + c.trueNegatives;
  if (members === 0) throw new InvalidParameterError('members (truePositives + falseNegatives)', '≥ 1', 0);
  if (nonMembers === 0) throw new InvalidParameterError('non-members (falsePositives + trueNegatives)', '≥ 1', 0);
}

function checkOptions(o: AuditOptions): { delta: number; confidence: number } {
  const delta = o.delta ?? 0;
  const confidence = o.confidence ?? 0.95;
  if (!(delta >= 0 && delta < 1)) throw new InvalidParameterError('delta', 'in [0, 1)', delta);
  checkOpenInterval('confidence', confidence, 0, 1, false);
  return { delta, confidence };
}

/**
 * The lower bound on ε that an attack's confusion counts support (see the file overview).
 * More members and non-members tighten the intervals and so raise the bound for the same rates.
 */
export function epsilonLowerBound(counts: AttackCounts, options: AuditOptions = {}): EpsilonLowerBound {
  checkCounts(counts);
  const { delta, confidence } = checkOptions(options);
  const members = counts.truePositives + counts.falseNegatives;
  const nonMembers = counts.falsePositives + counts.trueNegatives;
  const tprLower = clopperPearson(counts.truePositives, members, confidence).lower;
  const fprUpper = clopperPearson(counts.falsePositives, nonMembers, confidence).upper;
  return {
    epsilon: epsilonFromRates(tprLower, fprUpper, delta),
    tpr: counts.truePositives / members,
    fpr: counts.falsePositives / nonMembers,
    tprLower,
    fprUpper,
    delta,
    confidence,
    counts,
  };
}

function checkScores(scores: ArrayLike<number>, isMember: ArrayLike<boolean | number>): void {
  if (scores.length !== isMember.length) {
    throw new InvalidParameterError('isMember', `as long as scores (${scores.length})`, isMember.length);
  }
  for (let i = 0; i < scores.length; i++) {
    if (Number.isNaN(scores[i])) throw new InvalidParameterError(`scores[${i}]`, 'a number', scores[i]);
  }
}

/**
 * Confusion counts when records scoring ≥ `threshold` are called members (a higher score means
 * "more likely a member"). `isMember[i]` is true or 1 for a member. Reads its inputs, never mutates.
 */
export function countsAtThreshold(
  scores: ArrayLike<number>,
  isMember: ArrayLike<boolean | number>,
  threshold: number,
): AttackCounts {
  checkScores(scores, isMember);
  let tp = 0;
  let fn = 0;
  let fp = 0;
  let tn = 0;
  for (let i = 0; i < scores.length; i++) {
    const called = scores[i] >= threshold;
    if (isMember[i]) {
      if (called) tp++;
      else fn++;
    } else if (called) fp++;
    else tn++;
  }
  return { truePositives: tp, falseNegatives: fn, falsePositives: fp, trueNegatives: tn };
}

/**
 * The audited ε lower bound at one threshold fixed in advance (e.g. chosen on separate data).
 * This is the statistically sound form: the confidence level holds as stated.
 */
export function auditAtThreshold(
  scores: ArrayLike<number>,
  isMember: ArrayLike<boolean | number>,
  threshold: number,
  options: AuditOptions = {},
): EpsilonLowerBound & { readonly threshold: number } {
  return { ...epsilonLowerBound(countsAtThreshold(scores, isMember, threshold), options), threshold };
}

/**
 * The best audited ε lower bound over every threshold (each distinct score).
 *
 * Caution: picking the threshold on the same records the bound is computed from overstates it; the
 * stated confidence no longer holds, because the best of many tries is reported. Use it to explore;
 * for a claim, choose the threshold on held-out records and call auditAtThreshold on fresh ones.
 *
 * Only thresholds just above a non-member are tried: moving the threshold down past members alone
 * raises TPR at the same FPR, which can only raise the bound. Thresholds whose point-estimate bound
 * cannot beat the best so far skip the interval computation. Does not mutate its inputs.
 * O(n log n) for the sort, plus at most one pair of intervals per non-member. When no threshold
 * beats ε_lb = 0, the highest candidate threshold is reported with ε = 0.
 */
export function auditBestThreshold(
  scores: ArrayLike<number>,
  isMember: ArrayLike<boolean | number>,
  options: AuditOptions = {},
): EpsilonLowerBound & { readonly threshold: number } {
  checkScores(scores, isMember);
  const { delta } = checkOptions(options);
  // Descending by score; written with comparisons so that ±Infinity scores sort correctly.
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) =>
    scores[a] > scores[b] ? -1 : scores[a] < scores[b] ? 1 : 0,
  );
  let members = 0;
  for (let i = 0; i < isMember.length; i++) if (isMember[i]) members++;
  const nonMembers = scores.length - members;
  const countsAt = (tp: number, fp: number): AttackCounts => ({
    truePositives: tp, falseNegatives: members - tp, falsePositives: fp, trueNegatives: nonMembers - fp,
  });
  if (members === 0 || nonMembers === 0) epsilonLowerBound(countsAt(0, 0), options); // throws, naming which
  let best: (EpsilonLowerBound & { threshold: number }) | undefined;
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; ) {
    const score = scores[order[k]];
    for (; k < order.length && scores[order[k]] === score; k++) {
      if (isMember[order[k]]) tp++;
      else fp++;
    }
    const nextHasNonMember = k === order.length || hasNonMemberAt(scores, isMember, order, k);
    if (!nextHasNonMember) continue;
    if (best && epsilonFromRates(tp / members, fp / nonMembers, delta) <= best.epsilon) continue;
    const candidate = epsilonLowerBound(countsAt(tp, fp), options);
    if (!best || candidate.epsilon > best.epsilon) best = { ...candidate, threshold: score };
  }
  // The last group always ends the scan with a candidate, so `best` is set for any non-empty input.
  return best!;
}

/** True when the group of equal scores starting at sorted position k contains a non-member. */
function hasNonMemberAt(
  scores: ArrayLike<number>,
  isMember: ArrayLike<boolean | number>,
  order: readonly number[],
  k: number,
): boolean {
  const score = scores[order[k]];
  for (let j = k; j < order.length && scores[order[j]] === score; j++) if (!isMember[order[j]]) return true;
  return false;
}
