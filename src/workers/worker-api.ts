/**
 * @fileoverview What the page's job runner may ask of one pool worker. Only plain data crosses
 * the boundary; tensors never leave the worker. Each worker gets its own instance: the models it
 * trained live in it, per job (worker-jobs.ts), never in a module variable.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ensureBackend, type BackendInfo } from './tf-backend';
import { smokeTrain, type SmokeResult } from './smoke-train';
import type { BackendName } from './backend-choice';
import type { Dataset } from '../core/data/types';
import type { TaskProgress } from '../engine/experiment/tasks';
import { parseCsvUpload, type CsvFailure, type CsvSummary } from './csv-session';
import { WorkerJobs, type ModelCall, type WorkerTask, type WorkerTaskOutput } from './worker-jobs';
import { crashForTest, probeCspForTest, withFault, type CspProbe, type TaskFault } from './test-faults';

/**
 * Buffers of a task's outputs that can move to the page instead of being copied: ones the worker
 * keeps no reference to (not the base, which later tasks reuse), each whole and listed once.
 */
function transferables(output: WorkerTaskOutput): ArrayBuffer[] {
  const arrays = output.kind === 'target' ? [output.targetProbs] : [...output.probs, ...output.logits, output.inMask];
  const whole = arrays.filter((a) => a.byteOffset === 0 && a.byteLength === a.buffer.byteLength).map((a) => a.buffer as ArrayBuffer);
  return [...new Set(whole)];
}

/** A fresh API for one worker; `transfer` marks buffers to move rather than copy (comlink's transfer). */
export function createWorkerApi(transfer: <T>(value: T, buffers: ArrayBuffer[]) => T = (v) => v) {
  const jobs = new WorkerJobs();
  let csv: Dataset | undefined;
  return {
    /** Starts (once) and describes the backend; `forced` comes from `?backend=` or a fallback. */
    async init(forced: BackendName | null): Promise<BackendInfo> {
      return ensureBackend(forced);
    },

    /** Trains a tiny model to prove the backend computes; see smoke-train.ts. */
    async selfTest(): Promise<SmokeResult> {
      return smokeTrain();
    },

    /** Parses a CSV the learner chose; this worker keeps it for tasks that train on it. */
    async loadCsv(text: string, labelColumn: string, dropInvalidRows: boolean, name: string): Promise<CsvSummary | CsvFailure> {
      const parsed = parseCsvUpload(text, labelColumn, dropInvalidRows, name);
      if (parsed.dataset) csv = parsed.dataset;
      return parsed.summary;
    },

    /**
     * Trains one task of a job and keeps its models here under the job's id. `fault` is test-only
     * (`?faults=test`): it makes this task fail or crash the worker mid-training.
     */
    async runTask(task: WorkerTask, onProgress: (p: TaskProgress) => void, fault?: TaskFault): Promise<WorkerTaskOutput> {
      if (task.csv && !csv) throw new Error('data.name is csv, but this worker has no CSV loaded.');
      const output = await jobs.run(task, csv, withFault(fault, onProgress));
      return transfer(output, transferables(output));
    },

    /** Queries a model this worker holds for `jobId` (its outputs on new inputs, or gradient norms). */
    async callModel(jobId: string, label: string, call: ModelCall): Promise<Float32Array> {
      return jobs.call(jobId, label, call);
    },

    /** Drops job `jobId`'s data here (its training is over); its models stay. */
    async dropData(jobId: string): Promise<void> {
      jobs.dropData(jobId);
    },

    /** Frees job `jobId`'s models and data here. */
    async release(jobId: string): Promise<void> {
      jobs.release(jobId);
    },

    /** Live tensors and bytes in this worker, for leak checks. */
    async memory(): Promise<{ numTensors: number; numBytes: number }> {
      const m = tf.memory();
      return { numTensors: m.numTensors, numBytes: m.numBytes };
    },

    /** Test-only (called under `?faults=test`, see test-faults.ts): an uncaught error in the worker. */
    async crashForTest(): Promise<void> {
      crashForTest();
    },

    /** Test-only: tries an off-origin request and eval from inside the worker (its CSP must refuse both). */
    async probeCspForTest(offOrigin: string): Promise<CspProbe> {
      return probeCspForTest(offOrigin);
    },
  };
}

export type WorkerApi = ReturnType<typeof createWorkerApi>;
