/**
 * @fileoverview Named experiment presets. Each is a partial config laid over the defaults; the
 * playground's preset menu, lessons, the CLI and cached results all refer to them by name.
 */
import { defaultConfig, mergeConfig, type ExperimentConfig } from './config';

export interface Preset {
  readonly name: string;
  readonly description: string;
  /** Fields that differ from defaultConfig(). */
  readonly patch: Record<string, unknown>;
}

/** Every preset, in display order. */
export const PRESETS: readonly Preset[] = [
  {
    name: 'overfit-purchases',
    description: 'Purchase-100-style baskets, a wide MLP and no defense: strong leakage (the classic vulnerable case).',
    patch: { data: { name: 'purchases' }, model: { layers: 1, width: 128 }, train: { epochs: 30 }, attack: { shadows: 8, references: 16 } },
  },
  {
    name: 'patients-baseline',
    description: 'Synthetic patient records with a diagnosis; a modest MLP that generalizes fairly well.',
    patch: {
      data: { name: 'patients' },
      split: { targetMembers: 500, shadowPool: 1000 },
      model: { layers: 2, width: 64 },
      train: { epochs: 60, batchSize: 32 },
    },
  },
  {
    name: 'glyphs-cnn',
    description: '16×16 glyph digits and a small CNN; the image case where augmentation applies.',
    patch: {
      data: { name: 'glyphs' },
      split: { targetMembers: 1000, shadowPool: 1000 },
      model: { type: 'cnn', filters: 8, width: 64 },
      train: { epochs: 20, learningRate: 0.002 },
      attack: { shadows: 4, references: 16 },
    },
  },
  {
    name: 'moons-2d',
    description: 'Two moons in 2-D with a few outliers: see the decision boundary bend around its members.',
    patch: {
      data: { name: 'moons', n: 600, noise: 0.25, outliers: 8 },
      split: { targetMembers: 150, shadowPool: 300 },
      model: { layers: 2, width: 64 },
      train: { epochs: 150, batchSize: 16, learningRate: 0.01 },
      attack: { shadows: 8, references: 16 },
    },
  },
  {
    name: 'dp-purchases',
    description: 'overfit-purchases trained with DP-SGD at ε = 1: the attack falls to a coin flip.',
    patch: {
      data: { name: 'purchases' },
      model: { layers: 1, width: 128 },
      train: { epochs: 30, learningRate: 0.002 },
      dp: { enabled: true, targetEpsilon: 1, clipNorm: 1 },
    },
  },
];

/** The validated config of preset `name`. Throws an Error listing the presets when unknown. */
export function presetConfig(name: string): ExperimentConfig {
  const preset = PRESETS.find((p) => p.name === name);
  if (!preset) throw new Error(`Unknown preset "${name}" (presets: ${PRESETS.map((p) => p.name).join(', ')}).`);
  return mergeConfig(defaultConfig(), preset.patch);
}
