/**
 * @fileoverview The classic vulnerable case, scaled down: an MLP that memorizes 500 purchase
 * baskets leaks membership to every attack, LiRA exposes the most members at a tiny false positive
 * rate, and even a label-only API leaks. One training run serves every check (attackExperiment).
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../cli/tf-node';
import { defaultConfig, mergeConfig, withField, type ExperimentConfig } from '../../core/experiment/config';
import { prepareExperiment } from './prepare';
import { attackExperiment } from './run';
import { disposeArtifacts, type Artifacts } from '../../core/experiment/artifacts';
import type { AttackReport, ExperimentResult } from '../../core/experiment/experiment-result';

/**
 * 10 classes rather than Purchase-100's 50, so the target generalizes somewhat (test accuracy
 * ~0.85) and non-members differ in difficulty: the setting where LiRA's per-record calibration
 * pays off. 16 reference models, each on a random half of the 1,000 candidates.
 */
const OVERFIT: ExperimentConfig = mergeConfig(defaultConfig(), {
  data: { name: 'purchases', n: 2000, classes: 10 },
  split: { targetMembers: 500, shadowPool: 600 },
  model: { width: 64 },
  train: { epochs: 20, batchSize: 64, learningRate: 0.001 },
  attack: { shadows: 2, references: 16, names: ['gap', 'loss-threshold', 'shadow-model', 'lira-online', 'lira-offline', 'rmia', 'label-only'] },
});

let baseline: number;
let artifacts: Artifacts;
let full: ExperimentResult;

beforeAll(async () => {
  await initNodeBackend('wasm');
  baseline = tf.memory().numTensors;
  artifacts = await prepareExperiment(OVERFIT);
  full = await attackExperiment(artifacts, OVERFIT);
}, 60_000);

afterAll(() => {
  disposeArtifacts(artifacts);
  expect(tf.memory().numTensors).toBe(baseline);
});

const attack = (r: ExperimentResult, name: string): AttackReport => {
  const found = r.attacks.find((a) => a.name === name);
  if (!found) throw new Error(`${name} did not run: ${JSON.stringify(r.unavailable)}`);
  return found;
};

describe('an overfit target leaks membership', () => {
  it('fits its members almost perfectly, with a clear train–test gap', () => {
    expect(full.target.trainAccuracy).toBeGreaterThan(0.98);
    expect(full.target.trainAccuracy - full.target.testAccuracy).toBeGreaterThan(0.08);
    expect(full.target.testLoss).toBeGreaterThan(3 * full.target.trainLoss);
  });

  it('the loss threshold separates members from non-members (AUC well above 0.5)', () => {
    const loss = attack(full, 'loss-threshold');
    expect(loss.auc).toBeGreaterThan(0.8);
    expect(loss.advantage).toBeGreaterThan(0.5);
  });

  it('the shadow-model attack reaches an accuracy of at least 0.75 at its own threshold', () => {
    const shadow = attack(full, 'shadow-model');
    expect(shadow.accuracy).toBeGreaterThanOrEqual(0.75);
    expect(shadow.auc).toBeGreaterThan(0.8);
  });

  it('LiRA (online) exposes at least as many members at 0.1% FPR as the loss threshold', () => {
    const lira = attack(full, 'lira-online');
    const loss = attack(full, 'loss-threshold');
    expect(lira.tprAtFpr['0.001']).toBeGreaterThanOrEqual(loss.tprAtFpr['0.001']);
    // And it is not a tie at zero: LiRA really finds members where almost no non-member scores as high.
    expect(lira.tprAtFpr['0.001']).toBeGreaterThan(0.05);
    expect(lira.tprAtFpr['0.01']).toBeGreaterThan(loss.tprAtFpr['0.01']);
    expect(lira.auc).toBeGreaterThan(loss.auc);
  });

  it('RMIA (offline) exposes members at low FPR far beyond the loss threshold', () => {
    const rmia = attack(full, 'rmia');
    const loss = attack(full, 'loss-threshold');
    expect(rmia.title).toBe('RMIA (offline)');
    expect(rmia.auc).toBeGreaterThan(0.9);
    expect(rmia.tprAtFpr['0.01']).toBeGreaterThan(loss.tprAtFpr['0.01'] + 0.1);
    // Not "at least as strong as LiRA" here: measured at 1% FPR, RMIA 0.29 against offline LiRA's
    // 0.52 (at 0.1% FPR 0.09 against 0.06): a ratio of probabilities and logit-scale Gaussians rank
    // records differently, and here LiRA's ranking wins at 1% FPR. On patients-baseline with 4
    // references RMIA is ahead on AUC and level or ahead at 1% FPR (issue 12's check).
  });

  it('every metric is a rate in [0, 1] and reported for both classes', () => {
    for (const a of full.attacks) {
      for (const v of [a.auc, a.accuracy, a.balancedAccuracy, a.advantage, ...Object.values(a.tprAtFpr)]) {
        expect(v, a.name).toBeGreaterThanOrEqual(0);
        expect(v, a.name).toBeLessThanOrEqual(1);
      }
      expect(a.members).toBe(500);
      expect(a.nonMembers).toBe(500);
      expect(a.scores).toHaveLength(1000);
    }
  });
});

describe('restricted output APIs', () => {
  it('label-only beats chance while score-based attacks are unavailable', async () => {
    const labels = await attackExperiment(artifacts, withField(OVERFIT, 'api.output', 'label'));
    expect(attack(labels, 'label-only').auc).toBeGreaterThan(0.55);
    expect(labels.attacks.map((a) => a.name)).toEqual(['gap', 'label-only']);
    expect(labels.unavailable.map((u) => u.name)).toEqual(['loss-threshold', 'shadow-model', 'lira-online', 'lira-offline', 'rmia']);
    // Perturbed queries tell more than the bare label does.
    expect(attack(labels, 'label-only').auc).toBeGreaterThan(attack(labels, 'gap').auc);
  });

  it.each([
    ['top-k', '1'],
    ['rounded', '1'],
  ])('LiRA keeps working through a %s API (%s), comparing like with like against its references', async (output, knob) => {
    const api = withField(withField(OVERFIT, 'api.output', output), output === 'top-k' ? 'api.topK' : 'api.decimals', knob);
    const restricted = await attackExperiment(artifacts, api);
    expect(restricted.unavailable).toEqual([]);
    // Before φ went through the same API for the references, these fell below chance (0.35 and 0.11).
    expect(attack(restricted, 'lira-online').auc).toBeGreaterThan(0.85);
    expect(attack(restricted, 'lira-offline').auc).toBeGreaterThan(0.75);
    expect(attack(restricted, 'rmia').auc).toBeGreaterThan(0.85);
  });

  it('rounding to whole numbers leaves the score attacks little more than the label', async () => {
    const coarse = await attackExperiment(artifacts, withField(withField(OVERFIT, 'api.output', 'rounded'), 'api.decimals', '0'));
    for (const name of ['loss-threshold', 'lira-online']) {
      expect(attack(coarse, name).auc, name).toBeLessThan(attack(full, name).auc - 0.15);
    }
  });
});
