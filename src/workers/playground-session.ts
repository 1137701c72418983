/**
 * @fileoverview The playground's whole run in one process (tests, scripts): train, attack, build
 * the view, free the models. In the app, the page's job runner does the same across the pool.
 */
import {
  attackExperiment, disposeArtifacts, prepareExperiment, validateConfig, type ProgressEvent,
} from '../engine/experiment/index';
import type { Dataset } from '../core/data/types';
import { toPlaygroundResult, type PlaygroundResult } from '../core/experiment/playground-view';

/** Runs the experiment for `rawConfig` and returns the playground's view of it; frees every tensor. */
export async function runPlayground(
  rawConfig: unknown,
  onProgress: (e: ProgressEvent) => void,
  options: { csv?: Dataset; confidenceSnapshots?: boolean } = {},
): Promise<PlaygroundResult> {
  const config = validateConfig(rawConfig);
  const artifacts = await prepareExperiment(config, { csv: options.csv, onProgress, confidenceSnapshots: options.confidenceSnapshots ?? true });
  try {
    const result = await attackExperiment(artifacts, config, { onProgress });
    return await toPlaygroundResult(artifacts, result, false);
  } finally {
    disposeArtifacts(artifacts);
  }
}
