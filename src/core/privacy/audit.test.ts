import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import {
  auditAtThreshold,
  auditBestThreshold,
  clopperPearson,
  countsAtThreshold,
  epsilonLowerBound,
  type AttackCounts,
} from './audit';

const counts = (tp: number, fn: number, fp: number, tn: number): AttackCounts => ({
  truePositives: tp,
  falseNegatives: fn,
  falsePositives: fp,
  trueNegatives: tn,
});

describe('clopperPearson', () => {
  // Reference values from scipy.stats.beta.ppf.
  it.each([
    [0, 10, 0, 0.3084971078187607],
    [5, 10, 0.18708602844739855, 0.8129139715526015],
    [10, 10, 0.6915028921812392, 1],
    [3, 100, 0.006229971538306395, 0.08517605297428002],
    [97, 100, 0.91482394702572, 0.9937700284616936],
    [1, 1000, 2.531748749129404e-5, 0.005558924279826672],
  ])('x=%d, n=%d → [%d, %d]', (x, n, lower, upper) => {
    const ci = clopperPearson(x, n);
    expect(ci.lower).toBeCloseTo(lower, 12);
    expect(ci.upper).toBeCloseTo(upper, 12);
  });

  it('widens with the confidence level', () => {
    const narrow = clopperPearson(30, 100, 0.8);
    const wide = clopperPearson(30, 100, 0.99);
    expect(wide.lower).toBeLessThan(narrow.lower);
    expect(wide.upper).toBeGreaterThan(narrow.upper);
  });

  it('rejects impossible counts', () => {
    expect(() => clopperPearson(11, 10)).toThrow('successes must be at most trials (10), got 11');
    expect(() => clopperPearson(1, 0)).toThrow('trials must be an integer ≥ 1, got 0');
    expect(() => clopperPearson(1, 10, 1)).toThrow('confidence must be in (0, 1), got 1');
  });
});

describe('epsilonLowerBound', () => {
  it('matches a hand computation from the interval ends', () => {
    // TP=900/1000, FP=10/1000, δ=0: TPR_lo = 0.87971206, FPR_hi = 0.01831324 (scipy), ln(TPR_lo/FPR_hi).
    const got = epsilonLowerBound(counts(900, 100, 10, 990));
    expect(got.tprLower).toBeCloseTo(0.8797120634813074, 10);
    expect(got.fprUpper).toBeCloseTo(0.01831324305511245, 10);
    expect(got.epsilon).toBeCloseTo(3.871970190998556, 9);
    expect(got.tpr).toBe(0.9);
    expect(got.fpr).toBe(0.01);
  });

  it('subtracts δ and uses the other direction when it is stronger', () => {
    // TP=500/1000, FP=0/1000, δ=1e-5: ln((TPR_lo − δ)/FPR_hi) = 4.84614084...
    expect(epsilonLowerBound(counts(500, 500, 0, 1000), { delta: 1e-5 }).epsilon).toBeCloseTo(4.846140843554364, 8);
    // Swapping the roles of the errors gives the same bound through the second inequality.
    const mirrored = epsilonLowerBound(counts(1000, 0, 500, 500), { delta: 1e-5 }).epsilon;
    const fprUpper = clopperPearson(500, 1000).upper;
    const tprLower = clopperPearson(1000, 1000).lower;
    expect(mirrored).toBeCloseTo(Math.log((1 - 1e-5 - fprUpper) / (1 - tprLower)), 12);
    // Clopper–Pearson is symmetric (upper(x, n) = 1 − lower(n − x, n)), so the mirror is exact.
    expect(mirrored).toBeCloseTo(4.846140843554364, 8);
    expect(mirrored).toBeGreaterThan(4);
  });

  it('is 0 for an attack no better than chance', () => {
    expect(epsilonLowerBound(counts(50, 50, 50, 50)).epsilon).toBe(0);
    expect(epsilonLowerBound(counts(0, 10, 0, 10)).epsilon).toBe(0);
  });

  it('grows with TP, falls with FP, grows with sample size and falls with δ', () => {
    let last = -1;
    for (const tp of [600, 700, 800, 900, 990]) {
      const e = epsilonLowerBound(counts(tp, 1000 - tp, 20, 980)).epsilon;
      expect(e).toBeGreaterThan(last);
      last = e;
    }
    last = Infinity;
    for (const fp of [1, 5, 20, 100]) {
      const e = epsilonLowerBound(counts(800, 200, fp, 1000 - fp)).epsilon;
      expect(e).toBeLessThan(last);
      last = e;
    }
    last = -1;
    for (const n of [100, 1000, 10_000]) {
      const e = epsilonLowerBound(counts(0.8 * n, 0.2 * n, 0.02 * n, 0.98 * n)).epsilon;
      expect(e).toBeGreaterThan(last);
      last = e;
    }
    const small = epsilonLowerBound(counts(800, 200, 5, 995), { delta: 0.1 }).epsilon;
    expect(small).toBeLessThan(epsilonLowerBound(counts(800, 200, 5, 995)).epsilon);
  });

  it('rejects counts without members or non-members', () => {
    const noMembers = 'members (truePositives + falseNegatives) must be ≥ 1';
    const noNonMembers = 'non-members (falsePositives + trueNegatives) must be ≥ 1';
    expect(() => epsilonLowerBound(counts(0, 0, 1, 1))).toThrow(noMembers);
    expect(() => epsilonLowerBound(counts(1, 1, 0, 0))).toThrow(noNonMembers);
    expect(() => epsilonLowerBound(counts(1.5, 1, 1, 1))).toThrow('truePositives must be an integer ≥ 0, got 1.5');
  });
});

