/**
 * @fileoverview What the main thread may ask of the experiment worker. Only plain data crosses
 * the boundary; tensors never leave the worker.
 */

import { ensureBackend, type BackendInfo } from './tf-backend';
import { smokeTrain, type SmokeResult } from './smoke-train';
import type { BackendName } from './backend-choice';
import { resetPlayground, runPlayground, workerMemory } from './playground-session';
import type { PlaygroundResult } from './playground-view';
import type { ProgressEvent } from '../core/experiment/index';
import { loadCsv, loadedCsv, type CsvFailure, type CsvSummary } from './csv-session';
import { lessonMetaRun } from './lesson-meta';
import type { MetaSample } from '../lessons/result';
import { crashForTest, crashNextRunForTest, failNextRunForTest, probeCspForTest, withArmedFault, type CspProbe } from './test-faults';


export const workerApi = {
  /** Starts (once) and describes the backend; `forced` comes from `?backend=`. */
  async init(forced: BackendName | null): Promise<BackendInfo> {
    return ensureBackend(forced);
  },

  /** Trains a tiny model to prove the backend computes; see smoke-train.ts. */
  async selfTest(): Promise<SmokeResult> {
    return smokeTrain();
  },

  /** Runs the playground experiment for a config (plain JSON); reuses trained models when it can. */
  async run(config: unknown, onProgress: (e: ProgressEvent) => void): Promise<PlaygroundResult> {
    return runPlayground(config, withArmedFault(onProgress), { csv: loadedCsv() });
  },

  /** Parses a CSV the learner chose; it stays in this worker's memory only. */
  async loadCsv(text: string, labelColumn: string, dropInvalidRows: boolean, name: string): Promise<CsvSummary | CsvFailure> {
    return loadCsv(text, labelColumn, dropInvalidRows, name);
  },

  /** Lesson 5: trains a config's target and shadows and returns its result with meta-dataset rows. */
  async lessonMeta(config: unknown, onProgress: (e: ProgressEvent) => void): Promise<{ result: PlaygroundResult; meta: MetaSample }> {
    return lessonMetaRun(config, onProgress);
  },

  /** Frees cached models. */
  async reset(): Promise<void> {
    resetPlayground();
  },

  /** Test-only (called under `?faults=test`, see test-faults.ts): an uncaught error in the worker. */
  async crashForTest(): Promise<void> {
    crashForTest();
  },

  /** Test-only: the next run fails mid-training with `message`, like a lost GPU device. */
  async failNextRunForTest(message: string): Promise<void> {
    failNextRunForTest(message);
  },

  /** Test-only: the worker crashes (an uncaught error) in the middle of the next run. */
  async crashNextRunForTest(): Promise<void> {
    crashNextRunForTest();
  },

  /** Test-only: tries an off-origin request and eval from inside the worker (its CSP must refuse both). */
  async probeCspForTest(offOrigin: string): Promise<CspProbe> {
    return probeCspForTest(offOrigin);
  },

  /** Live tensors and bytes in the worker, for leak checks. */
  async memory(): Promise<{ numTensors: number; numBytes: number }> {
    return workerMemory();
  },
};

export type WorkerApi = typeof workerApi;
