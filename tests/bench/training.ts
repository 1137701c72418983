/**
 * @fileoverview Training-engine figures on the reference workload, which is also the
 * overfit-purchases target (600 → 128 → 50 relu MLP, Adam, batch 64): throughput against the
 * backend's matMul peak, 16 shadow models batched vs sequential, and the cost of a DP-SGD step.
 */
import { initNodeBackend } from '../../src/cli/tf-node';
import { benchBatchedVsSequential, benchDpOverhead, benchTrainingThroughput } from './engine-steps';
import { atLeast, atMost, report, type Figure, type Measure } from './figure';

const throughput: Measure = {
  name: 'training throughput (wasm)',
  async run() {
    await initNodeBackend('wasm');
    const r = await benchTrainingThroughput('wasm', 40);
    return [
      report('train.wasm.examplesPerSec', r.examplesPerSec, 'examples/s'),
      report('train.wasm.msPerStep', r.msPerStep, 'ms/step'),
      report('train.wasm.gflops', r.gflops, 'GFLOP/s'),
      report('train.wasm.matmulGflops', r.matmulGflops, 'GFLOP/s (512² matMul)'),
      atLeast('train.wasm.ratioToMatmul', r.ratio, 'fraction of matMul peak', 0.4),
    ];
  },
};

const batchedVsSequential: Measure = {
  name: '16 shadow models: batched vs sequential',
  async run(ctx) {
    const figures: Figure[] = [];
    for (const backend of ['wasm', 'cpu'] as const) {
      await initNodeBackend(backend);
      // The cpu backend takes ~1 s per batched step of 16 models, so it gets fewer steps.
      const steps = backend === 'cpu' && !ctx.full ? 3 : 10;
      if (backend === 'cpu' && !ctx.full) ctx.note('shadows16.cpu: 3 timed steps per block (10 with --full).');
      ctx.log(`  ${backend}: ${steps} steps per block`);
      const r = await benchBatchedVsSequential(16, backend, steps);
      const faster = r.batchedMs < r.sequentialMs ? 'batched' : 'sequential';
      figures.push(
        report(`shadows16.${backend}.batchedMs`, r.batchedMs, 'ms/step (16 models)'),
        report(`shadows16.${backend}.sequentialMs`, r.sequentialMs, 'ms/step (16 models)'),
        report(`shadows16.${backend}.batchedOverSequential`, r.ratio, 'ratio'),
        { name: `shadows16.${backend}.default`, value: r.defaultStrategy, unit: 'strategy', target: `the faster (${faster})`, holds: r.defaultStrategy === faster },
      );
    }
    await initNodeBackend('wasm');
    return figures;
  },
};

const dpOverhead: Measure = {
  name: 'DP-SGD step vs plain step (wasm)',
  async run() {
    await initNodeBackend('wasm');
    const r = await benchDpOverhead('wasm', 30);
    return [
      report('dp.wasm.plainStepMs', r.plainStepMs, 'ms/step'),
      report('dp.wasm.dpStepMs', r.dpStepMs, 'ms/step'),
      atMost('dp.wasm.dpOverPlain', r.ratio, 'ratio', 1.5),
    ];
  },
};

/** The training measurements, in the order they run. */
export const TRAINING_MEASURES: readonly Measure[] = [throughput, batchedVsSequential, dpOverhead];
