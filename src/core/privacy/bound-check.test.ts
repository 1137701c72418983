import { describe, expect, it } from 'vitest';
import { checkAgainstBound, type BoundCheckInput } from './bound-check';
import { clopperPearson } from './audit';

/** An attack on `members`/`nonMembers` records that caught `tp` members at every reported FPR. */
function attack(tp: number, members: number, nonMembers: number): BoundCheckInput {
  const tpr = tp / members;
  return { name: 'lira-online', title: 'LiRA (online)', members, nonMembers, tprAtFpr: { '0.1': tpr, '0.01': tpr, '0.001': tpr } };
}
const at1 = (points: ReturnType<typeof checkAgainstBound>) => points.find((p) => p.fpr === 0.01)!;

describe('checkAgainstBound', () => {
  it('a point over the cap whose interval reaches inside is sampling noise (3.5% against 2.7% at ε = 1)', () => {
    const p = at1(checkAgainstBound([attack(7, 200, 200)], 1, 1e-5));
    expect(p.tpr).toBe(0.035);
    expect(p.interval).toEqual(clopperPearson(7, 200));
    expect(p.cap).toBeCloseTo(Math.E * 0.01 + 1e-5, 12);
    expect(p.interval.lower).toBeLessThan(p.cap);
    expect(p.status).toBe('noise');
    // At 10% FPR the cap is 27%: the same 3.5% is well inside.
    expect(checkAgainstBound([attack(7, 200, 200)], 1, 1e-5).find((q) => q.fpr === 0.1)!.status).toBe('below');
  });

  it('an interval above the cap that noise in the FPR and the many points checked still explain is "unlikely"', () => {
    const p = at1(checkAgainstBound([attack(30, 500, 500)], 1, 1e-5));
    expect(p.interval.lower).toBeGreaterThan(p.cap);
    expect(p.status).toBe('unlikely');
  });

  it('flags a point no noise explains: the DP code is broken', () => {
    const p = at1(checkAgainstBound([attack(100, 500, 500)], 1, 1e-5));
    expect(p.status).toBe('outside');
    // Under a weaker guarantee the same point is fine.
    expect(at1(checkAgainstBound([attack(100, 500, 500)], 4, 1e-5)).status).toBe('below');
  });
});
