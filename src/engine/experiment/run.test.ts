/**
 * @fileoverview The engine's contract on a small config: seeded runs repeat exactly, every tensor
 * is freed (also after a cancelled run), and changing only the attacks or the output API reuses the
 * trained models.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../cli/tf-node';
import { mergeConfig, defaultConfig, withField, type ExperimentConfig } from '../../core/experiment/config';
import { attackExperiment, runExperiment } from './run';
import { prepareExperiment } from './prepare';
import { disposeArtifacts, trainingKey } from '../../core/experiment/artifacts';
import type { ExperimentResult } from '../../core/experiment/experiment-result';
import type { Phase, ProgressEvent } from '../../core/experiment/progress';
import { attackTitle } from '../../core/attacks/registry';

beforeAll(async () => {
  await initNodeBackend('wasm');
});

/** Purchases, 250 members: about 2 s a run on wasm. */
const SMALL: ExperimentConfig = mergeConfig(defaultConfig(), {
  data: { name: 'purchases', n: 1200 },
  split: { targetMembers: 250, shadowPool: 500 },
  model: { width: 64 },
  train: { epochs: 20, batchSize: 64, learningRate: 0.001 },
  attack: { shadows: 3, references: 6, names: ['gap', 'loss-threshold', 'shadow-model', 'lira-online', 'label-only'] },
});

/** Everything except the wall-clock timings, which differ from run to run. */
const numbers = ({ timingsMs: _t, ...rest }: ExperimentResult) => rest;

describe('reproducibility', () => {
  let first: ExperimentResult;

  it('the same config and seed give identical numbers', async () => {
    const before = tf.memory().numTensors;
    first = await runExperiment(SMALL);
    const again = await runExperiment(SMALL);
    expect(numbers(again)).toEqual(numbers(first));
    expect(again.attacks.map((a) => a.auc)).toEqual(first.attacks.map((a) => a.auc));
    expect(Array.from(again.attacks[1].scores)).toEqual(Array.from(first.attacks[1].scores));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a different seed gives different numbers', async () => {
    const other = await runExperiment(withField(SMALL, 'seed', '2'));
    expect(other.target.testLoss).not.toBe(first.target.testLoss);
    expect(Array.from(other.attacks[1].scores)).not.toEqual(Array.from(first.attacks[1].scores));
  });

  it('reports every requested attack, in order, with timings for each stage', () => {
    expect(first.attacks.map((a) => a.name)).toEqual(SMALL.attack.names);
    expect(first.unavailable).toEqual([]);
    for (const stage of ['data', 'target', 'shadows', 'references', 'attacks', 'total']) {
      expect(first.timingsMs[stage], stage).toBeGreaterThanOrEqual(0);
    }
    expect(first.history).toHaveLength(SMALL.train.epochs);
    expect(first.isMember.filter((m) => m === 1)).toHaveLength(250);
    expect(first.isMember).toHaveLength(500);
  });
});

describe('cancellation', () => {
  /** Runs SMALL and aborts it on the first progress event `when` accepts. */
  async function abortWhen(when: (e: ProgressEvent) => boolean): Promise<{ err: unknown; phases: Set<Phase> }> {
    const controller = new AbortController();
    const phases = new Set<Phase>();
    const err = await runExperiment(SMALL, {
      signal: controller.signal,
      onProgress: (e) => {
        phases.add(e.phase);
        if (when(e)) controller.abort();
      },
    }).catch((e: unknown) => e);
    return { err, phases };
  }

  it.each<[string, (e: ProgressEvent) => boolean, Phase]>([
    ['the target', (e) => (e.targetEpoch?.epoch ?? 0) >= 5, 'target'],
    ['the shadow models', (e) => e.phase === 'shadows' && e.fraction > 0.3, 'shadows'],
    ['the reference models', (e) => e.phase === 'references' && e.fraction > 0.7, 'references'],
  ])('aborting while training %s rejects with AbortError and frees every tensor', async (_what, when, phase) => {
    const before = tf.memory().numTensors;
    const { err, phases } = await abortWhen(when);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('AbortError');
    expect(phases.has(phase)).toBe(true);
    expect(phases.has('done')).toBe(false);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('an already aborted signal rejects before any training', async () => {
    const controller = new AbortController();
    controller.abort();
    const before = tf.memory().numTensors;
    await expect(runExperiment(SMALL, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('attackExperiment reuses the trained models', () => {
  it('runs other attacks through another API without retraining', async () => {
    const before = tf.memory().numTensors;
    const t0 = performance.now();
    const artifacts = await prepareExperiment(SMALL);
    const trainMs = performance.now() - t0;
    try {
      const { target, shadows, references } = artifacts;
      const full = await attackExperiment(artifacts, SMALL);

      const labelOnly = withField(withField(SMALL, 'api.output', 'label'), 'attack.names', 'gap,loss-threshold,shadow-model,label-only');
      expect(trainingKey(labelOnly)).toBe(artifacts.key);
      const phases: Phase[] = [];
      const t1 = performance.now();
      const viaLabels = await attackExperiment(artifacts, labelOnly, { onProgress: (e) => phases.push(e.phase) });
      const attackMs = performance.now() - t1;

      // Nothing was retrained: the same model objects, no training phases, and far faster.
      expect(artifacts.target).toBe(target);
      expect(artifacts.shadows).toBe(shadows);
      expect(artifacts.references).toBe(references);
      expect(phases).not.toContain('target');
      expect(phases).not.toContain('shadows');
      expect(attackMs).toBeLessThan(trainMs / 2);

      // Score-based attacks cannot run on labels; the reason says why, once.
      expect(viaLabels.unavailable.map((u) => u.name)).toEqual(['loss-threshold', 'shadow-model']);
      for (const u of viaLabels.unavailable) {
        expect(u.reason).toBe(`${attackTitle(u.name)} needs probability scores, but the target API returns labels only.`);
      }
      expect(viaLabels.attacks.map((a) => a.name)).toEqual(['gap', 'label-only']);
      expect(viaLabels.config.api.output).toBe('label');
      // The gap attack only sees labels anyway, so it gives the same numbers through either API.
      expect(viaLabels.attacks[0].auc).toBe(full.attacks[0].auc);
      expect(viaLabels.target).toEqual(full.target);

      // Rounding keeps scores, so every attack runs, and the same call twice repeats exactly.
      const rounded = withField(withField(SMALL, 'api.output', 'rounded'), 'api.decimals', '1');
      const r1 = await attackExperiment(artifacts, rounded);
      const r2 = await attackExperiment(artifacts, rounded);
      expect(r1.unavailable).toEqual([]);
      expect(r1.attacks.map((a) => a.auc)).toEqual(r2.attacks.map((a) => a.auc));
      expect(r1.attacks[1].auc).not.toBe(full.attacks[1].auc);
    } finally {
      disposeArtifacts(artifacts);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
