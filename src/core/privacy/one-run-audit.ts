/**
 * @fileoverview An attack's scores as one-run audit guesses (see one-run.ts): the k₊ highest-scoring
 * records are guessed "in", the k₋ lowest "out", the rest abstain. How many guesses to make is fixed
 * in advance as a small grid (ONE_RUN_GUESS_GRID); trying every grid point and keeping the best is
 * paid for with a Bonferroni correction, each point tested at 1 − (1 − confidence)/(grid size ×
 * `tests`), where `tests` counts the other comparisons the caller makes (e.g. the attacks compared).
 *
 * Guesses take whole groups of tied scores only: where the cut would split a tie, the tied records
 * abstain. Breaking the tie by position would leak membership whenever records are ordered by it
 * (the candidates are stored members first), and the guesses must depend on the scores alone.
 */
import { InvalidParameterError } from './params';
import { oneRunEpsilon, type OneRunCounts } from './one-run';

/** One point of the guess grid: k₊ and k₋ as shares of the audited records. */
export interface GuessShare {
  readonly positive: number;
  readonly negative: number;
}

/**
 * The grid, fixed before seeing any result: "in" guesses only on the top 2%, 5%, 10% or 20% (an
 * attack is usually surest about members), and guesses at both ends on 2.5%, 10%, 25% or 50% each
 * (every record guessed at the last point). Eight tests, so the Bonferroni factor is 8.
 */
export const ONE_RUN_GUESS_GRID: readonly GuessShare[] = [
  { positive: 0.02, negative: 0 },
  { positive: 0.05, negative: 0 },
  { positive: 0.1, negative: 0 },
  { positive: 0.2, negative: 0 },
  { positive: 0.025, negative: 0.025 },
  { positive: 0.1, negative: 0.1 },
  { positive: 0.25, negative: 0.25 },
  { positive: 0.5, negative: 0.5 },
];

/** The one-run audit of one attack: its best grid point and the numbers behind it. Plain data. */
export interface OneRunAudit extends OneRunCounts {
  /** ε ruled out at `confidence`, family-wise over the grid and the caller's `tests`; ≥ 0. */
  readonly epsilon: number;
  /** "In" and "out" guesses actually made at the best grid point (whole tie groups only). */
  readonly positives: number;
  readonly negatives: number;
  readonly delta: number;
  /** The family-wise confidence the caller asked for (e.g. 0.95). */
  readonly confidence: number;
  /** The confidence each single test was run at: 1 − (1 − confidence)/(grid size × tests). */
  readonly perTestConfidence: number;
  readonly gridSize: number;
}

export interface OneRunAuditOptions {
  readonly delta?: number;
  readonly confidence?: number;
  /** Further comparisons the caller makes with the same data (Bonferroni), e.g. attacks; default 1. */
  readonly tests?: number;
  readonly grid?: readonly GuessShare[];
}

/** Distinct scores, highest first, with the members and non-members at each. */
function scoreLevels(scores: ArrayLike<number>, isMember: ArrayLike<boolean | number>): { members: number[]; others: number[] } {
  if (scores.length !== isMember.length) {
    throw new InvalidParameterError('isMember', `as long as scores (${scores.length})`, isMember.length);
  }
  const order = Array.from({ length: scores.length }, (_, i) => i);
  for (const i of order) if (Number.isNaN(scores[i])) throw new InvalidParameterError(`scores[${i}]`, 'a number', scores[i]);
  order.sort((a, b) => (scores[a] > scores[b] ? -1 : scores[a] < scores[b] ? 1 : 0));
  const members: number[] = [];
  const others: number[] = [];
  for (let k = 0; k < order.length; k++) {
    if (k === 0 || scores[order[k]] !== scores[order[k - 1]]) {
      members.push(0);
      others.push(0);
    }
    if (isMember[order[k]]) members[members.length - 1]++;
    else others[others.length - 1]++;
  }
  return { members, others };
}

/**
 * Correct guesses with at most `kPlus` "in" guesses from the top and `kMinus` "out" guesses from
 * the bottom, in whole tie groups that never overlap. Pure.
 */
export function guessesAt(levels: { members: number[]; others: number[] }, kPlus: number, kMinus: number): { positives: number; negatives: number; correct: number } {
  const size = (l: number) => levels.members[l] + levels.others[l];
  let top = 0;
  let positives = 0;
  let correct = 0;
  while (top < levels.members.length && positives + size(top) <= kPlus) {
    positives += size(top);
    correct += levels.members[top++];
  }
  let bottom = levels.members.length - 1;
  let negatives = 0;
  while (bottom >= top && negatives + size(bottom) <= kMinus) {
    negatives += size(bottom);
    correct += levels.others[bottom--];
  }
  return { positives, negatives, correct };
}

/**
 * The one-run ε lower bound from an attack's `scores` (higher = more likely "in") on the audited
 * records, whose inclusion `isMember` must have been drawn by independent fair coins. Reads its
 * inputs, never mutates. O(n log n + grid × bisection × guesses).
 */
export function oneRunAudit(scores: ArrayLike<number>, isMember: ArrayLike<boolean | number>, options: OneRunAuditOptions = {}): OneRunAudit {
  const grid = options.grid ?? ONE_RUN_GUESS_GRID;
  const tests = options.tests ?? 1;
  const confidence = options.confidence ?? 0.95;
  const delta = options.delta ?? 0;
  if (!(Number.isInteger(tests) && tests >= 1)) throw new InvalidParameterError('tests', 'an integer ≥ 1', tests);
  if (grid.length === 0) throw new InvalidParameterError('grid', 'non-empty', 0);
  if (!(confidence > 0 && confidence < 1)) throw new InvalidParameterError('confidence', 'in (0, 1)', confidence);
  const audited = scores.length;
  if (audited === 0) throw new InvalidParameterError('scores', 'non-empty', 0);
  const levels = scoreLevels(scores, isMember);
  const perTestConfidence = 1 - (1 - confidence) / (grid.length * tests);
  let best: OneRunAudit | null = null;
  for (const g of grid) {
    const kPlus = Math.round(g.positive * audited);
    const kMinus = Math.round(g.negative * audited);
    const made = guessesAt(levels, kPlus, Math.min(kMinus, audited - kPlus));
    const counts = { audited, guesses: made.positives + made.negatives, correct: made.correct };
    const epsilon = oneRunEpsilon(counts, { delta, confidence: perTestConfidence });
    if (!best || epsilon > best.epsilon) {
      best = { ...counts, epsilon, positives: made.positives, negatives: made.negatives, delta, confidence, perTestConfidence, gridSize: grid.length };
    }
  }
  return best!;
}
