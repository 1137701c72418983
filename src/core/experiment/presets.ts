/**
 * @fileoverview Named experiment presets. Each is a partial config laid over the defaults; the
 * playground's preset menu, lessons, the CLI and cached results all refer to them by name. The
 * playground's presets live here; the lessons' own (`lesson-*`) live beside the lessons in
 * src/lessons/presets.ts, which also holds the full list and `presetConfig` (core cannot import it).
 */
import { defaultConfig, mergeConfig, type ExperimentConfig } from './config';

export interface Preset {
  /** The id used in links, lessons and the CLI; never shown on screen. */
  readonly name: string;
  /** What the playground's menu shows. */
  readonly title: string;
  readonly description: string;
  /** Fields that differ from defaultConfig(). */
  readonly patch: Record<string, unknown>;
  /** Set on a lesson's puzzle: the playground shows this instead of the preset's settings. */
  readonly secret?: string;
}

/** The playground's presets, in display order (the lessons' presets follow them in src/lessons/presets.ts). */
export const PLAYGROUND_PRESETS: readonly Preset[] = [
  {
    name: 'overfit-purchases',
    title: 'Overfit purchases, no defense',
    description: 'Purchase-100-style baskets, a wide MLP and no defense: strong leakage (the classic vulnerable case).',
    patch: {
      data: { name: 'purchases' },
      split: { targetMembers: 1000, shadowPool: 2000 },
      model: { layers: 1, width: 128 },
      train: { epochs: 30, batchSize: 64, learningRate: 0.001 },
      attack: { shadows: 8, references: 16 },
    },
  },
  {
    name: 'patients-baseline',
    title: 'Patient records, modest model',
    description: 'Synthetic patient records with a diagnosis; a modest MLP that generalizes fairly well.',
    patch: {
      data: { name: 'patients', noise: 0.6 },
      split: { targetMembers: 500, shadowPool: 1000 },
      model: { layers: 2, width: 64 },
      train: { epochs: 60, batchSize: 32, learningRate: 0.001 },
    },
  },
  {
    name: 'glyphs-cnn',
    title: 'Glyph images with a small CNN',
    description: '16×16 glyph digits and a small CNN; the image case where augmentation applies.',
    patch: {
      data: { name: 'glyphs' },
      split: { targetMembers: 1000, shadowPool: 1000 },
      model: { type: 'cnn', filters: 8, width: 64 },
      train: { epochs: 20, batchSize: 64, learningRate: 0.002, augmentationStrength: 0.3 },
      attack: { shadows: 4, references: 16 },
    },
  },
  {
    name: 'moons-2d',
    title: 'Two moons in 2-D',
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
    title: 'Purchases with DP-SGD (ε = 2)',
    description: 'Purchases with 10 classes trained with DP-SGD at ε = 2: the attacks fall towards a coin flip while the model still learns.',
    patch: {
      data: { name: 'purchases', classes: 10 },
      split: { targetMembers: 1000, shadowPool: 2000 },
      model: { layers: 1, width: 128 },
      train: { epochs: 20, batchSize: 250, learningRate: 0.01 },
      dp: { enabled: true, targetEpsilon: 2, clipNorm: 1 },
    },
  },
  {
    name: 'breast-cancer',
    title: 'Breast cancer cases (real data)',
    description: 'Real data: 569 breast cancer cases (UCI WDBC). A model that generalizes well leaks little on average, yet its most exposed cases still stand out.',
    patch: {
      data: { name: 'wdbc' },
      split: { targetMembers: 140, shadowPool: 280 },
      model: { layers: 2, width: 64 },
      train: { epochs: 60, batchSize: 32, learningRate: 0.001 },
      attack: { shadows: 4, references: 8 },
    },
  },
  {
    // For embeds: the default's model with fewer attacker models, so a result shows in about a
    // second in Node (members' median confidence 0.98 vs non-members' 0.67 at seed 1).
    name: 'patients-gap',
    title: 'Patient records: the confidence gap',
    description: '300 patient records and a 128-unit MLP trained to 100% train accuracy: members get far higher confidence than non-members. Quick (2 shadow and 4 reference models), for embeds.',
    patch: {
      data: { name: 'patients', noise: 0.8 },
      split: { targetMembers: 300, shadowPool: 600 },
      model: { layers: 1, width: 128 },
      train: { epochs: 40, batchSize: 32, learningRate: 0.01 },
      attack: { shadows: 2, references: 4 },
    },
  },
];

/**
 * Whether the playground's preset menu lists a preset. Lesson presets (`lesson-*`, lesson 11's
 * mystery model among them) belong to their lessons: a lesson's link still loads one. Pure.
 */
export function isListedPreset(name: string): boolean {
  return !name.startsWith('lesson-');
}

/** The presets the playground's menu and presenter shortcuts step through, in display order. */
export const LISTED_PRESETS: readonly Preset[] = PLAYGROUND_PRESETS.filter((p) => isListedPreset(p.name));

/**
 * The validated config of preset `name` among `presets`. Throws an Error listing them when
 * unknown. Pure; src/lessons/presets.ts's `presetConfig` calls it with every preset.
 */
export function configOfPreset(presets: readonly Preset[], name: string): ExperimentConfig {
  const preset = presets.find((p) => p.name === name);
  if (!preset) throw new Error(`Unknown preset "${name}" (presets: ${presets.map((p) => p.name).join(', ')}).`);
  return mergeConfig(defaultConfig(), preset.patch);
}
