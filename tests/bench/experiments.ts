/**
 * @fileoverview End-to-end figures: the wall time of each preset's experiment on wasm, and the
 * tensors left behind by many experiments in a row (the worker runs for hours; a leak adds up).
 */
import * as tf from '@tensorflow/tfjs-core';
import { initNodeBackend } from '../../src/cli/tf-node';
import { mergeConfig, runExperiment, withField, type ExperimentConfig } from '../../src/engine/experiment/index';
import { PRESETS, presetConfig } from '../../src/lessons/presets';
import { needsReferences, needsShadows } from '../../src/core/experiment/needs';
import { atMost, now, report, type Figure, type Measure } from './figure';

/** The reduced variant of a preset: at most 2 shadow and 4 reference models. */
function reduced(config: ExperimentConfig): ExperimentConfig {
  return mergeConfig(config, { attack: { shadows: Math.min(2, config.attack.shadows), references: Math.min(4, config.attack.references) } });
}

const presets: Measure = {
  name: 'preset experiments (wasm)',
  async run(ctx) {
    await initNodeBackend('wasm');
    if (!ctx.full) ctx.note('preset.*: reduced to ≤ 2 shadow and ≤ 4 reference models (full presets with --full, about 3.5× longer).');
    const figures: Figure[] = [];
    for (const p of PRESETS) {
      const config = ctx.full ? presetConfig(p.name) : reduced(presetConfig(p.name));
      const t0 = now();
      const r = await runExperiment(config);
      const seconds = (now() - t0) / 1000;
      // Only the attacker models these attacks need are trained.
      const models = 1 + (needsShadows(config) ? config.attack.shadows : 0) + (needsReferences(config) ? config.attack.references : 0);
      ctx.log(`  ${p.name}: ${seconds.toFixed(1)} s (${models} models)`);
      figures.push(report(`preset.${p.name}.wall`, seconds, `s (${models} models, ${config.attack.names.length} attacks)`));
      const best = Math.max(...r.attacks.map((a) => a.auc));
      figures.push(report(`preset.${p.name}.bestAuc`, best, 'AUC'));
    }
    return figures;
  },
};

/** A tiny experiment; `i` varies the seed, the output API and DP so every path is exercised. */
function smallConfig(i: number): ExperimentConfig {
  const apis = ['full', 'top-k', 'rounded', 'label'];
  let c = mergeConfig(presetConfig('overfit-purchases'), {
    seed: i + 1,
    data: { n: 600 },
    split: { targetMembers: 100, shadowPool: 200 },
    model: { width: 32 },
    train: { epochs: 5 },
    attack: { shadows: 2, references: 2, names: ['gap', 'loss-threshold', 'shadow-model', 'lira-online', 'label-only', 'gradient-norm'] },
  });
  c = withField(c, 'api.output', apis[i % apis.length]);
  if (i % 5 === 4) c = withField(withField(c, 'dp.enabled', 'true'), 'dp.noiseMultiplier', '1');
  return c;
}

const leaks: Measure = {
  name: 'tensors left after 20 experiments',
  async run() {
    await initNodeBackend('wasm');
    const before = tf.memory().numTensors;
    const t0 = now();
    for (let i = 0; i < 20; i++) await runExperiment(smallConfig(i));
    const each = (now() - t0) / 20;
    return [atMost('leak.tensorsAfter20Experiments', tf.memory().numTensors - before, 'tensors', 0), report('leak.msPerSmallExperiment', each, 'ms')];
  },
};

export const EXPERIMENT_MEASURES: readonly Measure[] = [presets, leaks];
