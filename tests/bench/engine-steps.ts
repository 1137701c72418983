/**
 * @fileoverview Micro-benchmarks of the training engine, called by the benchmark script
 * (tests/bench/training.ts). The workload: a 600→128→50 relu MLP, Adam, batch 64.
 *
 * Each function times raw training steps (no per-epoch evaluation) after a warm-up, on the
 * active tfjs backend; pass `backend` to switch first (it must already be registered, e.g. by
 * src/cli/tf-node.ts in Node). Every timed block ends with an asynchronous read so queued GPU work
 * is counted. The machines are shared, so a figure is the fastest of several blocks (other
 * processes only ever add time), timed by CPU time where that is meaningful (see `pickClock`).
 * All tensors are freed before returning.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { DpSgdOptions, MlpSpec } from '../../src/core/models/types';
import { Rng } from '../../src/core/rng';
import { buildBatch, epochSchedule } from '../../src/core/train/batches';
import { DpNoise } from '../../src/engine/train/dp-sgd';
import { mlpArchitecture } from '../../src/engine/train/mlp-architecture';
import { countParams, disposeParams, initParams, type MlpParams } from '../../src/engine/train/mlp-params';
import { Optimizer } from '../../src/engine/train/optimizers';
import { StepBuffers, trainStep, type StepSettings } from '../../src/engine/train/step';
import { defaultStrategy, type TrainingStrategy } from '../../src/engine/train/strategy';

const SPEC: MlpSpec = { type: 'mlp', inputDim: 600, hidden: [128], activation: 'relu', numClasses: 50 };
const BATCH = 64;
const ROWS = 1024;

const host = globalThis as {
  performance?: { now(): number };
  process?: { cpuUsage?: () => { user: number; system: number } };
};

/** Which clock timed a figure: this process's CPU time, or wall time. */
export type BenchClock = 'cpu' | 'wall';

/**
 * CPU time where it measures the work (Node, synchronous wasm/cpu backends): on a shared 2-core
 * machine wall time swings 3× with other processes' load, CPU time hardly at all. GPU work runs
 * outside the process, so webgpu/webgl are timed by the wall clock.
 */
function pickClock(): { kind: BenchClock; now: () => number } {
  const cpuUsage = host.process?.cpuUsage;
  if (cpuUsage && (tf.getBackend() === 'wasm' || tf.getBackend() === 'cpu')) {
    return { kind: 'cpu', now: () => { const u = cpuUsage(); return (u.user + u.system) / 1000; } };
  }
  const perf = host.performance;
  return { kind: 'wall', now: () => (perf ? perf.now() : Date.now()) };
}

async function useBackend(backend: string | undefined): Promise<void> {
  if (backend && tf.getBackend() !== backend) {
    if (!(await tf.setBackend(backend))) throw new Error(`Backend "${backend}" is not available.`);
  }
  await tf.ready();
}

/** Synthetic sparse binary features (Purchase-100-like) and random labels. */
function syntheticSet(seed: number): { x: Float32Array; y: Int32Array; n: number; d: number } {
  const rng = new Rng(seed);
  const x = new Float32Array(ROWS * SPEC.inputDim);
  for (let i = 0; i < x.length; i++) x[i] = rng.next() < 0.2 ? 1 : 0;
  const y = new Int32Array(ROWS);
  for (let i = 0; i < ROWS; i++) y[i] = rng.int(SPEC.numClasses);
  return { x, y, n: ROWS, d: SPEC.inputDim };
}

/**
 * Milliseconds per step of K models trained together (K = 1: the single 2-D layout): the
 * fastest of `blocks` blocks of `steps` steps, after `warmup` steps.
 * @param dp DP-SGD settings or null; with DP the sample rate gives an expected batch of 64
 */
