import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { labelOnlyAttack, labelOnlyCalibration, labelOnlyScores, perturbCopies } from './label-only';

describe('label-only attack', () => {
  it('scores the fraction of correctly labelled queries, original included', () => {
    const query = {
      n: 2, copies: 3, labels: Int32Array.from([1, 0]),
      copyPredictions: Int32Array.from([1, 1, 0, 2, 2, 0]),
      originalPredictions: Int32Array.from([1, 0]),
    };
    expect(Array.from(labelOnlyScores(query))).toEqual([3 / 4, 2 / 4]);
    expect(Array.from(labelOnlyScores({ ...query, originalPredictions: null }))).toEqual([2 / 3, 1 / 3]);
  });

  it('calibrates its threshold on shadow queries', () => {
    const shadow = {
      n: 4, copies: 1, labels: Int32Array.from([0, 0, 0, 0]), isMember: Uint8Array.from([1, 1, 0, 0]),
      copyPredictions: Int32Array.from([0, 0, 1, 1]), originalPredictions: Int32Array.from([0, 0, 0, 1]),
    };
    const target = { n: 2, copies: 1, labels: Int32Array.from([2, 2]), copyPredictions: Int32Array.from([2, 0]), originalPredictions: Int32Array.from([2, 2]) };
    const r = labelOnlyAttack(target, labelOnlyCalibration([shadow]));
    expect(r.name).toBe('label-only');
    expect(r.threshold).toBe(0.75);
    expect(r.calibrationAccuracy).toBe(1);
    expect(Array.from(r.scores)).toEqual([1, 0.5]);
  });

  it('adds seeded Gaussian noise without touching the input', () => {
    const x = Float32Array.from({ length: 20 }, (_, i) => i);
    const a = perturbCopies(x, 5, 4, 30, 'noise', { noiseStd: 0.5 }, new Rng(1));
    expect(a.length).toBe(5 * 30 * 4);
    expect(perturbCopies(x, 5, 4, 30, 'noise', { noiseStd: 0.5 }, new Rng(1))).toEqual(a);
    expect(x[7]).toBe(7);
    let sum = 0, sq = 0;
    for (let i = 0; i < 5; i++) for (let p = 0; p < 30; p++) for (let j = 0; j < 4; j++) {
      const e = a[(i * 30 + p) * 4 + j] - x[i * 4 + j];
      sum += e; sq += e * e;
    }
    expect(sum / 600).toBeCloseTo(0, 1);
    expect(Math.sqrt(sq / 600)).toBeCloseTo(0.5, 1);
  });

  it('shifts images by distinct one-pixel moves, filling with 0', () => {
    // One 3×3 single-channel image with a lone bright pixel in the centre.
    const x = new Float32Array(9); x[4] = 1;
    const out = perturbCopies(x, 1, 9, 8, 'shift', { imageShape: [3, 3, 1] }, new Rng(2));
    const positions = new Set<number>();
    for (let p = 0; p < 8; p++) {
      const copy = Array.from(out.subarray(p * 9, p * 9 + 9));
      expect(copy.reduce((a, b) => a + b, 0)).toBe(1);
      positions.add(copy.indexOf(1));
    }
    expect([...positions].sort()).toEqual([0, 1, 2, 3, 5, 6, 7, 8]); // every neighbour, never the centre
    // A corner pixel shifted outward falls off the image.
    const corner = new Float32Array(9); corner[0] = 1;
    const moved = perturbCopies(corner, 1, 9, 8, 'shift', { imageShape: [3, 3, 1] }, new Rng(2));
    expect(moved.reduce((a, b) => a + b, 0)).toBe(3); // only 3 of the 8 moves keep it inside
    expect(() => perturbCopies(x, 1, 9, 2, 'shift', {}, new Rng(1))).toThrow(/imageShape/);
  });
});