describe('audits from scores', () => {
  // Members score N(2, 1), non-members N(0, 1): a strong but imperfect attack.
  const rng = new Rng(2024);
  const n = 2000;
  const isMember = Array.from({ length: n }, (_, i) => i % 2 === 0);
  const scores = isMember.map((m) => rng.normal() + (m ? 2 : 0));

  it('counts with "score ≥ threshold means member"', () => {
    expect(countsAtThreshold([0.1, 0.5, 0.5, 0.9], [0, 1, 0, 1], 0.5)).toEqual(counts(2, 0, 1, 1));
    expect(() => countsAtThreshold([1, 2], [true], 0)).toThrow('isMember must be as long as scores (2), got 1');
    expect(() => countsAtThreshold([1, NaN], [true, false], 0)).toThrow('scores[1] must be a number, got NaN');
  });

  it('audits at a fixed threshold exactly as from the counts', () => {
    const got = auditAtThreshold(scores, isMember, 2.5, { delta: 1e-5 });
    expect(got.threshold).toBe(2.5);
    expect(got.epsilon).toBe(epsilonLowerBound(countsAtThreshold(scores, isMember, 2.5), { delta: 1e-5 }).epsilon);
    expect(got.epsilon).toBeGreaterThan(0);
  });

  it('finds the best threshold, at least as good as every fixed one', () => {
    const start = performance.now();
    const best = auditBestThreshold(scores, isMember, { delta: 1e-5 });
    expect(performance.now() - start).toBeLessThan(2000);
    expect(best.epsilon).toBeGreaterThan(0);
    expect(best.epsilon).toBe(auditAtThreshold(scores, isMember, best.threshold, { delta: 1e-5 }).epsilon);
    for (const t of [-1, 0, 1, 2, 2.5, 3, 3.5, 4]) {
      expect(best.epsilon).toBeGreaterThanOrEqual(auditAtThreshold(scores, isMember, t, { delta: 1e-5 }).epsilon);
    }
  });

  it('gives 0 when members and non-members are indistinguishable, and ignores input order', () => {
    const same = scores.map((_, i) => Math.floor(i / 2));
    expect(auditBestThreshold(same, isMember).epsilon).toBe(0);
    const reversed = auditBestThreshold([...scores].reverse(), [...isMember].reverse(), { delta: 1e-5 });
    expect(reversed.epsilon).toBe(auditBestThreshold(scores, isMember, { delta: 1e-5 }).epsilon);
  });

  it('handles ties and infinite scores', () => {
    // 40 members at +∞; 10 members and 10 non-members tied at 1; 40 non-members at −∞.
    const s = [...Array(40).fill(Infinity), ...Array(20).fill(1), ...Array(40).fill(-Infinity)];
    const m = [...Array(50).fill(true), ...Array(50).fill(false)];
    const got = auditBestThreshold(s, m);
    expect(got.threshold).toBe(Infinity);
    expect(got.counts).toEqual(counts(40, 10, 0, 50));
    expect(got.counts).toEqual(countsAtThreshold(s, m, Infinity));
    expect(() => auditBestThreshold([1, 2], [true, true])).toThrow('non-members');
  });
});
