import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { auc } from '../metrics/roc';
import { applyOutputApi, type ShadowResponse } from './output-api';
import { classMargins, classThresholdResult, classThresholds } from './class-thresholds';
import { shadowCalibration, thresholdAttack, thresholdSignalScores } from './threshold-attacks';

/**
 * Two classes at different levels: class 0 members score around 0, its non-members around −1;
 * class 1 members around −3, its non-members around −4. No single threshold separates them all.
 */
function twoLevels(rng: Rng, n: number) {
  const labels = new Int32Array(n), isMember = new Uint8Array(n), scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = i % 2;
    isMember[i] = (i >> 1) % 2;
    scores[i] = (labels[i] === 0 ? 0 : -3) - (isMember[i] ? 0 : 1) + rng.normal(0, 0.2);
  }
  return { labels, isMember, scores };
}

describe('per-class thresholds (Song & Mittal 2021)', () => {
  const rng = new Rng(11);
  const calib = twoLevels(rng, 400);
  const target = twoLevels(rng, 400);

  it('places one threshold per class between that class\'s IN and OUT scores', () => {
    const t = classThresholds(calib, 2);
    expect(t.thresholds[0]).toBeGreaterThan(-0.9);
    expect(t.thresholds[0]).toBeLessThan(-0.1);
    expect(t.thresholds[1]).toBeGreaterThan(-3.9);
    expect(t.thresholds[1]).toBeLessThan(-3.1);
    expect(t.fellBack).toEqual([false, false]);
    expect(Array.from(classMargins([0.5, 0.5], [0, 1], t))).toEqual([0.5 - t.thresholds[0], 0.5 - t.thresholds[1]]);
  });

  it('separates what one global threshold cannot, with the verdict at margin 0', () => {
    const perClass = classThresholdResult('mentropy-threshold', target.scores, target.labels, calib, 2);
    expect(perClass.threshold).toBe(0);
    expect(perClass.calibrationAccuracy).toBeGreaterThan(0.98);
    let right = 0;
    perClass.scores.forEach((v, i) => { if ((v >= 0 ? 1 : 0) === target.isMember[i]) right++; });
    expect(right / 400).toBeGreaterThan(0.97);
    expect(auc(perClass.scores, target.isMember)).toBeGreaterThan(auc(target.scores, target.isMember) + 0.2);
  });

  it('a class without both IN and OUT calibration records uses the global threshold', () => {
    const onlyIn = { scores: [...calib.scores, 5, 6], isMember: [...calib.isMember, 1, 1], labels: [...calib.labels, 2, 2] };
    const t = classThresholds(onlyIn, 3);
    expect(t.fellBack).toEqual([false, false, true]);
    expect(t.thresholds[2]).toBe(t.global);
  });

  it('when every class falls back, it is exactly the one-threshold attack', () => {
    const one = { scores: [1, 2, 3, 4], isMember: [0, 0, 1, 1], labels: [0, 0, 1, 1] };
    const r = classThresholdResult('mentropy-threshold', [2.4, 3.6], [0, 1], one, 2);
    expect(r.threshold).toBe(2.5);
    expect(Array.from(r.scores)).toEqual([2.4, 3.6]);
    expect(r.calibrationAccuracy).toBe(1);
  });
});

describe('modified entropy with per-class thresholds on model outputs', () => {
  /** Class 0 is easy (true-class logit +3), class 1 hard (+0.5); members get +1.5 in both. */
  function model(rng: Rng, n: number): ShadowResponse {
    const C = 3;
    const labels = new Int32Array(n), isMember = new Uint8Array(n), probs = new Float32Array(n * C);
    for (let i = 0; i < n; i++) {
      labels[i] = i % 2;
      isMember[i] = (i >> 1) % 2;
      const z = Array.from({ length: C }, () => rng.normal(0, 0.3));
      z[labels[i]] += (labels[i] === 0 ? 3 : 0.5) + 1.5 * isMember[i];
      const e = z.map(Math.exp), s = e.reduce((a, b) => a + b, 0);
      for (let c = 0; c < C; c++) probs[i * C + c] = e[c] / s;
    }
    return { response: applyOutputApi(probs, n, C, { kind: 'full' }), labels, isMember };
  }

  it('beats the global threshold in accuracy when classes differ in difficulty', () => {
    const rng = new Rng(3);
    const shadows = [model(rng, 600), model(rng, 600)];
    const target = model(rng, 600);
    const calibration = shadowCalibration('mentropy', shadows);
    const labels = Int32Array.from([...shadows[0].labels, ...shadows[1].labels]);
    const perClass = classThresholdResult('mentropy-threshold', thresholdSignalScores('mentropy', target), target.labels, { ...calibration, labels }, 3);
    const global = thresholdAttack('mentropy', target, calibration);
    const acc = (scores: Float64Array, t: number) => scores.reduce((k, v, i) => k + ((v >= t ? 1 : 0) === target.isMember[i] ? 1 : 0), 0) / 600;
    expect(acc(perClass.scores, perClass.threshold)).toBeGreaterThan(acc(global.scores, global.threshold) + 0.05);
  });
});
