import { describe, expect, it } from 'vitest';
import { gradeReport, type DefenseOption } from './redteam';
import type { LessonResult } from '../../lessons/result';

const attack = (name: string, auc: number, tprAt1: number) =>
  ({ name, title: name, auc, tprAt1, accuracy: 0.8, tprAt10: 0.6 }) as unknown as LessonResult['attacks'][number];
const truth = { attacks: [attack('loss-threshold', 0.9, 0.2), attack('lira-online', 0.85, 0.22), attack('label-only', 0.88, 0)] } as unknown as LessonResult;
const defenses: DefenseOption[] = [
  { value: 'dp', label: 'DP', accept: true, why: 'bounds every attack' },
  { value: 'round', label: 'Round', accept: false, why: 'label-only still works' },
];
const tol = { auc: 0.03, tpr: 0.04 };

describe('audit report grading', () => {
  it('accepts any attack close to the best at 1% FPR, with its own numbers', () => {
    const items = gradeReport({ attack: 'loss-threshold', auc: 0.91, tprPercent: 19, defense: 'dp' }, truth, defenses, tol);
    expect(items.map((i) => i.ok)).toEqual([true, true, true, true]);
  });

  it('explains a weak attack choice, a wrong number and a rejected defense', () => {
    const items = gradeReport({ attack: 'label-only', auc: 0.7, tprPercent: 80, defense: 'round' }, truth, defenses, tol);
    expect(items.map((i) => i.ok)).toEqual([false, false, false, false]);
    expect(items[0].detail).toMatch(/lira-online finds 22.0%/);
    expect(items[2].detail).toMatch(/looks like its accuracy/);
    expect(items[3].detail).toBe('label-only still works');
  });
});
