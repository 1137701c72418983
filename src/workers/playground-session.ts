/**
 * @fileoverview Keeps the trained artifacts between requests, so a change of attack or output API
 * reruns only the attack stage. Anything that changes the trained models retrains.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  attackExperiment, disposeArtifacts, prepareExperiment, trainingKey, validateConfig,
  type Artifacts, type ProgressEvent,
} from '../core/experiment/index';
import type { Dataset } from '../core/data/types';
import { toPlaygroundResult, type PlaygroundResult } from './playground-view';

let artifacts: Artifacts | null = null;
let artifactsCsv: Dataset | undefined;

/** Runs (or re-attacks) the experiment for `rawConfig`; progress goes to `onProgress`. */
export async function runPlayground(
  rawConfig: unknown,
  onProgress: (e: ProgressEvent) => void,
  options: { csv?: Dataset; confidenceSnapshots?: boolean } = {},
): Promise<PlaygroundResult> {
  const config = validateConfig(rawConfig);
  const reuse = artifacts !== null && artifacts.key === trainingKey(config) && artifactsCsv === options.csv;
  if (!reuse) {
    if (artifacts) disposeArtifacts(artifacts);
    artifacts = null;
    artifacts = await prepareExperiment(config, { csv: options.csv, onProgress, confidenceSnapshots: options.confidenceSnapshots ?? true });
    artifactsCsv = options.csv;
  }
  const result = await attackExperiment(artifacts!, config, { onProgress });
  return toPlaygroundResult(artifacts!, result, reuse);
}

/** Frees the cached models (e.g. before a leak check). */
export function resetPlayground(): void {
  if (artifacts) disposeArtifacts(artifacts);
  artifacts = null;
}

/** Live tensors in the worker. */
export function workerMemory(): { numTensors: number; numBytes: number } {
  const m = tf.memory();
  return { numTensors: m.numTensors, numBytes: m.numBytes };
}
