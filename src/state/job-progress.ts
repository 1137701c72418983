/**
 * @fileoverview Progress over one training job, from a snapshot of its state: the share of work
 * done, the earliest unfinished phase, the k/K counts the pipeline strip shows and the phase's
 * words. Pure: TrainingJob (job-runner-job.ts) takes the snapshot and reports the result.
 */
import type { Phase } from '../core/experiment/progress';
import type { AttackerGroup } from '../core/experiment/task-plan';
import type { GroupOutput, TaskSpec } from '../core/experiment/task-assembly';
import type { JobProgress } from './job-runner-types';

/** Progress weight of the attacks, in models (like core's phaseWeights). */
export const ATTACK_WEIGHT = 0.5;

/** What progress is computed from. */
export interface JobSnapshot {
  readonly state: 'training' | 'attacking' | 'done' | 'failed' | 'cancelled';
  readonly sizes: Readonly<Record<AttackerGroup, number>>;
  readonly targetDone: boolean;
  /** Finished attacker models, by group. */
  readonly groups: readonly GroupOutput[];
  /** Tasks under way, with epochs done of their total. */
  readonly running: Iterable<readonly [TaskSpec, { readonly done: number; readonly total: number }]>;
}

/** Attacker models of group `g` finished. Pure. */
export const finishedIn = (s: JobSnapshot, g: AttackerGroup): number => s.groups.filter((o) => o.kind === g).reduce((n, o) => n + o.indices.length, 0);

/** Work done in models (the target counts 1, each attacker model 1, the attacks ATTACK_WEIGHT), 0..1. Pure. */
export function jobFraction(s: JobSnapshot): number {
  const total = 1 + s.sizes.shadows + s.sizes.references + ATTACK_WEIGHT;
  if (s.state === 'done') return 1;
  let done = s.targetDone ? 1 : 0;
  for (const g of s.groups) done += g.indices.length;
  for (const [spec, r] of s.running) done += (spec.kind === 'target' ? 1 : spec.indices.length) * Math.min(1, r.done / Math.max(1, r.total));
  return Math.min(1, done / total);
}

/** The earliest unfinished stage: the data until the first epoch anywhere, then target, shadows, references, attacks. Pure. */
export function jobPhase(s: JobSnapshot): Phase {
  if (s.state === 'done') return 'done';
  if (s.state === 'attacking') return 'attacks';
  const any = s.targetDone || s.groups.length > 0 || [...s.running].some(([, r]) => r.done > 0);
  if (!any) return 'data';
  if (!s.targetDone) return 'target';
  if (finishedIn(s, 'shadows') < s.sizes.shadows) return 'shadows';
  if (finishedIn(s, 'references') < s.sizes.references) return 'references';
  return 'attacks';
}

/** The k/K counts: target epochs, and models of each attacker group the job trains. Pure. */
export function jobCounts(s: JobSnapshot, targetEpochs: number, epochs: number): JobProgress['counts'] {
  return {
    target: { done: targetEpochs, total: epochs },
    ...(s.sizes.shadows > 0 && { shadows: { done: finishedIn(s, 'shadows'), total: s.sizes.shadows } }),
    ...(s.sizes.references > 0 && { references: { done: finishedIn(s, 'references'), total: s.sizes.references } }),
  };
}

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** The phase in the progress bar's words. */
export const PHASE_LABELS: Record<Phase, (s: Readonly<Record<AttackerGroup, number>>) => string> = {
  data: () => 'preparing data',
  target: () => 'training the target model',
  shadows: (s) => `training ${plural(s.shadows, 'shadow model')}`,
  references: (s) => `training ${plural(s.references, 'reference model')}`,
  queries: () => 'querying the models',
  attacks: () => 'running the attacks',
  done: () => 'done',
};
