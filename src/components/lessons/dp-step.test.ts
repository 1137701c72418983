import { describe, expect, it } from 'vitest';
import { clipAt, dpStep, makeBatch } from './dp-step';

describe('DP-SGD step geometry', () => {
  const raw = makeBatch(6, 3);
  const step = dpStep(raw, 1, 1, 3);

  it('clips every gradient to at most C and leaves short ones alone', () => {
    for (const [i, g] of step.clipped.entries()) {
      expect(Math.hypot(g[0], g[1])).toBeLessThanOrEqual(1 + 1e-9);
      if (Math.hypot(raw[i][0], raw[i][1]) <= 1) expect(g).toEqual(raw[i]);
    }
  });

  it('adds the noise to the clipped sum, and σ = 0 adds none', () => {
    expect(step.noisySum[0]).toBeCloseTo(step.sum[0] + step.noise[0]);
    expect(dpStep(raw, 1, 0, 3).noise).toEqual([0, 0]);
  });

  it('animates clipping one example at a time', () => {
    expect(clipAt(step, 0, 0)).toEqual(raw[0]);
    expect(clipAt(step, 5, 1)[0]).toBeCloseTo(step.clipped[5][0]);
    expect(clipAt(step, 5, 0.5)).toEqual(raw[5]);
  });
});
