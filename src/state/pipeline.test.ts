import { describe, expect, it } from 'vitest';
import { foldProgress, pipelineDescription, runStages, type RunProgress } from './pipeline';

const PLAN = { epochs: 30, shadows: 4, references: 8 };
const states = (p: RunProgress | null, plan = PLAN) => Object.fromEntries(runStages(plan, p).map((s) => [s.key, s.state]));

describe('pipeline stages', () => {
  it('lights the target while the target trains, not the data or the shadows', () => {
    const p = foldProgress(foldProgress(null, 'data'), 'target', { done: 12, total: 30 });
    expect(states(p)).toEqual({ data: 'done', target: 'active', shadows: 'todo', references: 'todo', attacks: 'todo' });
    const target = runStages(PLAN, p).find((s) => s.key === 'target');
    expect(target?.count).toEqual({ done: 12, total: 30 });
  });

  it('lights the reference models (with their count) while they train, after the shadows finished', () => {
    let p = foldProgress(null, 'shadows', { done: 4, total: 4 });
    p = foldProgress(p, 'references', { done: 3, total: 8 });
    expect(states(p)).toEqual({ data: 'done', target: 'done', shadows: 'done', references: 'active', attacks: 'todo' });
    const refs = runStages(PLAN, p).find((s) => s.key === 'references');
    expect(refs?.label).toBe('8 reference models');
    expect(refs?.count).toEqual({ done: 3, total: 8 });
  });

  it('shows shadow and reference models side by side when a pool trains both at once', () => {
    let p = foldProgress(null, 'shadows', { done: 1, total: 4 });
    p = foldProgress(p, 'references', { done: 2, total: 8 });
    p = foldProgress(p, 'shadows', { done: 2, total: 4 });
    expect(states(p)).toMatchObject({ shadows: 'active', references: 'active' });
    expect(runStages(PLAN, p).find((s) => s.key === 'shadows')?.count).toEqual({ done: 2, total: 4 });
  });

  it('lights shadow models that a pool trains beside the target, but not idle ones', () => {
    let p = foldProgress(null, 'target', { done: 3, total: 30 });
    expect(states(p)).toMatchObject({ target: 'active', shadows: 'todo', references: 'todo' });
    p = foldProgress(foldProgress(p, 'shadows', { done: 1, total: 4 }), 'target', { done: 4, total: 30 });
    expect(states(p)).toMatchObject({ data: 'done', target: 'active', shadows: 'active', references: 'todo' });
    // A pool reports 0 of 8 reference models from the start: not running yet, so not lit.
    p = foldProgress(p, 'references', { done: 0, total: 8 });
    p = foldProgress(p, 'target', { done: 5, total: 30 });
    expect(states(p)).toMatchObject({ target: 'active', shadows: 'active', references: 'todo' });
  });

  it('leaves out groups the run does not train, and ticks everything when done', () => {
    expect(runStages({ epochs: 5, shadows: 0, references: 0 }, null).map((s) => s.key)).toEqual(['data', 'target', 'attacks']);
    expect(Object.values(states(foldProgress(null, 'done')))).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(Object.values(states(null))).toEqual(['todo', 'todo', 'todo', 'todo', 'todo']);
  });

  it('an attack-only rerun (models reused) marks the training stages done', () => {
    expect(states(foldProgress(null, 'attacks'))).toEqual({ data: 'done', target: 'done', shadows: 'done', references: 'done', attacks: 'active' });
  });

  it('describes the state in words, with counts', () => {
    const p = foldProgress(foldProgress(null, 'shadows', { done: 4, total: 4 }), 'references', { done: 5, total: 8 });
    expect(pipelineDescription(runStages(PLAN, p), p.phase)).toBe(
      'Run stages: Data → Target model → 4 shadow models → 8 reference models → Attacks. ' +
        'Done: Data, Target model, 4 shadow models. Now: 8 reference models (5 of 8 trained). ' +
        'Training reference models on random halves of the data, for LiRA and RMIA.',
    );
  });
});
