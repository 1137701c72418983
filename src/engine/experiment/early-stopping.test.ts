/**
 * @fileoverview Early stopping evaluates no untrained row as a member. The trainer reports every
 * step's rows (the onTrainingBatch test seam); every record counted as a member of the target, of
 * a shadow model or of a reference model must have entered at least one of that model's batches,
 * and the validation rows early stopping watches lie outside every evaluated set. (Before the fix,
 * the validation rows were carved out of the members and still labelled members.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../cli/tf-node';
import { presetConfig } from '../../lessons/presets';
import { mergeConfig, type ExperimentConfig } from '../../core/experiment/config';
import { prepareExperiment } from './prepare';
import { privacyFor, rowsPerModel } from '../../core/experiment/recipe';
import { attackExperiment } from './run';
import { disposeArtifacts, type Artifacts, type RecordSet } from '../../core/experiment/artifacts';
import { dpStepsPerEpoch } from '../../core/train/dp-schedule';
import type { TrainingBatch } from '../../core/models/types';

/** Lesson 7's patient model with early stopping, a short run, shadows and references. */
const CONFIG: ExperimentConfig = mergeConfig(presetConfig('lesson-defenses'), {
  train: { epochs: 12, earlyStopping: true, patience: 2 },
  attack: { names: ['loss-threshold', 'shadow-model', 'lira-online'], shadows: 2, references: 4 },
});

/** A row's features as a key (patient records are continuous: no two rows share one). */
const key = (set: { x: Float32Array; d: number }, r: number) => set.x.subarray(r * set.d, (r + 1) * set.d).join(',');
const keys = (set: RecordSet | null) => new Set(set ? Array.from({ length: set.n }, (_, r) => key(set, r)) : []);

/** Trains `config` and records, per group and model, the features of every row it trained on. */
async function trainRecorded(config: ExperimentConfig): Promise<{ a: Artifacts; trained: Map<string, Set<string>> }> {
  const trained = new Map<string, Set<string>>();
  const onTrainingBatch = (group: string, b: TrainingBatch) => {
    const id = `${group}-${b.model}`;
    if (!trained.has(id)) trained.set(id, new Set());
    for (let i = 0; i < b.rows.length; i++) trained.get(id)!.add(key(b.data, b.rows[i]));
  };
  return { a: await prepareExperiment(config, { onTrainingBatch }), trained };
}

/** Rows of `set` flagged IN by `mask` (offset `at`) that the model `id` never trained on. */
function untrainedMembers(set: RecordSet, mask: Uint8Array, at: number, trained: Set<string> | undefined): number {
  let missing = 0;
  for (let r = 0; r < set.n; r++) if (mask[at + r] && !trained?.has(key(set, r))) missing++;
  return missing;
}

let run: { a: Artifacts; trained: Map<string, Set<string>> };
beforeAll(async () => {
  await initNodeBackend('wasm');
  run = await trainRecorded(CONFIG);
});
afterAll(() => disposeArtifacts(run.a));

describe('early stopping evaluates only trained rows as members', () => {
  it('stopped early on validation rows held out from members, non-members and the pool', () => {
    const { a } = run;
    expect(a.target.stoppedEpoch).toBeLessThan(CONFIG.train.epochs);
    expect(a.validation.target?.n).toBe(30); // 0.15 × 200 members
    expect(a.validation.attacker?.n).toBe(30); // 0.15 × half the 400-row pool
    const owner = keys(a.validation.target), attacker = keys(a.validation.attacker);
    for (const other of [keys(a.candidates), keys(a.pool), attacker]) {
      expect([...owner].filter((k) => other.has(k))).toEqual([]);
    }
    for (const other of [keys(a.candidates), keys(a.pool)]) expect([...attacker].filter((k) => other.has(k))).toEqual([]);
  });

  it('trained the target on every member', () => {
    const { a, trained } = run;
    expect(untrainedMembers(a.candidates, a.isMember, 0, trained.get('target-0'))).toBe(0);
    expect(a.isMember.filter((m) => m === 1)).toHaveLength(CONFIG.split.targetMembers);
  });

  it('trained every shadow model on every record of its IN half', () => {
    const { a, trained } = run;
    const n = a.pool.n;
    a.shadows!.predictors.forEach((_, s) => expect(untrainedMembers(a.pool, a.shadows!.inMask, s * n, trained.get(`shadows-${s}`)), `shadow ${s}`).toBe(0));
  });

  it('trained every reference model on every record of its IN half', () => {
    const { a, trained } = run;
    const n = a.candidates.n;
    a.references!.predictors.forEach((_, m) => expect(untrainedMembers(a.candidates, a.references!.inMask, m * n, trained.get(`references-${m}`)), `reference ${m}`).toBe(0));
  });

  it('reports the target’s training accuracy on trained rows only, and runs the attacks', async () => {
    const result = await attackExperiment(run.a, CONFIG);
    expect(result.target.trainAccuracy).toBeGreaterThan(result.target.testAccuracy);
    expect(result.attacks.map((r) => r.name)).toEqual(CONFIG.attack.names);
  });

  it('trains every member of a disjoint ensemble (each part early-stops on the same hold-out)', async () => {
    const config = mergeConfig(CONFIG, { train: { ensemble: 2, epochs: 4 }, attack: { names: ['loss-threshold'], shadows: 1 } });
    const { a, trained } = await trainRecorded(config);
    try {
      const union = new Set([...(trained.get('target-0') ?? []), ...(trained.get('target-1') ?? [])]);
      expect(untrainedMembers(a.candidates, a.isMember, 0, union)).toBe(0);
    } finally {
      disposeArtifacts(a);
    }
  });
});

describe('early stopping under DP-SGD', () => {
  const dp = mergeConfig(CONFIG, { dp: { enabled: true, noiseMultiplier: 1.2 } });

  it('says that choosing the epoch on validation rows is outside the ε accounting', () => {
    const notes = privacyFor(dp, rowsPerModel(dp))!.notes;
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/outside the ε accounting/);
    expect(notes[0]).toMatch(/all 12 planned epochs/);
    const noStopping = mergeConfig(dp, { train: { earlyStopping: false } });
    expect(privacyFor(noStopping, rowsPerModel(noStopping))!.notes).toEqual([]);
  });

  it('reports ε for the planned epochs even when training stopped sooner', async () => {
    // A large step under DP noise: the validation loss soon stops improving.
    const { a } = await trainRecorded(mergeConfig(dp, { train: { patience: 1, learningRate: 0.05 }, attack: { shadows: 1 } }));
    try {
      expect(a.target.stoppedEpoch).toBeLessThan(dp.train.epochs);
      expect(a.privacy!.steps).toBe(dp.train.epochs * dpStepsPerEpoch(a.privacy!.sampleRate));
    } finally {
      disposeArtifacts(a);
    }
  });
});
