import { describe, expect, it } from 'vitest';
import { gradientNormAttack, gradientNormScores } from './gradient-norm';

describe('gradient-norm attack', () => {
  it('scores small gradients (fitted records) as members', () => {
    const s = gradientNormScores(Float32Array.from([0.01, 3]));
    expect(s[0]).toBeGreaterThan(s[1]);
  });

  it('thresholds on the shadow models’ norms', () => {
    const r = gradientNormAttack(Float32Array.from([0.05, 0.5, 5]), {
      norms: Float32Array.from([0.1, 0.2, 1, 2]), isMember: Uint8Array.from([1, 1, 0, 0]),
    });
    expect(r.name).toBe('gradient-norm');
    expect(r.threshold).toBeCloseTo(-0.6);
    expect(r.calibrationAccuracy).toBe(1);
    expect(Array.from(r.scores, (v) => v >= r.threshold)).toEqual([true, true, false]);
  });
});
