/**
 * @fileoverview Public API of the experiment module: config, presets, the two stages and results.
 */
export * from '../../core/experiment/config';
export { FIELDS, fieldSpec, describeKind, type FieldSpec, type FieldKind } from '../../core/experiment/schema';
export { PLAYGROUND_PRESETS, configOfPreset, type Preset } from '../../core/experiment/presets';
export { prepareExperiment, ensureShadows, ensureReferences, type PrepareOptions } from './prepare';
export { attackExperiment, runExperiment } from './run';
export { runAttacks, outputApiOf, type AttackOutcome } from '../../core/experiment/attack-stage';
export { trainingKey, disposeArtifacts, type Artifacts } from '../../core/experiment/artifacts';
export { privacyFor, defaultDelta, type PrivacyAccounting } from '../../core/experiment/recipe';
export type { ExperimentResult, AttackReport, TargetReport } from '../../core/experiment/experiment-result';
export type { ProgressEvent, ProgressCallback, TargetEpoch, Phase } from '../../core/experiment/progress';
