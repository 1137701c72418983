/**
 * @fileoverview Named experiment presets. Each is a partial config laid over the defaults; the
 * playground's preset menu, lessons, the CLI and cached results all refer to them by name.
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

/**
 * Defaults that changed after the lessons' results were cached (issue 14 chose a new playground
 * default by measurement). Lesson presets keep the old values, so their effective configs, and the
 * cached numbers their lessons quote, do not move (lesson-presets-pinned.test.ts).
 */
const LESSON_PINS = { train: { augmentationStrength: 0.3 }, dp: { targetEpsilon: null } } as const;

/** A lesson preset's patch laid over LESSON_PINS (the patch wins). */
function lessonPatch(patch: Record<string, Record<string, unknown> | number>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...patch };
  for (const [group, pins] of Object.entries(LESSON_PINS)) out[group] = { ...pins, ...(patch[group] as Record<string, unknown> | undefined) };
  return out;
}

/** Every preset, in display order. */
export const PRESETS: readonly Preset[] = [
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
  // Lesson presets: small enough to train in a few seconds on wasm in the browser. Lessons name
  // them in their widget blocks, and `npm run cli -- cache` precomputes their results.
  {
    name: 'lesson-remembers',
    title: 'Lesson 1: a model that remembers',
    description: 'Lesson 1: 200 patient records, a 2×64 MLP trained to 100% train accuracy; members get higher confidence.',
    patch: lessonPatch({
      data: { name: 'patients', n: 1000, noise: 0.8 },
      split: { targetMembers: 200, shadowPool: 400 },
      model: { layers: 2, width: 64 },
      train: { epochs: 40, batchSize: 32, learningRate: 0.01 },
      attack: { names: ['gap', 'loss-threshold'], shadows: 2 },
    }),
  },
  {
    name: 'lesson-overfit',
    title: 'Lesson 2: overfitting',
    description: 'Lesson 2: 10-class purchase baskets and a 128-unit MLP; epochs and width drive the train–test gap.',
    patch: lessonPatch({
      data: { name: 'purchases', n: 1000, classes: 10, features: 100, noise: 0.4 },
      split: { targetMembers: 200, shadowPool: 400 },
      model: { layers: 1, width: 128 },
      train: { epochs: 40, batchSize: 32, learningRate: 0.005 },
      attack: { names: ['gap', 'loss-threshold', 'shadow-model'], shadows: 2 },
    }),
  },
  {
    name: 'lesson-api',
    title: 'Lesson 3: what the API returns',
    description: 'Lesson 3: the lesson-overfit model, trained for 8 epochs, behind four APIs (full, top-1, rounded, label only).',
    patch: lessonPatch({
      data: { name: 'purchases', n: 1000, classes: 10, features: 100, noise: 0.4 },
      split: { targetMembers: 200, shadowPool: 400 },
      model: { layers: 1, width: 128 },
      train: { epochs: 8, batchSize: 32, learningRate: 0.005 },
      api: { decimals: 1 },
      attack: { names: ['loss-threshold', 'shadow-model', 'lira-online', 'label-only'], shadows: 2, references: 8 },
    }),
  },
  {
    name: 'lesson-shadows',
    title: 'Lessons 4–5: the shadow army',
    description: 'Lessons 4–5: the shadow-model attack on the lesson-overfit model, with 4 shadow models.',
    patch: lessonPatch({
      data: { name: 'purchases', n: 1000, classes: 10, features: 100, noise: 0.4 },
      split: { targetMembers: 200, shadowPool: 400 },
      model: { layers: 1, width: 128 },
      train: { epochs: 40, batchSize: 32, learningRate: 0.005 },
      attack: { names: ['shadow-model', 'loss-threshold'], shadows: 4 },
    }),
  },
  {
    name: 'lesson-john-doe',
    title: "Lesson 6: John Doe's record",
    description: "Lesson 6: patient records with John Doe (row 0) among the members; LiRA against simpler attacks.",
    patch: lessonPatch({
      // The seed of lessons 1 and 7–10 (the default, 1), so John Doe and Jane Smith are the same two
      // patients, with the same target model, throughout; the split pins John in and Jane out.
      data: { name: 'patients', n: 1000, noise: 0.8 },
      split: { targetMembers: 200, shadowPool: 400 },
      model: { layers: 2, width: 64 },
      train: { epochs: 40, batchSize: 32, learningRate: 0.01 },
      attack: { names: ['loss-threshold', 'shadow-model', 'lira-online', 'lira-offline'], shadows: 2, references: 8 },
    }),
  },
  {
    name: 'lesson-defenses',
    title: 'Lessons 7–10: the model defenses are measured on',
    description: 'Lessons 7, 8 and 10: the overfit patient model that every defense is measured against.',
    patch: lessonPatch({
      data: { name: 'patients', n: 1000, noise: 0.8 },
      split: { targetMembers: 200, shadowPool: 400 },
      model: { layers: 2, width: 64 },
      train: { epochs: 40, batchSize: 32, learningRate: 0.01 },
      attack: { names: ['loss-threshold', 'shadow-model', 'lira-online'], shadows: 2, references: 8 },
    }),
  },
  {
    name: 'lesson-dp',
    title: 'Lesson 9: DP-SGD',
    description: 'Lesson 9: the lesson-defenses model trained with DP-SGD at ε = 4.',
    patch: lessonPatch({
      data: { name: 'patients', n: 1000, noise: 0.8 },
      split: { targetMembers: 200, shadowPool: 400 },
      model: { layers: 2, width: 64 },
      train: { epochs: 40, batchSize: 32, learningRate: 0.01 },
      dp: { enabled: true, targetEpsilon: 4, clipNorm: 1 },
      attack: { names: ['loss-threshold', 'shadow-model', 'lira-online'], shadows: 2, references: 8 },
    }),
  },
  {
    name: 'lesson-mystery',
    title: 'Lesson 11: the mystery model',
    description: 'Lesson 11: a mystery model to audit. (Its settings are the puzzle; peek only after your report.)',
    secret: "This preset is lesson 11's mystery model: its settings are the puzzle, so the playground keeps them hidden. Audit it in lesson 11; the lesson shows the hidden settings once you hand in your report. Pick another preset to change settings here.",
    patch: lessonPatch({
      seed: 11,
      data: { name: 'purchases', n: 1000, classes: 20, features: 150, noise: 0.35 },
      split: { targetMembers: 200, shadowPool: 400 },
      model: { layers: 1, width: 96 },
      train: { epochs: 6, batchSize: 32, learningRate: 0.005 },
      api: { output: 'top-k', topK: 3 },
      // The auditor is not told the recipe: its shadow and reference models use its guess (the
      // playground's default width and epochs). Lesson 11's "best case" switch sets both to null.
      attack: { names: ['gap', 'loss-threshold', 'shadow-model', 'lira-online', 'label-only'], shadows: 2, references: 8, guessWidth: 128, guessEpochs: 40 },
    }),
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
export const LISTED_PRESETS: readonly Preset[] = PRESETS.filter((p) => isListedPreset(p.name));

/** The validated config of preset `name`. Throws an Error listing the presets when unknown. */
export function presetConfig(name: string): ExperimentConfig {
  const preset = PRESETS.find((p) => p.name === name);
  if (!preset) throw new Error(`Unknown preset "${name}" (presets: ${PRESETS.map((p) => p.name).join(', ')}).`);
  return mergeConfig(defaultConfig(), preset.patch);
}
