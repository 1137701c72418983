import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { rmiaAttack, rmiaCalibration, rmiaScores, rmiaTuneA, RMIA_A_GRID, type RmiaReferences } from './rmia';

import { pairwiseAuc as auc } from '../../../tests/support/pairwise-auc';

/**
 * A small hand-made case: 3 reference models, 5 candidates, 4 population samples. Every candidate
 * is IN for at least one reference and OUT for at least one.
 */
const M = 3, n = 5, nz = 4;
const probX = [
  0.90, 0.40, 0.75, 0.20, 0.66, // reference 0
  0.60, 0.85, 0.30, 0.55, 0.95, // reference 1
  0.70, 0.50, 0.80, 0.35, 0.45, // reference 2
];
const inMask = Uint8Array.from([
  1, 0, 1, 0, 0,
  0, 1, 0, 1, 1,
  0, 0, 1, 0, 1,
]);
const probZ = [
  0.50, 0.82, 0.10, 0.64,
  0.58, 0.77, 0.21, 0.70,
  0.47, 0.90, 0.15, 0.61,
];
const refs: RmiaReferences = { numRefs: M, n, nz, probX, inMask, probZ };
const targetX = [0.97, 0.52, 0.40, 0.08, 0.30];
const targetZ = [0.55, 0.88, 0.12, 0.67];

const mean = (v: number[]): number => v.reduce((t, x) => t + x, 0) / v.length;

/**
 * The paper's definition, written out directly: for every pair (x, z), LR = [Pr(x|θ)/Pr(x)] /
 * [Pr(z|θ)/Pr(z)], and the score is the share of z with LR ≥ γ. Offline: Pr(·) = ½((1+a)·Pr_OUT + 1 − a).
 * Online: Pr(x) = ½(Pr_IN(x) + Pr_OUT(x)); Pr(z) = Pr_OUT(z) + gap/2, gap the mean IN−OUT difference.
 */
function directScores(setting: 'offline' | 'online', a: number, gamma: number): number[] {
  const ins = (i: number) => [0, 1, 2].filter((m) => inMask[m * n + i] === 1).map((m) => probX[m * n + i]);
  const outs = (i: number) => [0, 1, 2].filter((m) => inMask[m * n + i] === 0).map((m) => probX[m * n + i]);
  let gap = 0;
  for (let i = 0; i < n; i++) gap += mean(ins(i)) - mean(outs(i));
  gap /= n;
  const prZ = (j: number) => {
    const out = mean([0, 1, 2].map((m) => probZ[m * nz + j]));
    return setting === 'offline' ? 0.5 * ((1 + a) * out + (1 - a)) : 0.5 * (out + (out + gap));
  };
  const prX = (i: number) => (setting === 'offline' ? 0.5 * ((1 + a) * mean(outs(i)) + (1 - a)) : 0.5 * (mean(ins(i)) + mean(outs(i))));
  const scores: number[] = [];
  for (let i = 0; i < n; i++) {
    let count = 0;
    for (let j = 0; j < nz; j++) {
      const lr = (targetX[i] / prX(i)) / (targetZ[j] / prZ(j));
      if (lr >= gamma) count++;
    }
    scores.push(count / nz);
  }
  return scores;
}

describe('RMIA', () => {
  it.each([
    ['offline', 0.3, 1],
    ['offline', 0.7, 1],
    ['offline', 0, 1.2],
    ['offline', 1, 0.9],
    ['online', 0, 1],
    ['online', 0, 1.15],
  ] as const)('matches the pairwise definition on a hand-made case (%s, a = %s, γ = %s)', (setting, a, gamma) => {
    const expected = directScores(setting, a, gamma);
    // The case is not trivial: the scores differ between candidates.
    expect(new Set(expected).size).toBeGreaterThanOrEqual(2);
    expect(Array.from(rmiaScores(refs, targetX, targetZ, { setting, a, gamma }))).toEqual(expected);
  });

  it('pins the offline scores of the hand-made case (a = 0.3, γ = 1; worked out separately in Python)', () => {
    expect(Array.from(rmiaScores(refs, targetX, targetZ, { a: 0.3 }))).toEqual([1, 0.5, 0.25, 0, 0.25]);
  });

  it('a candidate no reference left out borrows Pr_OUT = Pr_IN − the mean IN−OUT gap', () => {
    const allIn = Uint8Array.from(inMask);
    for (let m = 0; m < M; m++) allIn[m * n + 3] = 1; // candidate 3 is now IN everywhere
    const scores = rmiaScores({ ...refs, inMask: allIn }, targetX, targetZ, { a: 0.3 });
    const both = [0, 1, 2, 4];
    const meanOf = (i: number, side: number) => mean([0, 1, 2].filter((m) => allIn[m * n + i] === side).map((m) => probX[m * n + i]));
    const gap = mean(both.map((i) => meanOf(i, 1) - meanOf(i, 0)));
    const prX = 0.5 * (1.3 * (meanOf(3, 1) - gap) + 0.7);
    let count = 0;
    for (let j = 0; j < nz; j++) {
      const prZ = 0.5 * (1.3 * mean([0, 1, 2].map((m) => probZ[m * nz + j])) + 0.7);
      if ((targetX[3] / prX) / (targetZ[j] / prZ) >= 1) count++;
    }
    expect(scores[3]).toBe(count / nz);
  });

  it('calibrates leave-one-out: each reference is scored, as the target, against the others', () => {
    const calib = rmiaCalibration(refs, { a: 0.3 });
    expect(Array.from(calib.isMember)).toEqual(Array.from(inMask));
    for (let m = 0; m < M; m++) {
      const keep = [0, 1, 2].filter((k) => k !== m);
      const others: RmiaReferences = {
        numRefs: 2, n, nz,
        probX: keep.flatMap((k) => probX.slice(k * n, (k + 1) * n)),
        inMask: Uint8Array.from(keep.flatMap((k) => Array.from(inMask.slice(k * n, (k + 1) * n)))),
        probZ: keep.flatMap((k) => probZ.slice(k * nz, (k + 1) * nz)),
      };
      const alone = rmiaScores(others, probX.slice(m * n, (m + 1) * n), probZ.slice(m * nz, (m + 1) * nz), { a: 0.3 });
      expect(Array.from(calib.scores.subarray(m * n, (m + 1) * n))).toEqual(Array.from(alone));
    }
  });

  it('rejects probabilities outside [0, 1] and a non-positive γ', () => {
    expect(() => rmiaScores(refs, [1.2, 0.5, 0.5, 0.5, 0.5], targetZ, { a: 0.3 })).toThrow(/outside \[0, 1\]/);
    expect(() => rmiaScores(refs, targetX, targetZ, { a: 0.3, gamma: 0 })).toThrow(/γ/);
    expect(() => rmiaScores(refs, targetX, targetZ, { a: 1.5 })).toThrow(/a must be in/);
  });
});

