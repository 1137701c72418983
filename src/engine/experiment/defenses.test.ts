/**
 * @fileoverview Defenses measured end to end on the same seed: dropout and L2 shrink the
 * train–test gap, early stopping stops early, and DP-SGD at ε = 1 leaves every attack at a coin
 * flip and inside the (ε, δ) bound TPR ≤ e^ε·FPR + δ, which the undefended model breaks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../cli/tf-node';
import { countsAtThreshold, maxTprAtFpr } from '../../core/privacy/index';
import { defaultConfig, mergeConfig, type ExperimentConfig } from '../../core/experiment/config';
import { runExperiment } from './run';
import type { AttackReport, ExperimentResult } from '../../core/experiment/experiment-result';

beforeAll(async () => {
  await initNodeBackend('wasm');
});

/**
 * Noisy diagnoses (patients) and a 2×128 MLP trained hard (lr 0.01, 60 epochs): it memorizes its
 * 300 members (train accuracy 1, test ~0.7), which is the gap regularization closes.
 */
const NOISY: ExperimentConfig = mergeConfig(defaultConfig(), {
  data: { name: 'patients', n: 1200, noise: 0.6 },
  split: { targetMembers: 300, shadowPool: 600 },
  model: { width: 128, layers: 2 },
  train: { epochs: 60, learningRate: 0.01, batchSize: 32 },
  attack: { names: ['gap'] },
});

describe('regularization as a defense', () => {
  let plain: ExperimentResult;
  const gap = (r: ExperimentResult) => r.target.trainAccuracy - r.target.testAccuracy;
  const lossGap = (r: ExperimentResult) => r.target.testLoss - r.target.trainLoss;

  beforeAll(async () => {
    plain = await runExperiment(NOISY);
  });

  it('the undefended model overfits', () => {
    expect(plain.target.trainAccuracy).toBeGreaterThan(0.97);
    expect(gap(plain)).toBeGreaterThan(0.2);
    expect(plain.target.stoppedEpoch).toBe(60);
  });

  it.each<[string, Record<string, unknown>]>([
    ['dropout 0.5', { model: { dropout: 0.5 } }],
    ['L2 0.01', { train: { l2: 0.01 } }],
  ])('%s shrinks the train–test gap on the same seed', async (_name, patch) => {
    const defended = await runExperiment(mergeConfig(NOISY, patch));
    expect(gap(defended)).toBeLessThan(gap(plain) - 0.05);
    expect(lossGap(defended)).toBeLessThan(lossGap(plain) / 2);
    expect(defended.target.testAccuracy).toBeGreaterThan(plain.target.testAccuracy - 0.03);
  });

  it('early stopping stops before the last epoch and restores an earlier best', async () => {
    const stopped = await runExperiment(mergeConfig(NOISY, { train: { earlyStopping: true, patience: 3 } }));
    expect(stopped.target.stoppedEpoch).toBeLessThan(60);
    expect(stopped.target.bestEpoch).toBeLessThanOrEqual(stopped.target.stoppedEpoch - 3);
    expect(stopped.history).toHaveLength(stopped.target.stoppedEpoch);
    expect(gap(stopped)).toBeLessThan(gap(plain) - 0.1);
  });
});

/**
 * Purchases with 600 members, so a chance-level AUC has a standard error of ~0.017 and 0.55 is 3
 * of them. Large batches (q ≈ 0.4) keep the steps few (72), and 30 epochs are enough for the
 * undefended twin to memorize (train accuracy ~0.9, test ~0.1).
 */
const DP_CASE: ExperimentConfig = mergeConfig(defaultConfig(), {
  data: { name: 'purchases', n: 2000 },
  split: { targetMembers: 600, shadowPool: 600 },
  model: { width: 64 },
  train: { epochs: 30, batchSize: 250, learningRate: 0.01 },
  dp: { enabled: true, targetEpsilon: 1 },
  attack: {
    shadows: 3, references: 8,
    names: ['gap', 'loss-threshold', 'confidence-threshold', 'entropy-threshold', 'mentropy-threshold', 'shadow-model', 'lira-online', 'lira-offline', 'rmia', 'label-only'],
  },
});

/**
 * How far an attack's observed (FPR, TPR) at its threshold lies above the (ε, δ) ceiling, less a
 * sampling allowance of 3 binomial standard errors (on TPR, and on FPR scaled by the bound's slope
 * e^ε). Each variance is floored at one record's worth, so a rate of 0 still gets an allowance.
 * Positive: the bound is broken beyond sampling error.
 */
function excessOverBound(a: AttackReport, isMember: Uint8Array, epsilon: number, delta: number): number {
  const c = countsAtThreshold(a.scores, isMember, a.threshold);
  const m = c.truePositives + c.falseNegatives;
  const nm = c.falsePositives + c.trueNegatives;
  const tpr = c.truePositives / m;
  const fpr = c.falsePositives / nm;
  const bound = maxTprAtFpr(epsilon, delta, fpr);
  const varTpr = Math.max(bound * (1 - bound), 1 / m) / m;
  const varFpr = Math.max(fpr * (1 - fpr), 1 / nm) / nm;
  return tpr - bound - 3 * Math.sqrt(varTpr + Math.exp(2 * epsilon) * varFpr);
}

describe('DP-SGD at ε = 1', () => {
  let dp: ExperimentResult;
  let plain: ExperimentResult;

  beforeAll(async () => {
    dp = await runExperiment(DP_CASE);
    plain = await runExperiment(mergeConfig(DP_CASE, { dp: { enabled: false } }));
  }, 60_000);

  it('spends the ε it was asked for', () => {
    expect(dp.privacy!.epsilon).toBeLessThanOrEqual(1 + 1e-9);
    expect(dp.privacy!.epsilon).toBeGreaterThan(0.99);
    expect(dp.privacy!.delta).toBe(1e-5);
    expect(plain.privacy).toBeNull();
  });

  it('leaves every attack at a coin flip (AUC ≤ 0.55)', () => {
    expect(dp.attacks).toHaveLength(10);
    for (const a of dp.attacks) expect(a.auc, a.name).toBeLessThanOrEqual(0.55);
  });

  it("keeps every attack's (FPR, TPR) inside the DP bound, up to sampling error", () => {
    const { epsilon, delta } = dp.privacy!;
    for (const a of dp.attacks) expect(excessOverBound(a, dp.isMember, epsilon, delta), a.name).toBeLessThanOrEqual(0);
  });

  it('without DP the same attacks break that bound by a wide margin', () => {
    const { epsilon, delta } = dp.privacy!;
    const excess = plain.attacks.map((a) => excessOverBound(a, plain.isMember, epsilon, delta));
    expect(Math.max(...excess)).toBeGreaterThan(0.2);
    expect(Math.max(...plain.attacks.map((a) => a.auc))).toBeGreaterThan(0.8);
  });
});
