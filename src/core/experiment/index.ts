/**
 * @fileoverview Public API of the experiment module: config, presets, the two stages and results.
 */
export * from './config';
export { FIELDS, fieldSpec, describeKind, type FieldSpec, type FieldKind } from './schema';
export { PRESETS, presetConfig, type Preset } from './presets';
export { prepareExperiment, ensureShadows, ensureReferences, type PrepareOptions } from './prepare';
export { attackExperiment, runExperiment } from './run';
export { runAttacks, outputApiOf, type AttackOutcome } from './attack-stage';
export { trainingKey, disposeArtifacts, type Artifacts } from './artifacts';
export { privacyFor, defaultDelta, type PrivacyAccounting } from './recipe';
export type { ExperimentResult, AttackReport, TargetReport } from './results';
export type { ProgressEvent, ProgressCallback, TargetEpoch, Phase } from './progress';
