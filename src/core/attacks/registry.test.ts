import { describe, expect, it } from 'vitest';
import { ATTACK_NAMES, ATTACKS, attackAvailable, attackInfo, attackTitle, isAttackName } from './registry';

describe('attack registry', () => {
  it('lists exactly the names of the CLI contract, each described', () => {
    expect([...ATTACK_NAMES]).toEqual([
      'gap', 'loss-threshold', 'confidence-threshold', 'entropy-threshold', 'mentropy-threshold',
      'shadow-model', 'lira-online', 'lira-offline', 'rmia', 'label-only', 'gradient-norm',
    ]);
    for (const name of ATTACK_NAMES) {
      expect(ATTACKS[name].name).toBe(name);
      expect(ATTACKS[name].title.length).toBeGreaterThan(0);
      expect(ATTACKS[name].citation).toMatch(/20\d\d/);
      expect(ATTACKS[name].threatModel.length).toBeGreaterThan(20);
    }
    expect(isAttackName('lira-online')).toBe(true);
    expect(isAttackName('lira')).toBe(false);
  });

  it('rules out score attacks behind a label-only API', () => {
    const label = { kind: 'label' } as const;
    expect(ATTACK_NAMES.filter((n) => attackAvailable(n, label))).toEqual(['gap', 'label-only', 'gradient-norm']);
    expect(attackAvailable('rmia', label)).toBe(false);
    expect(ATTACK_NAMES.every((n) => attackAvailable(n, { kind: 'top-k', k: 1 }))).toBe(true);
  });
});

describe('variant names', () => {
  it('names the shadow-model variant after its paper, with that paper as the citation', () => {
    expect(attackTitle('shadow-model')).toBe('Shadow-model attack (Salem et al.)');
    expect(attackInfo('shadow-model', { shadowVariant: 'salem' }).citation).toMatch(/^Salem/);
    expect(attackTitle('shadow-model', { shadowVariant: 'shokri' })).toBe('Shadow-model attack (Shokri et al.)');
    expect(attackInfo('shadow-model', { shadowVariant: 'shokri' }).citation).toMatch(/^Shokri/);
  });

  it('says whether modified entropy uses per-class thresholds and whether RMIA is offline', () => {
    expect(attackTitle('mentropy-threshold')).toMatch(/per class/);
    expect(attackTitle('mentropy-threshold', { mentropyThresholds: 'global' })).toMatch(/global/);
    expect(attackTitle('rmia')).toBe('RMIA (offline)');
    expect(attackTitle('rmia', { rmiaSetting: 'online' })).toBe('RMIA (online)');
    expect(attackTitle('lira-online', { shadowVariant: 'shokri' })).toBe('LiRA (online)');
    expect(attackTitle('not-an-attack')).toBe('not-an-attack');
  });

  it('states that LiRA and RMIA assume the attacker holds the candidate records', () => {
    for (const name of ['lira-online', 'lira-offline', 'rmia'] as const) {
      expect(ATTACKS[name].threatModel, name).toMatch(/holds the candidate records/i);
      expect(attackInfo(name, { rmiaSetting: 'online' }).threatModel, name).toMatch(/holds the candidate records/i);
    }
    expect(ATTACKS['shadow-model'].threatModel).toMatch(/disjoint/);
  });
});
