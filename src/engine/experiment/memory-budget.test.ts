/**
 * @fileoverview The memory bound: every preset fits with room to spare, combinations of capped
 * fields that would exhaust a tab are refused with a message naming what to lower, a loaded CSV
 * is checked when the run starts, and the estimate is not below what the trained models really hold.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../cli/tf-node';
import { ConfigError, defaultConfig, mergeConfig, validateConfig, withField } from '../../core/experiment/config';
import { PRESETS, presetConfig } from '../../lessons/presets';
import { estimateMemory, generatedShape, MEMORY_LIMIT_BYTES } from '../../core/experiment/memory-budget';
import { disposeArtifacts } from '../../core/experiment/artifacts';
import { prepareExperiment } from './prepare';
import { parseCsv } from '../../core/data/csv';

function problemsOf(input: unknown): readonly string[] {
  try {
    validateConfig(input);
    return [];
  } catch (err) {
    return (err as ConfigError).problems;
  }
}

describe('memory budget', () => {
  it('every preset and the default fit in a quarter of the limit', () => {
    for (const config of [defaultConfig(), ...PRESETS.map((p) => presetConfig(p.name))]) {
      const estimate = estimateMemory(config, generatedShape(config)!);
      expect(estimate.totalBytes, config.data.name).toBeLessThan(MEMORY_LIMIT_BYTES / 4);
    }
  });

  it('each size at its own cap is allowed when the rest is modest', () => {
    expect(() => withField(defaultConfig(), 'model.width', '1024')).not.toThrow();
    expect(() => withField(defaultConfig(), 'attack.shadows', '64')).not.toThrow();
    expect(() => withField(defaultConfig(), 'attack.references', '128')).not.toThrow();
    expect(() => withField(defaultConfig(), 'train.batchSize', '4096')).not.toThrow();
  });

  it('refuses wide models times many attacker models, naming the limit and what to lower', () => {
    const problems = problemsOf({
      data: { name: 'purchases', features: 1000, classes: 100 },
      model: { layers: 3, width: 1024 },
      train: { ensemble: 8 },
      attack: { shadows: 64, references: 128 },
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^These settings need about \d+\.\d GB of memory \((model weights|training state): \d+\.\d GB\); the limit is 1\.0 GB\. Lower model\.width/);
  });

  it('refuses label-only queries that multiply shadows, pool rows and features', () => {
    const problems = problemsOf({
      data: { name: 'purchases', features: 1000 },
      split: { targetMembers: 500, shadowPool: 3000 },
      attack: { names: ['label-only'], shadows: 64, queries: 64 },
    });
    expect(problems[0]).toMatch(/\(label-only queries: .*\).*Lower attack\.queries, attack\.shadows or split\.shadowPool\./);
  });

  it('a step that would cross the limit leaves the config as it was (the UI shows the message)', () => {
    let config = mergeConfig(defaultConfig(), { model: { layers: 3, width: 1024 }, attack: { shadows: 16 } });
    config = withField(config, 'attack.references', '16');
    expect(() => withField(config, 'attack.references', '128')).toThrow(/the limit is 1\.0 GB/);
  });

  it('a big CSV with a heavy config is refused when the run starts', async () => {
    const header = [...Array.from({ length: 900 }, (_, j) => `f${j}`), 'label'].join(',');
    const rows = Array.from({ length: 400 }, (_, i) => [...Array.from({ length: 900 }, (_, j) => (i * j) % 5), i % 2].join(','));
    const csv = parseCsv([header, ...rows].join('\n'), { labelColumn: 'label' }).dataset;
    const config = mergeConfig(defaultConfig(), {
      data: { name: 'csv', n: null, noise: null, classes: null, features: null },
      split: { targetMembers: 100, shadowPool: 200 },
      model: { layers: 3, width: 1024 },
      train: { ensemble: 8 },
      attack: { shadows: 64, references: 128 },
    });
    await expect(prepareExperiment(config, { csv })).rejects.toThrow(/^These settings need about .* the limit is 1\.0 GB/);
  });
});

describe('the estimate against real tensors', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('is not below the bytes the trained models hold', async () => {
    const config = mergeConfig(defaultConfig(), {
      data: { name: 'purchases', n: 600 },
      split: { targetMembers: 100, shadowPool: 200 },
      model: { layers: 2, width: 96 },
      train: { epochs: 2, ensemble: 2 },
      attack: { shadows: 3, references: 4, names: ['loss-threshold', 'lira-online'] },
    });
    const before = tf.memory().numBytes;
    const artifacts = await prepareExperiment(config);
    const held = tf.memory().numBytes - before;
    disposeArtifacts(artifacts);
    const weights = estimateMemory(config, generatedShape(config)!).parts.find((p) => p.name === 'model weights')!.bytes;
    expect(held).toBeGreaterThan(0);
    expect(weights).toBeGreaterThanOrEqual(held);
    // Not wildly above either: the weights are all the trained models keep.
    expect(weights).toBeLessThan(2 * held);
  });
});
