import { describe, expect, it } from 'vitest';
import type { GroupOutput, TaskSpec } from '../core/experiment/task-assembly';
import { ATTACK_WEIGHT, jobCounts, jobFraction, jobPhase, PHASE_LABELS, type JobSnapshot } from './job-progress';

const group = (kind: 'shadows' | 'references', indices: number[]) => ({ kind, indices }) as unknown as GroupOutput;
const sizes = { shadows: 2, references: 4 };
const base: JobSnapshot = { state: 'training', sizes, targetDone: false, groups: [], running: [] };

describe('job progress', () => {
  it('starts at the data, then names the earliest unfinished stage', () => {
    expect(jobPhase(base)).toBe('data');
    const target: TaskSpec = { kind: 'target' };
    expect(jobPhase({ ...base, running: [[target, { done: 1, total: 40 }]] })).toBe('target');
    // References finishing first do not skip the shadows.
    expect(jobPhase({ ...base, targetDone: true, groups: [group('references', [0, 1, 2, 3])] })).toBe('shadows');
    expect(jobPhase({ ...base, targetDone: true, groups: [group('shadows', [0, 1]), group('references', [0, 1])] })).toBe('references');
    expect(jobPhase({ ...base, targetDone: true, groups: [group('shadows', [0, 1]), group('references', [0, 1, 2, 3])] })).toBe('attacks');
    expect(jobPhase({ ...base, state: 'attacking' })).toBe('attacks');
    expect(jobPhase({ ...base, state: 'done' })).toBe('done');
  });

  it('counts work in models, a running task by its share of epochs', () => {
    const total = 1 + 2 + 4 + ATTACK_WEIGHT;
    const shadowTask: TaskSpec = { kind: 'shadows', indices: [0, 1] };
    const s: JobSnapshot = { ...base, targetDone: true, groups: [group('references', [0])], running: [[shadowTask, { done: 10, total: 40 }]] };
    expect(jobFraction(s)).toBeCloseTo((1 + 1 + 2 * 0.25) / total, 9);
    expect(jobFraction({ ...base, state: 'done' })).toBe(1);
    expect(jobCounts(s, 40, 40)).toEqual({ target: { done: 40, total: 40 }, shadows: { done: 0, total: 2 }, references: { done: 1, total: 4 } });
    expect(jobCounts({ ...s, sizes: { shadows: 0, references: 0 } }, 3, 40)).toEqual({ target: { done: 3, total: 40 } });
  });

  it('words each phase with its counts', () => {
    expect(PHASE_LABELS.shadows(sizes)).toBe('training 2 shadow models');
    expect(PHASE_LABELS.references({ shadows: 0, references: 1 })).toBe('training 1 reference model');
  });
});
