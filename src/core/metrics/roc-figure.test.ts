import { describe, expect, it } from 'vitest';
import { attackRocFigure, pointAtThreshold, ROC_DETAIL, thinRoc } from './roc-figure';
import { logRocSeries, rocCurve } from './roc';
import { Rng } from '../rng';

function sample(n: number, seed: number): { scores: Float64Array; isMember: Uint8Array } {
  const rng = new Rng(seed);
  const isMember = Uint8Array.from({ length: n }, (_, i) => (i < n / 2 ? 1 : 0));
  const scores = Float64Array.from(isMember, (m) => rng.normal() + (m ? 0.8 : 0));
  return { scores, isMember };
}

describe('attackRocFigure', () => {
  it('keeps each detail within its point budget, from (0, 0) to (1, 1)', () => {
    const { scores, isMember } = sample(4000, 3);
    for (const detail of [ROC_DETAIL.full, ROC_DETAIL.compact]) {
      const f = attackRocFigure(scores, isMember, 0.4, detail);
      expect(f.linear.fpr.length).toBeLessThanOrEqual(2 * detail.buckets);
      expect(f.log.fpr.length).toBeLessThanOrEqual(detail.logPoints);
      expect([f.linear.fpr[0], f.linear.tpr[0]]).toEqual([0, 0]);
      expect([f.linear.fpr.at(-1), f.linear.tpr.at(-1)]).toEqual([1, 1]);
      expect(Math.min(...f.log.fpr)).toBeGreaterThanOrEqual(detail.minFpr);
    }
  });

  it('is the thinned curve and log series of the full ROC, and the verdicts at the threshold', () => {
    const { scores, isMember } = sample(600, 5);
    const roc = rocCurve(scores, isMember);
    const f = attackRocFigure(scores, isMember, 0.25, ROC_DETAIL.compact);
    expect(f.linear).toEqual(thinRoc(roc, 40));
    expect(f.log).toEqual(logRocSeries(roc, 1e-4, 48));
    let tp = 0, fp = 0;
    scores.forEach((s, i) => s >= 0.25 && (isMember[i] ? tp++ : fp++));
    expect(f.atThreshold).toEqual({ tp, fp, tpr: tp / 300, fpr: fp / 300 });
  });
});

describe('pointAtThreshold', () => {
  it('counts score ≥ threshold as member, and flags nobody at +∞', () => {
    const scores = [3, 2, 2, 1, 0];
    const isMember = Uint8Array.from([1, 1, 0, 0, 0]);
    expect(pointAtThreshold(scores, isMember, 2)).toEqual({ tp: 2, fp: 1, tpr: 1, fpr: 1 / 3 });
    expect(pointAtThreshold(scores, isMember, Infinity)).toEqual({ tp: 0, fp: 0, tpr: 0, fpr: 0 });
  });
});
