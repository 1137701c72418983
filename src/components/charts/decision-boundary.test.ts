import { describe, expect, it } from 'vitest';
import { boundarySummary, heatmapRgba, nearestPointIndex, neighborInDirection, pointText, verdictCell } from './decision-boundary';

describe('heatmapRgba', () => {
  it('puts the top grid row (y1) first and colours by the predicted class', () => {
    // 2×2 grid, 2 classes; row 0 (bottom) is class 0 for sure, row 1 (top) is class 1 at chance-ish.
    const probs = new Float32Array([1, 0, 1, 0, 0.4, 0.6, 0.4, 0.6]);
    const px = heatmapRgba(probs, 2, 2, [
      [0, 0, 0],
      [255, 0, 0],
    ]);
    expect(px).toHaveLength(16);
    // Output row 0 = grid row 1 (class 1, sure 0.2 ⇒ mix 0.184): red stays 255, green fades.
    expect([px[0], px[1], px[3]]).toEqual([255, Math.round(255 * (1 - 0.184)), 255]);
    // Output row 1 = grid row 0 (class 0, certain ⇒ mix 0.52 towards black).
    expect(px[8]).toBe(Math.round(255 * 0.48));
  });

  it('throws when the probabilities do not cover the grid', () => {
    expect(() => heatmapRgba(new Float32Array(3), 2, 2, [[0, 0, 0]])).toThrow(/expected 8/);
  });
});

describe('point navigation', () => {
  const xs = [0, 10, 0, -10, 30];
  const ys = [0, 1, -10, 0, 0];

  it('moves to the nearest point roughly in the arrow direction', () => {
    expect(neighborInDirection(xs, ys, 0, 'right')).toBe(1);
    expect(neighborInDirection(xs, ys, 0, 'up')).toBe(2);
    expect(neighborInDirection(xs, ys, 0, 'left')).toBe(3);
    expect(neighborInDirection(xs, ys, 0, 'down')).toBeNull();
    expect(neighborInDirection(xs, ys, 1, 'right')).toBe(4);
  });

  it('hit-tests within a radius', () => {
    expect(nearestPointIndex(xs, ys, 9, 2)).toBe(1);
    expect(nearestPointIndex(xs, ys, 100, 100)).toBeNull();
  });
});

describe('point text', () => {
  it('describes a point and the verdicts', () => {
    const p = { x: 0, y: 0, label: 2, member: true, confidence: 0.97, score: 0.84, verdict: false };
    expect(pointText(p, 11)).toBe(
      'Record 12: class 2, member (in the training set), confidence 0.97; attack says non-member (score 0.84), wrong',
    );
    expect(verdictCell(p)).toBe('non-member (0.84), wrong');
    expect(verdictCell({ ...p, verdict: undefined, score: undefined })).toBe('–');
    expect(boundarySummary([p, { ...p, member: false }], 3)).toBe(
      "Decision regions of 3 classes with 2 records (1 members, 1 non-members). The attack's verdicts are right for 1 of 2.",
    );
  });
});