/**
 * Records of very different difficulty: each has its own OUT confidence, and membership adds a
 * little. A global confidence threshold confuses easy non-members with members; RMIA divides each
 * record by its own OUT level.
 */
function scenario(seed: number, refsCount: number, count = 300, pop = 400) {
  const rng = new Rng(seed);
  const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
  const level = (i: number, difficulty: Float64Array) => difficulty[i];
  const difficulty = Float64Array.from({ length: count }, () => rng.normal(0, 2));
  const popDifficulty = Float64Array.from({ length: pop }, () => rng.normal(0, 2));
  const mask = Uint8Array.from({ length: refsCount * count }, () => (rng.bernoulli(0.5) ? 1 : 0));
  const px = Float64Array.from({ length: refsCount * count }, (_, k) => sigmoid(level(k % count, difficulty) + 1.5 * mask[k] + rng.normal(0, 0.5)));
  const pz = Float64Array.from({ length: refsCount * pop }, (_, k) => sigmoid(level(k % pop, popDifficulty) + rng.normal(0, 0.5)));
  const member = Uint8Array.from({ length: count }, (_, i) => i % 2);
  const tx = Float64Array.from({ length: count }, (_, i) => sigmoid(difficulty[i] + 1.5 * member[i] + rng.normal(0, 0.5)));
  const tz = Float64Array.from({ length: pop }, (_, j) => sigmoid(popDifficulty[j] + rng.normal(0, 0.5)));
  return { refs: { numRefs: refsCount, n: count, nz: pop, probX: px, inMask: mask, probZ: pz } as RmiaReferences, tx, tz, member };
}

describe('RMIA on records of mixed difficulty', () => {
  const { refs: r, tx, tz, member } = scenario(5, 4);

  it('beats a global confidence threshold with 4 references, offline and online', () => {
    const raw = auc(tx, member);
    for (const setting of ['offline', 'online'] as const) {
      const s = rmiaScores(r, tx, tz, { setting });
      expect(auc(s, member), setting).toBeGreaterThan(raw + 0.1);
      for (const v of s) { expect(v).toBeGreaterThanOrEqual(0); expect(v).toBeLessThanOrEqual(1); }
    }
  });

  it('tunes a on the references alone: no other a on the grid has a higher leave-one-out AUC', () => {
    const tuned = rmiaTuneA(r);
    expect(RMIA_A_GRID).toContain(tuned);
    const looAuc = (a: number) => {
      const c = rmiaCalibration(r, { a });
      let t = 0;
      for (let m = 0; m < r.numRefs; m++) t += auc(c.scores.subarray(m * r.n, (m + 1) * r.n), c.isMember.subarray(m * r.n, (m + 1) * r.n));
      return t / r.numRefs;
    };
    const best = looAuc(tuned);
    for (const a of RMIA_A_GRID) expect(looAuc(a)).toBeLessThanOrEqual(best + 1e-12);
    // Here Pr_IN is far from 1 (a = 0) and Pr_OUT is far from Pr_IN (a = 1): the best a lies between.
    expect(tuned).toBeGreaterThan(0);
    expect(tuned).toBeLessThan(1);
  });

  it('the attack reports the a it used and a threshold from its own references', () => {
    const res = rmiaAttack(r, tx, tz);
    expect(res.name).toBe('rmia');
    expect(res.a).toBe(rmiaTuneA(r));
    expect(res.calibrationAccuracy).toBeGreaterThan(0.6);
    expect(rmiaAttack(r, tx, tz, { setting: 'online' }).a).toBeNull();
  });
});
