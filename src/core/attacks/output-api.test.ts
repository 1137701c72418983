import { describe, expect, it } from 'vitest';
import { applyOutputApi, AttackUnavailableError, requireScores } from './output-api';
import { thresholdSignalScores } from './threshold-attacks';

const probs = Float32Array.from([0.1, 0.6, 0.3, 0.44, 0.16, 0.4]);

describe('output API', () => {
  it('returns a copy of the full probabilities and the argmax label', () => {
    const r = applyOutputApi(probs, 2, 3, { kind: 'full' });
    expect(r.probs).toEqual(probs);
    expect(r.probs).not.toBe(probs);
    expect(Array.from(r.predictedLabel)).toEqual([1, 0]);
  });

  it('keeps only the top k entries in place and zeroes the rest', () => {
    const r = applyOutputApi(probs, 2, 3, { kind: 'top-k', k: 2 });
    expect(Array.from(r.probs!)).toEqual(Array.from(Float32Array.from([0, 0.6, 0.3, 0.44, 0, 0.4])));
    expect(Array.from(applyOutputApi(probs, 2, 3, { kind: 'top-k', k: 1 }).probs!))
      .toEqual(Array.from(Float32Array.from([0, 0.6, 0, 0.44, 0, 0])));
    expect(applyOutputApi(probs, 2, 3, { kind: 'top-k', k: 9 }).probs).toEqual(probs);
    expect(() => applyOutputApi(probs, 2, 3, { kind: 'top-k', k: 0 })).toThrow(/k >= 1/);
  });

  it('rounds to the given number of decimals but labels from the unrounded output', () => {
    const r = applyOutputApi(probs, 2, 3, { kind: 'rounded', decimals: 1 });
    expect(Array.from(r.probs!)).toEqual(Array.from(Float32Array.from([0.1, 0.6, 0.3, 0.4, 0.2, 0.4])));
    expect(r.predictedLabel[1]).toBe(0); // 0.44 > 0.40 even though both round to 0.4
  });

  it('hides scores from a label-only API and says so by name', () => {
    const r = applyOutputApi(probs, 2, 3, { kind: 'label' });
    expect(r.probs).toBeUndefined();
    expect(Array.from(r.predictedLabel)).toEqual([1, 0]);
    expect(() => requireScores(r, 'loss-threshold')).toThrow(AttackUnavailableError);
    expect(() => requireScores(r, 'loss-threshold')).toThrow(
      'Loss threshold needs probability scores, but the target API returns labels only.',
    );
    expect(() => thresholdSignalScores('loss', { response: r, labels: Int32Array.from([1, 0]) })).toThrow(/^Loss threshold needs/);
  });

  it('treats a true class outside the top k as confidence 0', () => {
    const r = applyOutputApi(probs, 2, 3, { kind: 'top-k', k: 1 });
    const labels = Int32Array.from([2, 0]);
    expect(Array.from(thresholdSignalScores('confidence', { response: r, labels }))).toEqual([0, Math.fround(0.44)]);
    expect(Number.isFinite(thresholdSignalScores('loss', { response: r, labels })[0])).toBe(true);
  });

  it('rejects a shape mismatch', () => {
    expect(() => applyOutputApi(probs, 3, 3, { kind: 'full' })).toThrow(/3 × 3/);
  });
});
