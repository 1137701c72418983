import { describe, expect, it } from 'vitest';
import { uncertaintyFacts } from './uncertainty-facts';
import type { LessonAttack } from './result';

const attack = { tprAt1: 0.17, tprAt01: 0.08, members: 200, nonMembers: 200 } as unknown as LessonAttack;

describe('uncertaintyFacts', () => {
  const out: Record<string, number | string | null> = {};
  uncertaintyFacts(attack, 'x.', out);

  it('recovers the count behind a rate and brackets it with a 95% interval', () => {
    expect(out['x.tprAt1Found']).toBe(34);
    expect(out['x.tprAt1Lo'] as number).toBeLessThan(0.17);
    expect(out['x.tprAt1Hi'] as number).toBeGreaterThan(0.17);
    // Exact binomial interval for 34/200 (R: binom.test(34, 200)$conf.int = 0.1208, 0.2293).
    expect(out['x.tprAt1Lo'] as number).toBeCloseTo(0.1208, 3);
    expect(out['x.tprAt1Hi'] as number).toBeCloseTo(0.2293, 3);
  });

  it('says 0.1% FPR on 200 non-members allows no false positive (0.2 of one)', () => {
    expect(out['x.fpAt1']).toBe(2);
    expect(out['x.fpAt01']).toBe(0);
    expect(out['x.fpAt01Exact']).toBeCloseTo(0.2, 10);
    expect(out['x.nonMembersForOneFpAt01']).toBe(1000);
    expect(out['x.nonMembersForTenFpAt01']).toBe(10000);
    // 0 of 200: the true FPR may still be as high as 1 − 0.025^(1/200) ≈ 1.83%.
    expect(out['x.fprUpperAtZeroFp'] as number).toBeCloseTo(1 - 0.025 ** (1 / 200), 6);
  });
});
