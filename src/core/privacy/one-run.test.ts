import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { binomialUpperTail, oneRunEpsilon, oneRunPValue } from './one-run';
import { guessesAt, oneRunAudit, ONE_RUN_GUESS_GRID } from './one-run-audit';

// Reference values: the p-value and bisection of Steinke, Nasr & Jagielski (2023, Algorithm 2 and its
// appendix code), run in Python with scipy.stats.binom (sf and pmf) and 80 bisection steps.
describe('oneRunEpsilon (Steinke et al. 2023)', () => {
  it('with every guess right and δ = 0 is the closed form logit(β^(1/r))', () => {
    // P[Bin(r, q) ≥ r] = q^r ≤ β ⇔ q ≤ β^(1/r); ε = ln(q / (1 − q)). r = 100, β = 0.05: q = 0.970487…
    const q = 0.05 ** (1 / 100);
    expect(oneRunEpsilon({ audited: 1000, guesses: 100, correct: 100 })).toBeCloseTo(Math.log(q / (1 - q)), 8);
    expect(oneRunEpsilon({ audited: 1000, guesses: 100, correct: 100 })).toBeCloseTo(3.4929654311522937, 8);
  });

  it.each([
    [1000, 100, 90, 0, 0.95, 1.6308231927409742],
    [1000, 100, 90, 1e-5, 0.95, 1.6261434806957262],
    [1000, 1000, 700, 1e-5, 0.95, 0.7317404494186919],
    [600, 60, 55, 1e-5, 1 - 0.05 / 40, 1.038858564871942],
    [10000, 500, 480, 1e-5, 0.95, 2.77038750475565],
    [1000, 100, 100, 1e-3, 0.95, 0.8090139189504623],
  ])('m=%d, r=%d, v=%d, δ=%d at %d → ε ≥ %d (scipy reference)', (audited, guesses, correct, delta, confidence, expected) => {
    expect(oneRunEpsilon({ audited, guesses, correct }, { delta, confidence })).toBeCloseTo(expected, 7);
  });

  it('matches the reference p-values, δ term included', () => {
    expect(oneRunPValue({ audited: 1000, guesses: 100, correct: 90 }, 1, 0)).toBeCloseTo(2.7358128007661584e-5, 15);
    expect(oneRunPValue({ audited: 1000, guesses: 100, correct: 90 }, 1, 1e-5)).toBeCloseTo(0.0008412885614385305, 12);
    expect(oneRunPValue({ audited: 1000, guesses: 1000, correct: 700 }, 1, 1e-5)).toBeCloseTo(0.9871627357454777, 10);
  });

  it('is 0 when the guesses are no better than chance, and falls as the confidence rises', () => {
    expect(oneRunEpsilon({ audited: 100, guesses: 20, correct: 10 })).toBe(0);
    expect(oneRunEpsilon({ audited: 100, guesses: 0, correct: 0 })).toBe(0);
    const at95 = oneRunEpsilon({ audited: 1000, guesses: 100, correct: 90 }, { confidence: 0.95 });
    const at99 = oneRunEpsilon({ audited: 1000, guesses: 100, correct: 90 }, { confidence: 0.99 });
    expect(at99).toBeLessThan(at95);
  });

  it('computes binomial tails exactly at the edges', () => {
    expect(binomialUpperTail(10, 0.5, 0)).toBe(1);
    expect(binomialUpperTail(10, 0.5, 11)).toBe(0);
    expect(binomialUpperTail(10, 0.5, 10)).toBeCloseTo(1 / 1024, 15);
    expect(binomialUpperTail(10, 0.5, 5)).toBeCloseTo(638 / 1024, 14);
  });

  it('rejects impossible counts', () => {
    expect(() => oneRunEpsilon({ audited: 10, guesses: 11, correct: 0 })).toThrow('guesses must be at most audited (10), got 11');
    expect(() => oneRunEpsilon({ audited: 10, guesses: 5, correct: 6 })).toThrow('correct must be at most guesses (5), got 6');
  });
});

describe('oneRunAudit: scores as guesses', () => {
  it('guesses whole tie groups only, never splitting a tie by position', () => {
    // Levels (highest first): 3 members; a tie of 1 member + 1 non-member; 2 non-members.
    const levels = { members: [3, 1, 0], others: [0, 1, 2] };
    expect(guessesAt(levels, 4, 0)).toEqual({ positives: 3, negatives: 0, correct: 3 }); // the tie abstains
    expect(guessesAt(levels, 5, 2)).toEqual({ positives: 5, negatives: 2, correct: 6 });
    expect(guessesAt(levels, 7, 7)).toEqual({ positives: 7, negatives: 0, correct: 4 }); // no overlap
    // Every score tied: no guess can be made without splitting the tie.
    const tied = oneRunAudit([1, 1, 1, 1], [1, 1, 0, 0]);
    expect(tied.guesses).toBe(0);
    expect(tied.epsilon).toBe(0);
  });

  it('finds a clear signal and pays for the grid and the other tests with Bonferroni', () => {
    const rng = new Rng(7);
    const n = 1000;
    const isMember = Array.from({ length: n }, () => rng.next() < 0.5);
    const scores = isMember.map((m) => rng.normal() + (m ? 3 : 0));
    const one = oneRunAudit(scores, isMember, { delta: 1e-5 });
    expect(one.epsilon).toBeGreaterThan(1);
    expect(one.gridSize).toBe(ONE_RUN_GUESS_GRID.length);
    expect(one.perTestConfidence).toBeCloseTo(1 - 0.05 / 8, 12);
    expect(one.epsilon).toBe(oneRunEpsilon(one, { delta: 1e-5, confidence: one.perTestConfidence }));
    const ofFive = oneRunAudit(scores, isMember, { delta: 1e-5, tests: 5 });
    expect(ofFive.perTestConfidence).toBeCloseTo(1 - 0.05 / 40, 12);
    expect(ofFive.epsilon).toBeLessThan(one.epsilon);
    // Order-free: the same scores and labels shuffled give the same bound.
    const perm = new Rng(3).permutation(n);
    const shuffled = oneRunAudit(Array.from(perm, (i) => scores[i]), Array.from(perm, (i) => isMember[i]), { delta: 1e-5 });
    expect(shuffled.epsilon).toBe(one.epsilon);
  });

  it('gives 0 for scores that carry no membership signal', () => {
    const rng = new Rng(11);
    const isMember = Array.from({ length: 2000 }, () => rng.next() < 0.5);
    const scores = isMember.map(() => rng.normal());
    expect(oneRunAudit(scores, isMember, { delta: 1e-5 }).epsilon).toBeLessThan(0.2);
  });
});
