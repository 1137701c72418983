import { describe, expect, it } from 'vitest';
import { ATTACK_NAMES, ATTACKS, attackAvailable, isAttackName } from './registry';

describe('attack registry', () => {
  it('lists exactly the names of the CLI contract, each described', () => {
    expect([...ATTACK_NAMES]).toEqual([
      'gap', 'loss-threshold', 'confidence-threshold', 'entropy-threshold', 'mentropy-threshold',
      'shadow-model', 'lira-online', 'lira-offline', 'label-only', 'gradient-norm',
    ]);
    for (const name of ATTACK_NAMES) {
      expect(ATTACKS[name].name).toBe(name);
      expect(ATTACKS[name].title.length).toBeGreaterThan(0);
      expect(ATTACKS[name].citation).toMatch(/20\d\d/);
    }
    expect(isAttackName('lira-online')).toBe(true);
    expect(isAttackName('lira')).toBe(false);
  });

  it('rules out score attacks behind a label-only API', () => {
    const label = { kind: 'label' } as const;
    expect(ATTACK_NAMES.filter((n) => attackAvailable(n, label))).toEqual(['gap', 'label-only', 'gradient-norm']);
    expect(ATTACK_NAMES.every((n) => attackAvailable(n, { kind: 'top-k', k: 1 }))).toBe(true);
  });
});
