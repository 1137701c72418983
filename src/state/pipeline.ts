/**
 * @fileoverview The run's stages as the pipeline strip shows them: data, the target, shadow
 * models k/K, reference models k/M and the attacks. Each stage lights up only while that work
 * really runs, with its count, so the strip never claims "4 shadow models" while 8 reference
 * models train. Pure.
 */
import type { ExperimentConfig } from '../core/experiment/config';
import { needsReferences, needsShadows } from '../core/experiment/needs';

/** Experiment phases as the engine reports them (core/experiment/progress), null when idle. */
export type PipelinePhase = 'data' | 'target' | 'shadows' | 'references' | 'queries' | 'attacks' | 'done' | null;

export type StageState = 'todo' | 'active' | 'done';
export type StageKey = 'data' | 'target' | 'shadows' | 'references' | 'attacks';
type CountedStage = 'target' | 'shadows' | 'references';

/** Work finished within a stage: epochs of the target, models of a shadow or reference group. */
export interface StageCount {
  readonly done: number;
  readonly total: number;
}

/** What a run has reported so far: its latest phase and each counted stage's progress. */
export interface RunProgress {
  readonly phase: PipelinePhase;
  readonly counts: Readonly<Partial<Record<CountedStage, StageCount>>>;
}

/** Which model groups a run trains (0 = none: that stage is left out). */
export interface RunPlan {
  readonly epochs: number;
  readonly shadows: number;
  readonly references: number;
}

/** The plan of a config: the target's epochs and the attacker models its attacks need. Pure. */
export function pipelinePlan(config: ExperimentConfig): RunPlan {
  return {
    epochs: config.train.epochs,
    shadows: needsShadows(config) ? config.attack.shadows : 0,
    references: needsReferences(config) ? config.attack.references : 0,
  };
}

/** One box of the strip. */
export interface Stage {
  readonly key: StageKey;
  readonly label: string;
  readonly state: StageState;
  /** "3/8": models (or the target's epochs) finished of those planned; null when not counted. */
  readonly count: StageCount | null;
}

/**
 * Order of the phases. Shadow and reference models share a rank: a worker pool may train them
 * side by side, so neither is "after" the other; querying belongs to the attacks.
 */
const RANK: Record<Exclude<PipelinePhase, null>, number> = { data: 0, target: 1, shadows: 2, references: 2, queries: 3, attacks: 3, done: 4 };
const STAGE_RANK: Record<StageKey, number> = { data: 0, target: 1, shadows: 2, references: 2, attacks: 3 };

/**
 * Folds one progress event into the run's progress. `models` counts finished models (or epochs
 * for the target) of the event's phase; counts only grow within a run. Pure: returns a new value.
 */
export function foldProgress(prev: RunProgress | null, phase: Exclude<PipelinePhase, null>, models?: StageCount): RunProgress {
  const counts = { ...(prev?.counts ?? {}) };
  if (models && (phase === 'target' || phase === 'shadows' || phase === 'references')) {
    const before = counts[phase];
    counts[phase] = { done: Math.max(before?.done ?? 0, Math.min(models.done, models.total)), total: models.total };
  }
  return { phase, counts };
}

function label(key: StageKey, plan: RunPlan): string {
  if (key === 'data') return 'Data';
  if (key === 'target') return 'Target model';
  if (key === 'attacks') return 'Attacks';
  const n = key === 'shadows' ? plan.shadows : plan.references;
  return `${n} ${key === 'shadows' ? 'shadow' : 'reference'} model${n === 1 ? '' : 's'}`;
}

function stateOf(key: StageKey, progress: RunProgress | null): StageState {
  const phase = progress?.phase ?? null;
  if (phase === null) return 'todo';
  if (phase === 'done') return 'done';
  const at = RANK[phase];
  const own = STAGE_RANK[key];
  if (own < at) return 'done';
  // A counted group that reported progress is running, whatever the leading phase: a worker
  // pool may train shadow models beside the target, or reference models beside the shadows.
  // A pool reports every group's count from the start, so a count of 0 alone says nothing.
  const c = key === 'target' || key === 'shadows' || key === 'references' ? progress?.counts[key] : undefined;
  if (c && c.total > 0 && c.done >= c.total) return 'done';
  if (c && c.done > 0) return 'active';
  if (own > at) return 'todo';
  // Shadow and reference models share a rank: only the group the phase names is running.
  return (key === 'shadows' || key === 'references') && phase !== key ? 'todo' : 'active';
}

/** The strip's stages for `plan` at `progress` (null: idle, before any run). Pure. */
export function runStages(plan: RunPlan, progress: RunProgress | null): Stage[] {
  const keys: StageKey[] = ['data', 'target', ...(plan.shadows > 0 ? ['shadows' as const] : []), ...(plan.references > 0 ? ['references' as const] : []), 'attacks'];
  return keys.map((key) => {
    const state = stateOf(key, progress);
    const planned = key === 'target' ? plan.epochs : key === 'shadows' ? plan.shadows : key === 'references' ? plan.references : 0;
    const reported = key === 'target' || key === 'shadows' || key === 'references' ? progress?.counts[key] : undefined;
    const count = planned > 0 ? { done: state === 'done' ? planned : state === 'todo' ? 0 : Math.min(planned, reported?.done ?? 0), total: planned } : null;
    return { key, label: label(key, plan), state, count };
  });
}

/** "epoch 12 of 30" / "3 of 8 trained" for a counted stage. Pure. */
export function countText(stage: Stage): string {
  if (!stage.count) return '';
  return stage.key === 'target' ? `epoch ${stage.count.done} of ${stage.count.total}` : `${stage.count.done} of ${stage.count.total} trained`;
}

/** The compact count shown in the box: "12/30". Pure. */
export function countShort(stage: Stage): string {
  return stage.count ? `${stage.count.done}/${stage.count.total}` : '';
}

const NOTES: Record<Exclude<PipelinePhase, null>, string> = {
  data: 'Drawing the data and the attacker’s proxy data.',
  target: 'Training the target model, the one under attack.',
  shadows: 'Training shadow models that imitate the target, with known members.',
  references: 'Training reference models on random halves of the data, for LiRA and RMIA.',
  queries: 'Querying the target and the attacker’s models.',
  attacks: 'Running the attacks and scoring the target’s records.',
  done: 'Done: every record has a verdict.',
};

/** What is happening now, in one sentence. Pure. */
export function phaseNote(phase: PipelinePhase): string {
  return phase === null ? 'Not started.' : NOTES[phase];
}

/** The text alternative of the whole strip. Pure. */
export function pipelineDescription(stages: readonly Stage[], phase: PipelinePhase): string {
  const describe = (s: Stage) => `${s.label}${s.count && s.state === 'active' ? ` (${countText(s)})` : ''}`;
  const parts = [`Run stages: ${stages.map((s) => s.label).join(' → ')}.`];
  const done = stages.filter((s) => s.state === 'done');
  const active = stages.filter((s) => s.state === 'active');
  if (done.length > 0 && phase !== 'done') parts.push(`Done: ${done.map((s) => s.label).join(', ')}.`);
  if (active.length > 0) parts.push(`Now: ${active.map(describe).join(' and ')}.`);
  parts.push(phaseNote(phase));
  return parts.join(' ');
}
