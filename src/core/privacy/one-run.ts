/**
 * @fileoverview One-run privacy auditing (Steinke, Nasr & Jagielski 2023, "Privacy auditing with one
 * (1) training run", NeurIPS 2023). m audited records are each included in the training set by an
 * independent fair coin; after one training run the auditor guesses "in" for some records and "out"
 * for others (abstaining on the rest), and counts v correct guesses out of r. If the training
 * algorithm is (ε, δ)-DP, the number of correct guesses is stochastically dominated by Binomial(r,
 * e^ε/(1 + e^ε)) up to a δ term (their Theorem 3.1 / Proposition 5.2), so the p-value of observing
 * v or more correct guesses under the hypothesis "the algorithm is (ε, δ)-DP" is
 *
 *   p(ε) = P[Bin(r, q) ≥ v] + 2m·δ·max_{1≤i≤v} P[v − i ≤ Bin(r, q) < v] / i,   q = e^ε/(1 + e^ε),
 *
 * and ε_lb is the largest ε whose p-value is below 1 − confidence (their Algorithm 2 and its code in
 * the appendix: a bisection over ε). Unlike the Clopper–Pearson audit in audit.ts, the trials here
 * really are independent (the coins), so the claim holds for one trained model.
 */
import { checkInteger, checkOpenInterval, InvalidParameterError } from './params';
import { logGamma, regularizedBeta } from './special';

/** What one set of guesses scored: `audited` records (m), `guesses` made (r), `correct` guesses (v). */
export interface OneRunCounts {
  readonly audited: number;
  readonly guesses: number;
  readonly correct: number;
}

function checkCounts(c: OneRunCounts): void {
  checkInteger('audited', c.audited, 1);
  checkInteger('guesses', c.guesses, 0);
  checkInteger('correct', c.correct, 0);
  if (c.guesses > c.audited) throw new InvalidParameterError('guesses', `at most audited (${c.audited})`, c.guesses);
  if (c.correct > c.guesses) throw new InvalidParameterError('correct', `at most guesses (${c.guesses})`, c.correct);
}

function checkDelta(delta: number): void {
  if (!(delta >= 0 && delta <= 1)) throw new InvalidParameterError('delta', 'in [0, 1]', delta);
}

/** P[Bin(r, q) ≥ v] through the incomplete beta function (exact up to rounding). Pure. */
export function binomialUpperTail(r: number, q: number, v: number): number {
  if (v <= 0) return 1;
  if (v > r) return 0;
  return regularizedBeta(q, v, r - v + 1);
}

/**
 * The p-value of `counts` under the hypothesis that training is (ε, δ)-DP (see the file overview).
 * Capped at 1. The δ term's maximum walks the binomial's mass down from v − 1 in log space, so a
 * far tail cannot underflow to a wrong 0. O(v). Pure.
 */
export function oneRunPValue(counts: OneRunCounts, epsilon: number, delta: number): number {
  checkCounts(counts);
  checkDelta(delta);
  if (!(epsilon >= 0)) throw new InvalidParameterError('epsilon', 'a number ≥ 0', epsilon);
  const { audited: m, guesses: r, correct: v } = counts;
  const q = 1 / (1 + Math.exp(-epsilon)); // the accuracy of ε-DP randomized response
  const tail = binomialUpperTail(r, q, v);
  if (delta === 0 || v === 0) return Math.min(1, tail);
  if (q === 1) return 1; // every guess right is certain: nothing is rejected
  // log P[Bin = k] for k = v − 1, then P[Bin = k − 1] = P[Bin = k]·k/(r − k + 1)·(1 − q)/q.
  const logOdds = Math.log1p(-q) - Math.log(q);
  let logPmf = logGamma(r + 1) - logGamma(v) - logGamma(r - v + 2) + (v - 1) * Math.log(q) + (r - v + 1) * Math.log1p(-q);
  let mass = 0;
  let alpha = 0;
  for (let i = 1; i <= v; i++) {
    const k = v - i;
    mass += Math.exp(logPmf);
    alpha = Math.max(alpha, mass / i);
    if (k > 0) logPmf += Math.log(k) - Math.log(r - k + 1) + logOdds;
  }
  return Math.min(1, tail + 2 * m * delta * alpha);
}

/** Options: δ of the hypothesis (default 0) and the confidence of the claim (default 0.95). */
export interface OneRunOptions {
  readonly delta?: number;
  readonly confidence?: number;
}

/**
 * The largest ε at which `counts` would be a surprise at the given confidence: the ε lower bound of
 * one set of guesses. 0 when even ε = 0 explains them. Bisection to 1e-10, as the p-value grows with
 * ε. Pure.
 */
export function oneRunEpsilon(counts: OneRunCounts, options: OneRunOptions = {}): number {
  checkCounts(counts);
  const delta = options.delta ?? 0;
  checkDelta(delta);
  const confidence = options.confidence ?? 0.95;
  checkOpenInterval('confidence', confidence, 0, 1, false);
  const beta = 1 - confidence;
  const rejected = (eps: number) => oneRunPValue(counts, eps, delta) < beta;
  if (!rejected(0)) return 0;
  let lo = 0;
  let hi = 1;
  // ε beyond ~37 makes q round to 1, where nothing is rejected, so this loop ends.
  while (rejected(hi)) {
    lo = hi;
    hi *= 2;
  }
  while (hi - lo > 1e-10) {
    const mid = 0.5 * (lo + hi);
    if (rejected(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
