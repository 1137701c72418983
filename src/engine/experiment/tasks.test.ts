/**
 * @fileoverview The training stage cut into tasks: run one model per task, in a scrambled order (as
 * a pool of workers would finish them), assemble, and get exactly what the sequential training
 * stage gives for the same config and seed, down to the attacks' scores.
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../cli/tf-node';
import { defaultConfig, mergeConfig, type ExperimentConfig } from '../../core/experiment/config';
import { disposeArtifacts, type Artifacts } from '../../core/experiment/artifacts';
import { prepareBase, prepareExperiment } from './prepare';
import { runAttacks } from '../../core/experiment/attack-stage';
import { assembleResult } from '../../core/experiment/experiment-result';
import type { Predictor } from '../../core/experiment/predictor';
import { runTrainingTask } from './tasks';
import { assembleArtifacts, planTasks, runnableAttacks, type GroupOutput, type TargetOutput } from '../../core/experiment/task-assembly';

const CONFIG: ExperimentConfig = mergeConfig(defaultConfig(), {
  data: { name: 'purchases', n: 900 },
  split: { targetMembers: 150, shadowPool: 300 },
  model: { width: 32 },
  train: { epochs: 6 },
  attack: { shadows: 3, references: 4, names: ['gap', 'loss-threshold', 'shadow-model', 'lira-online', 'lira-offline'] },
});

let sequential: Artifacts;
let assembled: Artifacts;
const models = new Map<string, Predictor>();
let before = 0;

beforeAll(async () => {
  await initNodeBackend('wasm');
  before = tf.memory().numTensors;
  sequential = await prepareExperiment(CONFIG);
  const base = prepareBase(CONFIG);
  const tasks = planTasks(CONFIG, { modelsPerTask: 1 });
  // Finish order of a busy pool: the last planned first, the target in the middle.
  const order = [...tasks.slice(1).reverse().slice(0, 3), tasks[0], ...tasks.slice(1).reverse().slice(3)];
  let target: TargetOutput | null = null;
  const groups: GroupOutput[] = [];
  for (const spec of order) {
    const run = await runTrainingTask(base, spec);
    run.models.forEach((p, label) => models.set(label, p));
    if (run.output.kind === 'target') target = run.output;
    else groups.push(run.output);
  }
  assembled = assembleArtifacts({ config: CONFIG, target: target!, groups, predictorFor: (label) => models.get(label)! });
});

afterAll(() => {
  disposeArtifacts(sequential);
  models.forEach((p) => p.dispose());
  expect(tf.memory().numTensors).toBe(before);
});

describe('tasks', () => {
  it('plan the target first, then one task per shadow and reference model', () => {
    expect(planTasks(CONFIG, { modelsPerTask: 1 }).map((t) => (t.kind === 'target' ? 'T' : `${t.kind[0]}${t.indices.join('')}`))).toEqual(['T', 's0', 's1', 's2', 'r0', 'r1', 'r2', 'r3']);
    expect(planTasks(CONFIG, { modelsPerTask: Infinity }).map((t) => (t.kind === 'target' ? [] : t.indices))).toEqual([[], [0, 1, 2], [0, 1, 2, 3]]);
    const lira = mergeConfig(CONFIG, { attack: { names: ['lira-online'] } });
    expect(planTasks(lira, { modelsPerTask: 1 })).toHaveLength(5);
    expect(planTasks(lira, { modelsPerTask: 1, withShadows: true })).toHaveLength(8);
  });

  it('assembled in any finishing order, give the sequential training stage’s data and outputs', () => {
    for (const field of ['candidates', 'pool', 'isMember', 'candidateRows', 'split', 'targetProbs', 'history', 'privacy', 'spec', 'options', 'key'] as const) {
      expect(assembled[field], field).toEqual(sequential[field]);
    }
    expect(assembled.dataset.x).toEqual(sequential.dataset.x);
    for (const group of ['shadows', 'references'] as const) {
      const a = assembled[group]!, s = sequential[group]!;
      expect(a.inMask, group).toEqual(s.inMask);
      expect(a.probs, group).toEqual(s.probs);
      expect(a.logits, group).toEqual(s.logits);
      expect(a.predictors.map((p) => p.stoppedEpoch)).toEqual(s.predictors.map((p) => p.stoppedEpoch));
    }
  });

  it('give the same attack results as the sequential stage', async () => {
    const result = async (a: Artifacts) => {
      const { timingsMs: _t, ...rest } = assembleResult(a, CONFIG, await runAttacks(a, CONFIG), {});
      return rest;
    };
    const [x, y] = [await result(assembled), await result(sequential)];
    expect(x.attacks.map((r) => r.auc)).toEqual(y.attacks.map((r) => r.auc));
    expect(x).toEqual(y);
  });

  it('let an attack run as soon as the models it needs exist', () => {
    const names = CONFIG.attack.names;
    expect(runnableAttacks(names, { shadows: 0, references: 0 })).toEqual(['gap']);
    expect(runnableAttacks(names, { shadows: 1, references: 1 })).toEqual(['gap', 'loss-threshold', 'shadow-model']);
    expect(runnableAttacks(names, { shadows: 1, references: 2 })).toEqual(names);
  });
});
