/**
 * @fileoverview On a real trained target behind top-1 and rounded APIs, the loss-threshold attack
 * sees only the revealed p_y, so its scores rank the records exactly as the confidence attack's
 * and the two AUCs are equal. (Before the fix, the loss summed hidden or rounded entries: under
 * top-1 every revealed p_y > 0.5 read as loss 0.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../cli/tf-node';
import { presetConfig } from '../../lessons/presets';
import { mergeConfig, type ExperimentConfig } from '../../core/experiment/config';
import { prepareExperiment } from './prepare';
import { attackExperiment } from './run';
import { disposeArtifacts, type Artifacts } from '../../core/experiment/artifacts';

/** Lesson 3's overfit purchase model, shrunk: confident on members, so p_y > 0.5 is common. */
const CONFIG: ExperimentConfig = mergeConfig(presetConfig('lesson-api'), {
  split: { targetMembers: 150, shadowPool: 300 },
  train: { epochs: 12 },
  attack: { names: ['loss-threshold', 'confidence-threshold'], shadows: 1 },
});

let artifacts: Artifacts;
beforeAll(async () => {
  await initNodeBackend('wasm');
  artifacts = await prepareExperiment(CONFIG);
});
afterAll(() => disposeArtifacts(artifacts));

describe('loss and confidence thresholds under restricted APIs', () => {
  const apis: Record<string, Partial<ExperimentConfig['api']>> = {
    'top-1': { output: 'top-k', topK: 1 },
    'top-3': { output: 'top-k', topK: 3 },
    'rounded to 2 decimals': { output: 'rounded', decimals: 2 },
    'rounded to 1 decimal': { output: 'rounded', decimals: 1 },
  };
  for (const [name, api] of Object.entries(apis)) {
    it(`give the same AUC behind a ${name} API`, async () => {
      const result = await attackExperiment(artifacts, mergeConfig(CONFIG, { api }));
      const [loss, confidence] = result.attacks;
      expect([loss.name, confidence.name]).toEqual(['loss-threshold', 'confidence-threshold']);
      expect(loss.auc).toBeGreaterThan(0.6);
      expect(loss.auc).toBe(confidence.auc);
    });
  }

  it('still separate members on the full vector', async () => {
    const result = await attackExperiment(artifacts, CONFIG);
    expect(result.attacks[0].auc).toBeGreaterThan(0.6);
  });
});
