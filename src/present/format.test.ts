import { describe, expect, it } from 'vitest';
import { formatEpsilon, formatPercent, formatProb, formatSignedPoints, formatSignedProb } from './format';

describe('chart number formats', () => {
  it('writes rates with sensible precision', () => {
    expect(formatPercent(0.62)).toBe('62%');
    expect(formatPercent(0.996)).toBe('99.6%');
    expect(formatPercent(0.0042)).toBe('0.42%');
    expect(formatPercent(1e-4)).toBe('0.01%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(Number.NaN)).toBe('–');
  });

  it('writes probabilities and signed changes', () => {
    expect(formatProb(0.98765)).toBe('0.99');
    expect(formatSignedProb(0.05)).toBe('+0.05');
    expect(formatSignedProb(-0.12)).toBe('−0.12');
    expect(formatSignedPoints(0.031)).toBe('+3.1 pts');
  });

  it('writes ε, with null meaning no DP', () => {
    expect(formatEpsilon(null)).toBe('∞ (no DP)');
    expect(formatEpsilon(2)).toBe('2');
    expect(formatEpsilon(0.537)).toBe('0.537');
    expect(formatEpsilon(Number.POSITIVE_INFINITY)).toBe('∞');
  });
});
