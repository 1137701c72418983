/**
 * @fileoverview The job runner's policies, in Node, with the real worker API called in-process in
 * place of two workers: two owners' runs at once keep to their own numbers and models; a second
 * request for the same trained models joins the running job; a changed attack or API reruns only
 * the attack stage; a newer request of an owner cancels its older one; releasing frees everything.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../cli/tf-node';
import { mergeConfig, withField } from '../core/experiment/config';
import { presetConfig } from '../lessons/presets';
import { runExperiment } from '../engine/experiment/run';
import { createWorkerApi } from '../workers/worker-api';
import type { WorkerHandle, WorkerPool } from './job-runner-pool';
import { JobRunner } from './job-runner';
import { JobCancelledError } from './job-runner-job';

const TINY = mergeConfig(presetConfig('moons-2d'), {
  data: { n: 300 },
  split: { targetMembers: 60, shadowPool: 120 },
  train: { epochs: 4 },
  attack: { shadows: 2, references: 2, names: ['gap', 'loss-threshold', 'lira-offline'] },
});

/** A pool of in-process "workers": each handle owns a fresh worker API instance. */
function fakePool(size: number): { pool: WorkerPool; tasks: () => number } {
  let tasks = 0;
  let generation = 0;
  const make = (index: number): WorkerHandle => {
    const api = createWorkerApi();
    const counted = { ...api, runTask: (...args: Parameters<typeof api.runTask>) => (tasks++, api.runTask(...args)) };
    return {
      index, generation: ++generation, state: 'ready', busy: false, info: null, api: counted,
      gone: new Promise<never>(() => undefined),
      race: <P extends PromiseLike<unknown>>(p: P) => Promise.resolve(p) as Promise<Awaited<P>>,
      end() {},
    } as unknown as WorkerHandle;
  };
  const handles = Array.from({ length: size }, (_, i) => make(i));
  const pool = {
    handles,
    restart: async (index: number) => {
      handles[index].state = 'gone';
      handles[index] = make(index);
    },
  } as unknown as WorkerPool;
  return { pool, tasks: () => tasks };
}

const numbers = (r: { attacks: { name: string; auc: number }[]; target: { testAccuracy: number } }) => ({
  test: r.target.testAccuracy,
  aucs: r.attacks.map((a) => [a.name, a.auc]),
});

beforeAll(async () => {
  await initNodeBackend('wasm');
});

describe('the job runner', () => {
  it('runs two owners at once, each with the numbers it gets alone, and frees what it holds', async () => {
    const before = tf.memory().numTensors;
    const a = withField(TINY, 'seed', '3');
    const b = withField(TINY, 'seed', '4');
    const alone = [numbers(await runExperiment(a)), numbers(await runExperiment(b))];
    const { pool } = fakePool(2);
    const runner = new JobRunner(pool);
    const [ra, rb] = await Promise.all([runner.submit({ owner: 'playground', config: a }), runner.submit({ owner: 'lesson:1', config: b })]);
    expect([numbers(ra), numbers(rb)]).toEqual(alone);
    expect(tf.memory().numTensors).toBeGreaterThan(before);
    await runner.releaseOwner('playground');
    await runner.releaseOwner('lesson:1');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('lets a request for the same models join the running job, and answers an API change without training', async () => {
    const { pool, tasks } = fakePool(2);
    const runner = new JobRunner(pool);
    const first = runner.submit({ owner: 'playground', config: TINY });
    const joined = runner.submit({ owner: 'playground', config: mergeConfig(TINY, { attack: { names: ['gap', 'lira-offline'] } }) });
    await expect(first).rejects.toBeInstanceOf(JobCancelledError);
    const result = await joined;
    expect(result.attacks.map((x) => x.name)).toEqual(['gap', 'lira-offline']);
    expect(result.trainingReused).toBe(false);
    const trained = tasks();
    expect(trained).toBe(5); // the target, 2 shadows, 2 references: once
    const rounded = await runner.submit({ owner: 'playground', config: mergeConfig(TINY, { api: { output: 'rounded', decimals: 1 } }) });
    expect(rounded.trainingReused).toBe(true);
    expect(tasks()).toBe(trained);
    expect(runner.canReattack('playground', TINY)).toBe(true);
    await runner.releaseOwner('playground');
    expect(runner.canReattack('playground', TINY)).toBe(false);
  });

  it('cancels an owner’s older job when its newer request needs other models', async () => {
    const { pool } = fakePool(2);
    const runner = new JobRunner(pool);
    const older = runner.submit({ owner: 'playground', config: TINY });
    const newer = runner.submit({ owner: 'playground', config: withField(TINY, 'seed', '9') });
    await expect(older).rejects.toBeInstanceOf(JobCancelledError);
    expect(numbers(await newer)).toEqual(numbers(await runExperiment(withField(TINY, 'seed', '9'))));
    await runner.releaseOwner('playground');
  });
});
