/**
 * @fileoverview Model stacking keeps its promise: the second level trains only on records no
 * first-level model saw, the first-level models see disjoint parts, and together they train on
 * every member. Records carry their index in feature 0, so each training step names them.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../cli/tf-node';
import type { MlpSpec, TrainingSet } from '../../core/models/types';
import { Rng } from '../../core/rng';
import { BASE_OPTIONS, randomLabelSet } from '../../../tests/support/train-fixtures';
import { disjointParts, stackFeatures } from '../../core/defenses/stacking';
import { defaultConfig, mergeConfig, validateConfig } from '../../core/experiment/config';
import { rowsPerModel } from '../../core/experiment/recipe';
import { trainPredictors } from './predictors';

beforeAll(async () => {
  await initNodeBackend('cpu');
});

const SPEC: MlpSpec = { type: 'mlp', inputDim: 6, hidden: [8], activation: 'relu', numClasses: 3 };

/** 60 random rows whose feature 0 is the row's own index (exact in float32). */
function taggedSet(n: number, seed: number): TrainingSet {
  const set = randomLabelSet(n, SPEC.inputDim, SPEC.numClasses, seed);
  for (let i = 0; i < n; i++) set.x[i * set.d] = i;
  return set;
}

/** The record indices each model trained on, by model number, from the trainer's onBatch seam. */
async function recordsSeen(set: TrainingSet, models: number, stacked: boolean) {
  const seen = new Map<number, Set<number>>();
  const before = tf.memory().numTensors;
  const [predictor] = await trainPredictors(SPEC, [set], { ...BASE_OPTIONS, epochs: 2 }, { models, stacked }, new Rng(7), {
    onBatch: (b) => {
      const ids = seen.get(b.model) ?? new Set<number>();
      for (const r of Array.from(b.rows)) ids.add(b.data.x[r * b.data.d]);
      seen.set(b.model, ids);
    },
  });
  const probs = await predictor.probs(set.x, set.n);
  predictor.dispose();
  expect(tf.memory().numTensors).toBe(before);
  return { seen, probs, predictorModels: predictor.models.length };
}

describe('model stacking', () => {
  it('trains the second level only on records that no first-level model saw, and every record at one level', async () => {
    const set = taggedSet(60, 11);
    const { seen, probs, predictorModels } = await recordsSeen(set, 3, true);
    expect(predictorModels).toBe(4);
    // Models 0–2 are the first level; model 3 (after them) is the second level.
    expect([...seen.keys()].sort()).toEqual([0, 1, 2, 3]);
    const first = [0, 1, 2].map((m) => seen.get(m)!);
    const second = seen.get(3)!;
    expect(second.size).toBeGreaterThanOrEqual(14);
    for (const ids of first) for (const id of second) expect(ids.has(id), `record ${id} at both levels`).toBe(false);
    // First-level parts are disjoint too, and all four parts cover every record.
    const all = [...first, second].flatMap((s) => [...s]);
    expect(new Set(all).size).toBe(all.length);
    expect(new Set(all).size).toBe(set.n);
    // The output is the second level's: a probability vector per row.
    for (let i = 0; i < set.n; i++) expect(probs[i * 3] + probs[i * 3 + 1] + probs[i * 3 + 2]).toBeCloseTo(1, 5);
  });

  it('leaves the averaged ensemble as it was: no second level, one part per model', async () => {
    const { seen, predictorModels } = await recordsSeen(taggedSet(60, 12), 3, false);
    expect(predictorModels).toBe(3);
    expect([...seen.values()].reduce((n, s) => n + s.size, 0)).toBe(60);
  });

  it('lays the first-level log-probabilities side by side, and sizes the parts and the DP accounting by them', () => {
    const a = new Float32Array([0.5, 0.5, 1, 0]);
    const b = new Float32Array([0.25, 0.75, 0, 1]);
    const f = stackFeatures([a, b], 2, 2);
    expect(Array.from(f).map((v) => Math.round(Math.exp(v) * 1e4) / 1e4)).toEqual([0.5, 0.5, 0.25, 0.75, 1, 0.0001, 0.0001, 1]);
    expect(disjointParts({ models: 4, stacked: true })).toBe(5);
    expect(disjointParts({ models: 4, stacked: false })).toBe(4);
    const stacked = mergeConfig(defaultConfig(), { train: { ensemble: 4, stacking: true } });
    expect(rowsPerModel(stacked)).toBe(Math.floor(stacked.split.targetMembers / 5));
    expect(() => validateConfig({ split: { targetMembers: 40 }, train: { ensemble: 4, stacking: true } })).toThrow(/5 parts, fewer than 10 rows each/);
  });
});
