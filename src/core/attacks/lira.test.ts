import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { liraAttack, liraCalibration, liraScores, type LiraReferences } from './lira';

import { pairwiseAuc as auc } from '../../../tests/support/pairwise-auc';

/**
 * φ = difficulty_i + 2·IN + N(0, 1): OUT mean 0 and IN mean 2 around each record's own difficulty,
 * which varies a lot between records (std 2), so a single global threshold on φ does poorly.
 */
function scenario(seed: number, M = 16, n = 200, Q = 1) {
  const rng = new Rng(seed);
  const difficulty = Float64Array.from({ length: n }, () => rng.normal(0, 2));
  const inMask = Uint8Array.from({ length: M * n }, () => (rng.bernoulli(0.5) ? 1 : 0));
  const phiRef = new Float32Array(M * n * Q);
  for (let k = 0; k < M * n; k++) for (let q = 0; q < Q; q++) phiRef[k * Q + q] = difficulty[k % n] + 2 * inMask[k] + rng.normal();
  const member = Uint8Array.from({ length: n }, (_, i) => i % 2);
  const phiTarget = Float32Array.from({ length: n * Q }, (_, k) => difficulty[Math.floor(k / Q)] + 2 * member[Math.floor(k / Q)] + rng.normal());
  const refs: LiraReferences = { numRefs: M, n, queries: Q, phiRef, inMask };
  return { refs, phiTarget, member };
}

describe('LiRA', () => {
  const { refs, phiTarget, member } = scenario(21);

  it('separates IN from OUT Gaussians online and offline, beating a global threshold on φ', () => {
    const raw = auc(phiTarget, member);
    for (const variant of ['online', 'offline'] as const) {
      const a = auc(liraScores(variant, refs, phiTarget), member);
      expect(a, variant).toBeGreaterThan(0.85);
      expect(a, variant).toBeGreaterThan(raw + 0.05);
    }
    expect(auc(liraScores('online', refs, phiTarget, { variance: 'per-record' }), member)).toBeGreaterThan(0.8);
  });

  it('averages several augmented queries per record', () => {
    const s = scenario(22, 16, 200, 2);
    expect(auc(liraScores('online', s.refs, s.phiTarget), s.member)).toBeGreaterThan(0.9);
  });

  it('falls back to borrowed means for records with no IN or no OUT reference', () => {
    const inMask = refs.inMask.slice();
    for (let m = 0; m < refs.numRefs; m++) { inMask[m * refs.n] = 0; inMask[m * refs.n + 1] = 1; }
    const s = liraScores('online', { ...refs, inMask }, phiTarget);
    expect(s.every(Number.isFinite)).toBe(true);
    expect(auc(s, member)).toBeGreaterThan(0.85);
  });

  it('calibrates by leave-one-out on the references, never reading the target membership', () => {
    const cal = liraCalibration('online', refs);
    expect(cal.scores.length).toBe(refs.numRefs * refs.n);
    const r = liraAttack('online', refs, phiTarget);
    expect(r.name).toBe('lira-online');
    expect(Number.isFinite(r.threshold)).toBe(true);
    expect(r.calibrationAccuracy).toBeGreaterThan(0.75);
    let ok = 0;
    r.scores.forEach((v, i) => { if ((v >= r.threshold ? 1 : 0) === member[i]) ok++; });
    expect(ok / refs.n).toBeGreaterThan(0.75);
    expect(liraAttack('offline', refs, phiTarget).name).toBe('lira-offline');
  });

  it('explains what is missing', () => {
    const allIn = { ...refs, inMask: new Uint8Array(refs.numRefs * refs.n).fill(1) };
    expect(() => liraScores('offline', allIn, phiTarget)).toThrow(/without \(OUT\)/);
    expect(() => liraScores('online', refs, new Float32Array(3))).toThrow(/target φ/);
  });
});
