import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { auc } from '../metrics/roc';
import { calibrateThreshold, predictMembers } from './calibration';
import { applyOutputApi, AttackUnavailableError, type OutputApi, type ShadowResponse } from './output-api';
import { gapAttack, gapCalibration, shadowCalibration, thresholdAttack } from './threshold-attacks';

const C = 4;

/** n records, softmax outputs whose true-class logit is `margin` plus noise; members get +gap. */
function fakeModel(rng: Rng, n: number, gap: number, api: OutputApi = { kind: 'full' }): ShadowResponse {
  const labels = new Int32Array(n), isMember = new Uint8Array(n), probs = new Float32Array(n * C);
  for (let i = 0; i < n; i++) {
    labels[i] = rng.int(C);
    isMember[i] = i % 2;
    const z = Array.from({ length: C }, () => rng.normal());
    z[labels[i]] += 1 + gap * isMember[i];
    const e = z.map(Math.exp), s = e.reduce((a, b) => a + b, 0);
    for (let c = 0; c < C; c++) probs[i * C + c] = e[c] / s;
  }
  return { response: applyOutputApi(probs, n, C, api), labels, isMember };
}

describe('calibrateThreshold', () => {
  it('splits separable scores halfway', () => {
    expect(calibrateThreshold({ scores: [0.9, 0.8, 0.3, 0.2], isMember: [1, 1, 0, 0] })).toEqual({ threshold: 0.55, accuracy: 1 });
  });

  it('prefers accusing no one when the data cannot tell, and everyone when all are members', () => {
    expect(calibrateThreshold({ scores: [0.5, 0.5], isMember: [1, 0] })).toEqual({ threshold: Infinity, accuracy: 0.5 });
    expect(calibrateThreshold({ scores: [0.1, 0.7], isMember: [1, 1] })).toEqual({ threshold: -Infinity, accuracy: 1 });
  });

  it('maximises accuracy on overlapping scores', () => {
    const scores = [5, 4, 3, 2, 1, 0], isMember = [1, 0, 1, 1, 0, 0];
    const { threshold, accuracy } = calibrateThreshold({ scores, isMember });
    expect(threshold).toBe(1.5);
    expect(accuracy).toBeCloseTo(5 / 6);
    expect(Array.from(predictMembers(scores, threshold))).toEqual([1, 1, 1, 1, 0, 0]);
  });

  it('rejects empty or mismatched input', () => {
    expect(() => calibrateThreshold({ scores: [], isMember: [] })).toThrow(/without/);
    expect(() => calibrateThreshold({ scores: [1], isMember: [1, 0] })).toThrow(/flags/);
  });
});

describe('threshold attacks', () => {
  const rng = new Rng(11);
  const shadows = [fakeModel(rng, 400, 3), fakeModel(rng, 400, 3)];

  it('take the threshold from the shadow models, whatever the target looks like', () => {
    const cal = shadowCalibration('loss', shadows);
    const a = thresholdAttack('loss', fakeModel(rng, 200, 3), cal);
    const b = thresholdAttack('loss', fakeModel(rng, 200, 8), cal);
    expect(a.name).toBe('loss-threshold');
    expect(a.threshold).toBe(b.threshold);
    expect(a.calibrationAccuracy).toBeGreaterThan(0.7);
    const moved = thresholdAttack('loss', fakeModel(rng, 200, 3), shadowCalibration('loss', [fakeModel(rng, 400, 8)]));
    expect(moved.threshold).not.toBe(a.threshold);
  });

  it('score members above non-members for every signal', () => {
    const target = fakeModel(rng, 400, 3);
    for (const s of ['confidence', 'loss', 'entropy', 'mentropy'] as const) {
      const r = thresholdAttack(s, target, shadowCalibration(s, shadows));
      let inMean = 0, outMean = 0;
      r.scores.forEach((v, i) => { if (target.isMember[i]) inMean += v; else outMean += v; });
      expect(inMean, s).toBeGreaterThan(outMean);
    }
  });

  it('refuse to run on a label-only target', () => {
    const target = fakeModel(rng, 10, 3, { kind: 'label' });
    expect(() => thresholdAttack('confidence', target, shadowCalibration('confidence', shadows))).toThrow(AttackUnavailableError);
  });

  it('run the gap attack on labels alone, at threshold 0.5', () => {
    const target = fakeModel(rng, 50, 3, { kind: 'label' });
    const r = gapAttack(target, gapCalibration(shadows.map((s) => ({ ...s, response: { ...s.response, probs: undefined, kind: 'label' } }))));
    expect(r.threshold).toBe(0.5);
    r.scores.forEach((v, i) => expect(v).toBe(target.response.predictedLabel[i] === target.labels[i] ? 1 : 0));
    expect(r.calibrationAccuracy).toBeGreaterThan(0.5);
    expect(gapAttack(target).calibrationAccuracy).toBeNull();
  });
});

describe('the loss attack under APIs that hide or round entries', () => {
  // Confident targets: most true classes get p_y > 0.5, where the old precise-loss path summed
  // the (hidden or rounded) other entries.
  const rng = new Rng(23);
  const apis: OutputApi[] = [{ kind: 'top-k', k: 1 }, { kind: 'top-k', k: 2 }, { kind: 'rounded', decimals: 2 }, { kind: 'rounded', decimals: 1 }];

  for (const api of apis) {
    it(`ranks records exactly as the confidence attack does (${api.kind} ${api.kind === 'top-k' ? api.k : api.kind === 'rounded' ? api.decimals : ''})`, () => {
      const target = fakeModel(rng, 600, 3, api);
      const cal = (s: 'loss' | 'confidence') => shadowCalibration(s, [fakeModel(rng, 600, 3, api)]);
      const loss = thresholdAttack('loss', target, cal('loss'));
      const confidence = thresholdAttack('confidence', target, cal('confidence'));
      expect(auc(loss.scores, target.isMember)).toBe(auc(confidence.scores, target.isMember));
      // Loss is a strictly decreasing function of the revealed p_y: equal p_y, equal loss.
      const py = confidence.scores;
      for (let i = 0; i < py.length; i++) {
        for (const j of [i + 1, i + 7]) {
          if (j >= py.length) continue;
          expect(Math.sign(loss.scores[i] - loss.scores[j]), `rows ${i}, ${j}`).toBe(Math.sign(py[i] - py[j]));
        }
      }
    });
  }

  it('keeps the precise path on the full vector, where records with p_y = 1 in float32 still differ', () => {
    const probs = Float32Array.from([1, 1e-9, 0, 1, 1e-7, 0]);
    const query = { response: applyOutputApi(probs, 2, 3, { kind: 'full' }), labels: Int32Array.from([0, 0]) };
    const scores = thresholdAttack('loss', query, { scores: [0, 1], isMember: [0, 1] }).scores;
    expect(scores[0]).toBeGreaterThan(scores[1]);
  });
});
