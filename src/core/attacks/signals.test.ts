import { describe, expect, it } from 'vitest';
import {
  crossEntropyLoss, modifiedEntropy, phiFromLogits, phiFromProbs, predictionEntropy, signalScores, trueClassConfidence,
  type ScoreSignal,
} from './signals';

function softmax32(logits: number[]): Float32Array {
  const max = Math.max(...logits);
  const e = logits.map((z) => Math.exp(z - max));
  const s = e.reduce((a, b) => a + b, 0);
  return Float32Array.from(e, (v) => v / s);
}

describe('signals', () => {
  it('stay finite at p = 1 and p = 0', () => {
    const probs = Float32Array.from([1, 0, 0, 0, 1, 0]);
    const labels = Int32Array.from([0, 0]);
    expect(Array.from(trueClassConfidence(probs, labels, 2, 3))).toEqual([1, 0]);
    const loss = crossEntropyLoss(probs, labels, 2, 3);
    expect(loss[0]).toBe(0);
    expect(loss[1]).toBeCloseTo(-Math.log(1e-12), 6);
    for (const v of [...predictionEntropy(probs, 2, 3), ...modifiedEntropy(probs, labels, 2, 3), ...phiFromProbs(probs, labels, 2, 3)]) {
      expect(Number.isFinite(v)).toBe(true);
    }
    const phi = phiFromProbs(probs, labels, 2, 3);
    expect(phi[0]).toBeGreaterThan(100);
    expect(phi[1]).toBeLessThan(-100);
  });

  it('computes φ from logits of ±50 without overflow, matching the closed form', () => {
    const logits = Float32Array.from([50, -50, 0, -50, 50, 0]);
    const phi = phiFromLogits(logits, Int32Array.from([0, 0]), 2, 3);
    expect(phi[0]).toBeCloseTo(50 - Math.log(Math.exp(-50) + 1), 9);
    expect(phi[1]).toBeCloseTo(-50 - (50 + Math.log1p(Math.exp(-50))), 9);
  });

  it('keeps φ precise from float32 probabilities when p_y rounds to 1', () => {
    const probs = softmax32([20, 0, 0]);
    expect(probs[0]).toBe(1); // 1 − p_y would be 0: the naive formula gives +Infinity
    const fromProbs = phiFromProbs(probs, Int32Array.from([0]), 1, 3)[0];
    const fromLogits = phiFromLogits(Float32Array.from([20, 0, 0]), Int32Array.from([0]), 1, 3)[0];
    expect(fromProbs).toBeCloseTo(fromLogits, 4);
  });

  it('matches φ from logits at moderate values', () => {
    const z = [1.5, -0.5, 0.25, 2];
    const probs = softmax32(z);
    const y = Int32Array.from([2]);
    expect(phiFromProbs(probs, y, 1, 4)[0]).toBeCloseTo(phiFromLogits(Float32Array.from(z), y, 1, 4)[0], 5);
  });

  it('computes the modified entropy of a hand-worked example', () => {
    const probs = Float32Array.from([0.7, 0.2, 0.1, 0.7, 0.2, 0.1]);
    const m = modifiedEntropy(probs, Int32Array.from([0, 1]), 2, 3);
    // y = 0: −0.3 ln 0.7 − 0.2 ln 0.8 − 0.1 ln 0.9
    expect(m[0]).toBeCloseTo(0.1621673, 5);
    // y = 1: −0.8 ln 0.2 − 0.7 ln 0.3 − 0.1 ln 0.9
    expect(m[1]).toBeCloseTo(2.1408674, 5);
  });

  it('orients every score so the confident, correct row scores higher', () => {
    const probs = Float32Array.from([0.9, 0.05, 0.05, 0.4, 0.35, 0.25]);
    const labels = Int32Array.from([0, 0]);
    for (const s of ['confidence', 'loss', 'entropy', 'mentropy', 'phi'] as ScoreSignal[]) {
      const v = signalScores(s, probs, labels, 2, 3);
      expect(v[0], s).toBeGreaterThan(v[1]);
    }
  });

  it('rejects labels outside the class range', () => {
    expect(() => crossEntropyLoss(Float32Array.from([0.5, 0.5]), Int32Array.from([2]), 1, 2)).toThrow(/outside/);
  });
});

describe('crossEntropyLoss near certainty', () => {
  it('keeps ranking records whose float32 p_y rounds to 1', () => {
    // Both rows have p_y === 1 in float32, but different mass elsewhere.
    const probs = new Float32Array([1, 1e-9, 1e-12, 1, 1e-7, 1e-12]);
    const loss = crossEntropyLoss(probs, new Int32Array([0, 0]), 2, 3);
    expect(probs[0]).toBe(1);
    expect(loss[0]).toBeGreaterThan(0);
    expect(loss[1]).toBeGreaterThan(loss[0] * 10);
  });
});
