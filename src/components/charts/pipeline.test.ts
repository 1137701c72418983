import { describe, expect, it } from 'vitest';
import { pipelineDescription, stageLabels, stageStates } from './pipeline';

describe('pipeline stages', () => {
  it('lights the stage of the current phase and ticks the earlier ones', () => {
    expect(stageStates(null)).toEqual(['todo', 'todo', 'todo', 'todo', 'todo']);
    expect(stageStates('target')).toEqual(['active', 'todo', 'todo', 'todo', 'todo']);
    expect(stageStates('references')).toEqual(['done', 'active', 'todo', 'todo', 'todo']);
    expect(stageStates('attacks')).toEqual(['done', 'done', 'done', 'active', 'todo']);
    expect(stageStates('done')).toEqual(['done', 'done', 'done', 'done', 'done']);
  });

  it('names the shadow count and describes the state', () => {
    expect(stageLabels(1)[1]).toBe('1 shadow model');
    expect(stageLabels(8)[1]).toBe('8 shadow models');
    expect(pipelineDescription('queries', 8)).toBe(
      "Shadow-model attack pipeline: Proxy data → 8 shadow models → IN/OUT meta-dataset → Attack classifier → Verdict on the target's record. " +
        'Done: Proxy data, 8 shadow models. Now: IN/OUT meta-dataset. Querying the models to label prediction vectors IN or OUT.',
    );
  });
});
