import { describe, expect, it } from 'vitest';
import { exposedAt, gradeReasoning } from './redteam-reasoning';
import type { LessonResult } from '../../lessons/result';

const lira = { name: 'lira-online', title: 'LiRA', auc: 0.97, tprAt01: 0.4, tprAt1: 0.645, tprAt10: 0.9, members: 200, nonMembers: 200 } as unknown as LessonResult['attacks'][number];
const truth = { attacks: [lira] } as unknown as LessonResult;

describe('audit reasoning', () => {
  it('counts the members and false positives behind a rate', () => {
    expect(exposedAt(lira, '0.01')).toEqual({ found: 129, falsePositives: 2 });
    expect(exposedAt(lira, '0.001')).toEqual({ found: 80, falsePositives: 0 });
  });

  it('accepts a report cited by TPR at 1% FPR with the right member count', () => {
    const items = gradeReasoning({ reason: 'tpr-low-fpr', fpr: '0.01', members: 128 }, 'lira-online', truth, 0.04);
    expect(items.map((i) => i.ok)).toEqual([true, true, true]);
    expect(items[2].detail).toContain('129 of 200');
  });

  it('rejects copied numbers without reasoning: AUC as the reason, 10% FPR, the wrong count', () => {
    const items = gradeReasoning({ reason: 'auc', fpr: '0.1', members: 129 }, 'lira-online', truth, 0.04);
    expect(items.map((i) => i.ok)).toEqual([false, false, false]);
    expect(items[1].detail).toContain('20 of the 200 non-members');
    // 129 is the count at 1% FPR; at 10% FPR the attack flags 180.
    expect(items[2].detail).toContain('180 of 200');
  });

  it('asks for an FPR before it can check a count', () => {
    const items = gradeReasoning({ reason: '', fpr: '', members: NaN }, 'lira-online', truth, 0.04);
    expect(items.map((i) => i.label)).toEqual(['Why this attack', 'False positive rate']);
    expect(items.every((i) => !i.ok)).toBe(true);
  });
});
