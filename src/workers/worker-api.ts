/**
 * @fileoverview What the main thread may ask of the experiment worker. Only plain data crosses
 * the boundary; tensors never leave the worker.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ensureBackend, type BackendInfo } from './tf-backend';
import { smokeTrain, type SmokeResult } from './smoke-train';
import type { BackendName } from './backend-choice';

export const workerApi = {
  /** Starts (once) and describes the backend; `forced` comes from `?backend=`. */
  async init(forced: BackendName | null): Promise<BackendInfo> {
    return ensureBackend(forced);
  },

  /** Trains a tiny model to prove the backend computes; see smoke-train.ts. */
  async selfTest(): Promise<SmokeResult> {
    return smokeTrain();
  },

  /** Live tensors and bytes in the worker, for leak checks. */
  async memory(): Promise<{ numTensors: number; numBytes: number }> {
    const m = tf.memory();
    return { numTensors: m.numTensors, numBytes: m.numBytes };
  },
};

export type WorkerApi = typeof workerApi;
