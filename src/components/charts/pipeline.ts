/**
 * @fileoverview The shadow-model pipeline's five stages and which of them an experiment phase has
 * reached. Pure.
 */

/** Experiment phases as the engine reports them (core/experiment/progress), null when idle. */
export type PipelinePhase = 'data' | 'target' | 'shadows' | 'references' | 'queries' | 'attacks' | 'done' | null;

export type StageState = 'todo' | 'active' | 'done';

/** The stages' labels, in order; "K" stands for the number of shadow models. */
export function stageLabels(shadows: number): string[] {
  return [
    'Proxy data',
    `${shadows} shadow model${shadows === 1 ? '' : 's'}`,
    'IN/OUT meta-dataset',
    'Attack classifier',
    "Verdict on the target's record",
  ];
}

/**
 * The stage each phase works on. Training the target belongs with the data stage (the attacker
 * cannot start imitating before there is a target); reference models are shadow models too;
 * querying the models builds the IN/OUT meta-dataset; running the attacks fits the classifier.
 */
const STAGE_OF: Record<Exclude<PipelinePhase, null | 'done'>, number> = {
  data: 0,
  target: 0,
  shadows: 1,
  references: 1,
  queries: 2,
  attacks: 3,
};

/** State of each of the five stages at `phase`: all todo when idle, all done when done. Pure. */
export function stageStates(phase: PipelinePhase): StageState[] {
  const at = phase === null ? -1 : phase === 'done' ? 5 : STAGE_OF[phase];
  return Array.from({ length: 5 }, (_, i) => (i < at ? 'done' : i === at ? 'active' : 'todo'));
}

const NOTES: Record<Exclude<PipelinePhase, null>, string> = {
  data: 'Drawing the data and the attacker’s proxy data.',
  target: 'Training the target model, the one under attack.',
  shadows: 'Training shadow models that imitate the target, with known members.',
  references: 'Training reference models on random halves of the data.',
  queries: 'Querying the models to label prediction vectors IN or OUT.',
  attacks: 'Fitting the attack and scoring the target’s records.',
  done: 'Done: every record has a verdict.',
};

/** What is happening now, in one sentence. Pure. */
export function phaseNote(phase: PipelinePhase): string {
  return phase === null ? 'Not started.' : NOTES[phase];
}

/** The text alternative of the whole diagram. Pure. */
export function pipelineDescription(phase: PipelinePhase, shadows: number): string {
  const labels = stageLabels(shadows);
  const states = stageStates(phase);
  const done = labels.filter((_, i) => states[i] === 'done');
  const active = labels.find((_, i) => states[i] === 'active');
  const parts = [`Shadow-model attack pipeline: ${labels.join(' → ')}.`];
  if (done.length > 0) parts.push(`Done: ${done.join(', ')}.`);
  if (active) parts.push(`Now: ${active}.`);
  parts.push(phaseNote(phase));
  return parts.join(' ');
}
