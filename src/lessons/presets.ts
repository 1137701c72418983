/**
 * @fileoverview The lessons' presets (`lesson-*`), beside the lessons that name them, and the full
 * preset list the CLI, the cache, links and the page look names up in. Small enough to train in a
 * few seconds on wasm in the browser; lessons name them in their widget blocks, and
 * `npm run cli -- cache` precomputes their results. Their configs are pinned by
 * lesson-presets-pinned.test.ts. The playground's presets stay in core (core/experiment/presets.ts).
 */
import type { ExperimentConfig } from '../core/experiment/config';
import { PLAYGROUND_PRESETS, configOfPreset, type Preset } from '../core/experiment/presets';

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

/** The lessons' presets, in course order. */
export const LESSON_PRESETS: readonly Preset[] = [
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

/** Every preset, in display order: the playground's, then the lessons'. */
export const PRESETS: readonly Preset[] = [...PLAYGROUND_PRESETS, ...LESSON_PRESETS];

/** The validated config of preset `name` (a playground or a lesson preset). Throws an Error listing the presets when unknown. */
export function presetConfig(name: string): ExperimentConfig {
  return configOfPreset(PRESETS, name);
}
