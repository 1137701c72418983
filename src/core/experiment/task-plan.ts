/**
 * @fileoverview The training stage's plan: which models a job trains, cut into tasks that can run
 * anywhere (one worker each, in any order), and which attacks can run on the models that exist so
 * far. Pure; the page's job runner plans with it, the engine's tasks.ts trains each task, and
 * engine/experiment/task-assembly.ts puts the artifacts back together.
 */
import { ATTACKS, type AttackName } from '../attacks/registry';
import type { ExperimentConfig } from './config';
import { needsReferences, needsShadows } from './needs';

/** The attacker's two groups of models: shadows (calibration) and references (LiRA, RMIA). */
export type AttackerGroup = 'shadows' | 'references';

/** One unit of training work: the target, or some models of an attacker group. */
export type TaskSpec =
  | { readonly kind: 'target' }
  | { readonly kind: AttackerGroup; readonly indices: readonly number[] };

/** The name a model goes by in caches and worker stores: "target", "shadow-3", "reference-0". */
export function modelLabel(kind: 'target' | AttackerGroup, index = 0): string {
  return kind === 'target' ? 'target' : `${kind === 'shadows' ? 'shadow' : 'reference'}-${index}`;
}

/** How many models of each attacker group a job trains. */
export function groupSizes(config: ExperimentConfig, opts: { readonly withShadows?: boolean } = {}): Record<AttackerGroup, number> {
  return {
    shadows: needsShadows(config) || opts.withShadows ? config.attack.shadows : 0,
    references: needsReferences(config) ? config.attack.references : 0,
  };
}

/**
 * The tasks of one job, in the order they should start: the target, then the shadow models (the
 * threshold attacks need only one to show numbers), then the reference models. `modelsPerTask`
 * groups models into one task (Infinity: a whole group, for batched training on a GPU).
 */
export function planTasks(config: ExperimentConfig, opts: { readonly modelsPerTask: number; readonly withShadows?: boolean }): TaskSpec[] {
  const sizes = groupSizes(config, opts);
  const per = Math.max(1, Math.min(opts.modelsPerTask, 1e6));
  const tasks: TaskSpec[] = [{ kind: 'target' }];
  for (const kind of ['shadows', 'references'] as const) {
    for (let first = 0; first < sizes[kind]; first += per) {
      const indices = Array.from({ length: Math.min(per, sizes[kind] - first) }, (_, k) => first + k);
      tasks.push({ kind, indices });
    }
  }
  return tasks;
}

/**
 * The attacks of `names` that can run on what exists so far: the gap attack needs only the
 * target; attacks calibrated on shadow models need one; LiRA needs two reference models (one
 * gives no spread). Order kept.
 */
export function runnableAttacks(names: readonly AttackName[], have: { readonly shadows: number; readonly references: number }): AttackName[] {
  return names.filter((name) => {
    const info = ATTACKS[name];
    if (info.usesReferenceModels && have.references < 2) return false;
    if (name !== 'gap' && info.usesShadowModels && have.shadows < 1) return false;
    return true;
  });
}