async function msPerStep(k: number, dp: DpSgdOptions | null, steps: number, warmup: number, blocks = 5): Promise<number> {
  const rngs = Array.from({ length: k }, (_, m) => new Rng(100 + m));
  const sets = rngs.map((_, m) => syntheticSet(200 + m));
  const settings: StepSettings = { dropout: 0, l2: 0, l1: 0, dp };
  const arch = mlpArchitecture(SPEC);
  let params: MlpParams = initParams(SPEC, rngs);
  const optimizer = new Optimizer('adam', 1e-3, [...params.weights, ...params.biases].map((t) => t.shape));
  const dpCtx = dp ? { noise: new DpNoise(rngs), invExpectedBatch: sets.map((s) => 1 / (dp.sampleRate * s.n)) } : null;
  const schedules = rngs.map((r, m) => epochSchedule(sets[m].n, BATCH, r.fork('batches')));
  const dropoutRngs = rngs.map((r) => r.fork('dropout'));
  const augRng = new Rng(1);
  const buffers = new StepBuffers();
  let step = 0;
  const run = async (count: number) => {
    for (let i = 0; i < count; i++, step++) {
      // Fixed-size batches even under DP, so the timing compares like with like.
      const batches = schedules.map((sch, m) => buildBatch(sets[m], sch[step % sch.length], SPEC.numClasses, undefined, augRng));
      params = trainStep(arch, params, optimizer, batches, settings, dropoutRngs, dpCtx, null, buffers);
    }
    await params.biases[0].data();
  };
  const { now } = pickClock();
  try {
    await run(warmup);
    let best = Infinity;
    for (let b = 0; b < blocks; b++) {
      const start = now();
      await run(steps);
      best = Math.min(best, (now() - start) / steps);
    }
    return best;
  } finally {
    disposeParams(params);
    optimizer.dispose();
  }
}

/** GFLOP/s of one large square 2-D matMul (the backend's practical peak). */
async function matmulPeakGflops(size = 512, reps = 8): Promise<number> {
  const a = tf.randomUniform([size, size], -1, 1, 'float32', 1);
  const b = tf.randomUniform([size, size], -1, 1, 'float32', 2);
  const { now } = pickClock();
  try {
    const warm = tf.matMul(a, b);
    await warm.data();
    warm.dispose();
    let best = Infinity;
    for (let r = 0; r < reps; r++) {
      const start = now();
      const c = tf.matMul(a, b);
      await c.data();
      c.dispose();
      best = Math.min(best, now() - start);
    }
    return (2 * size ** 3) / (best / 1000) / 1e9;
  } finally {
    tf.dispose([a, b]);
  }
}

/**
 * Training throughput of one model, against the matMul peak.
 * @returns examplesPerSec; gflops counts forward+backward as 6·params·examples; matmulGflops is
 *   the large-matMul peak; ratio = gflops / matmulGflops; msPerStep for reference
 */
export async function benchTrainingThroughput(
  backend?: string,
  steps = 20,
): Promise<{ examplesPerSec: number; gflops: number; matmulGflops: number; ratio: number; msPerStep: number; backend: string; clock: BenchClock }> {
  await useBackend(backend);
  let ms = Infinity;
  for (let round = 0; round < 3; round++) ms = Math.min(ms, await msPerStep(1, null, steps, 10));
  const examplesPerSec = (BATCH * 1000) / ms;
  const gflops = (6 * countParams(SPEC) * examplesPerSec) / 1e9;
  const matmulGflops = await matmulPeakGflops();
  return { examplesPerSec, gflops, matmulGflops, ratio: gflops / matmulGflops, msPerStep: ms, backend: tf.getBackend(), clock: pickClock().kind };
}

/**
 * K models stacked into batched ops against the same K models one after another, per step.
 * @returns batchedMs and sequentialMs (for all K models), ratio = batched / sequential, and the
 *   strategy `auto` picks on this backend
 */
export async function benchBatchedVsSequential(
  k = 16,
  backend?: string,
  steps = 10,
): Promise<{ batchedMs: number; sequentialMs: number; ratio: number; defaultStrategy: TrainingStrategy; backend: string; clock: BenchClock }> {
  await useBackend(backend);
  const batchedMs = await msPerStep(k, null, steps, 2, 3);
  const sequentialMs = k * (await msPerStep(1, null, steps * 2, 5));
  const backendName = tf.getBackend();
  return { batchedMs, sequentialMs, ratio: batchedMs / sequentialMs, defaultStrategy: defaultStrategy(backendName), backend: backendName, clock: pickClock().kind };
}

/**
 * A DP-SGD step (exact per-example clipping + fresh Gaussian noise on all 83k parameters)
 * against a plain step, both at batch 64.
 */
export async function benchDpOverhead(
  backend?: string,
  steps = 20,
): Promise<{ plainStepMs: number; dpStepMs: number; ratio: number; backend: string; clock: BenchClock }> {
  await useBackend(backend);
  const dp: DpSgdOptions = { noiseMultiplier: 1, clipNorm: 1, sampleRate: BATCH / ROWS };
  // Interleaved rounds, so drift in machine load affects both sides alike.
  let plain = Infinity, priv = Infinity;
  for (let round = 0; round < 4; round++) {
    plain = Math.min(plain, await msPerStep(1, null, steps, 10));
    priv = Math.min(priv, await msPerStep(1, dp, steps, 10));
  }
  return { plainStepMs: plain, dpStepMs: priv, ratio: priv / plain, backend: tf.getBackend(), clock: pickClock().kind };
}
