/**
 * @fileoverview One call from config to results: the training stage, then the attack stage.
 * The worker keeps the artifacts between calls; the CLI and tests use runExperiment.
 */
import type { ExperimentConfig } from '../../core/experiment/config';
import { disposeArtifacts, type Artifacts } from '../../core/experiment/artifacts';
import { runAttacks } from '../../core/experiment/attack-stage';
import { assembleResult, type ExperimentResult } from '../../core/experiment/experiment-result';
import { assertMemoryFits, ensureReferences, ensureShadows, prepareExperiment, type PrepareOptions } from './prepare';
import { needsReferences, needsShadows } from '../../core/experiment/needs';
import { nowMs } from '../../core/clock';

/**
 * Runs the attacks of `config` on `artifacts` (trained for a config with the same trainingKey),
 * training shadow or reference models first if these attacks need ones that do not exist yet.
 */
export async function attackExperiment(artifacts: Artifacts, config: ExperimentConfig, opts: PrepareOptions = {}): Promise<ExperimentResult> {
  const t0 = nowMs();
  // New attacks can add shadow models or label-only queries to models trained for a smaller config.
  assertMemoryFits(config, artifacts.dataset);
  // The shadow and reference counts are part of the training key, so the artifacts' own config
  // sizes them; only whether these attacks need them depends on the new config.
  if (needsShadows(config)) await ensureShadows(artifacts, opts);
  if (needsReferences(config)) await ensureReferences(artifacts, opts);
  opts.onProgress?.({ phase: 'attacks', label: 'running the attacks', fraction: 0.99 });
  const outcomes = await runAttacks(artifacts, config);
  const timingsMs = { ...artifacts.timingsMs, attacks: nowMs() - t0 };
  const result = assembleResult(artifacts, config, outcomes, timingsMs);
  opts.onProgress?.({ phase: 'done', label: 'done', fraction: 1 });
  return result;
}

/** Trains, attacks and frees everything. The same config, seed and backend give the same numbers. */
export async function runExperiment(config: ExperimentConfig, opts: PrepareOptions = {}): Promise<ExperimentResult> {
  const t0 = nowMs();
  const artifacts = await prepareExperiment(config, opts);
  try {
    const result = await attackExperiment(artifacts, config, opts);
    return { ...result, timingsMs: { ...result.timingsMs, total: nowMs() - t0 } };
  } finally {
    disposeArtifacts(artifacts);
  }
}
