import { describe, expect, it } from 'vitest';
import { etaSeconds } from './eta';

describe('etaSeconds', () => {
  it('scales the elapsed time by the work left', () => {
    expect(etaSeconds(10, 0.5)).toBe(10);
    expect(etaSeconds(3, 0.75)).toBeCloseTo(1);
  });

  it('says nothing too early, when done, or for nonsense', () => {
    expect(etaSeconds(1, 0.02)).toBeNull();
    expect(etaSeconds(5, 1)).toBeNull();
    expect(etaSeconds(5, Number.NaN)).toBeNull();
    expect(etaSeconds(-1, 0.5)).toBeNull();
  });
});
