/**
 * @fileoverview The attack registry is complete: every attack setting in the schema belongs to
 * exactly one plugin (or is attacker-wide), shows a label and option names on screen, applies only
 * when its attack is chosen, and a plugin's controls land in the Attacker group. The config type's
 * attack settings are the attacker-wide ones plus exactly the plugins' own (AttackSettings), checked
 * by the compiler (tsconfig.node.json type-checks this file) and at run time. A new attack that
 * forgets one of these fails here, not on a page.
 */
import { describe, expect, it } from 'vitest';
import { ATTACK_FIELDS, ATTACK_NAMES, ATTACK_PLUGINS, attackField, type AttackFieldPath, type AttackSettings } from '../../src/core/attacks/registry';
import type { AttackSettingPath } from '../../src/core/attacks/plugin';
import { FIELDS, fieldSpec } from '../../src/core/experiment/schema';
import { defaultConfig, mergeConfig, readField, type ConfigCore, type ExperimentConfig } from '../../src/core/experiment/config';
import { HELP, LABELS, OPTION_LABELS } from '../../src/state/field-meta';
import { CONTROL_GROUPS } from '../../src/state/control-groups';
import { fieldApplies } from '../../src/state/field-applies';

/** Settings of the attacker as a whole, read by several attacks or by the model training. */
const ATTACKER_WIDE = ['attack.names', 'attack.shadows', 'attack.references', 'attack.guessWidth', 'attack.guessEpochs', 'attack.knowsAugmentation'] as const;

/** True when A and B are the same type (not merely assignable one way). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
type Paths<T> = `attack.${keyof T & string}`;

// Each line fails to compile when false; the tests below also assert them, so the names are used.
/** The registry's AttackSettings holds a type for every plugin's field, and no other. */
const settingsAreThePluginFields: Equal<AttackSettingPath<AttackSettings>, AttackFieldPath> = true;
/** config.ts keeps by hand only the attacker-wide settings. */
const handKeptAreAttackerWide: Equal<Paths<ConfigCore['attack']>, (typeof ATTACKER_WIDE)[number]> = true;
/** The config's attack settings are the attacker-wide ones and the plugins' fields. */
const configIsBoth: Equal<Paths<ExperimentConfig['attack']>, (typeof ATTACKER_WIDE)[number] | AttackFieldPath> = true;

describe('attack plugins', () => {
  it('are listed once each, in the reported order, with unique settings', () => {
    expect(ATTACK_PLUGINS.map((p) => p.name)).toEqual([...ATTACK_NAMES]);
    expect(new Set(ATTACK_NAMES).size).toBe(ATTACK_NAMES.length);
    const paths = ATTACK_FIELDS.map((f) => f.spec.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('own every attack setting in the schema that is not attacker-wide', () => {
    const attackRows = FIELDS.map((f) => f.path).filter((p) => p.startsWith('attack.'));
    for (const path of attackRows) {
      const owners = ATTACK_PLUGINS.filter((p) => p.fields?.some((f) => f.spec.path === path));
      expect(owners.length, path).toBe((ATTACKER_WIDE as readonly string[]).includes(path) ? 0 : 1);
    }
    expect(attackRows.length).toBe(ATTACKER_WIDE.length + ATTACK_FIELDS.length);
  });

  it('make up the config type: every field a key of its attack settings, in the default config', () => {
    expect([settingsAreThePluginFields, handKeptAreAttackerWide, configIsBoth]).toEqual([true, true, true]);
    const defaults = defaultConfig().attack;
    for (const f of ATTACK_FIELDS) {
      // The compiler checks the path against the config's keys; the run checks the default config has it.
      const path: Paths<ExperimentConfig['attack']> = f.spec.path;
      const key = path.slice('attack.'.length) as keyof ExperimentConfig['attack'];
      expect(Object.hasOwn(defaults, key), path).toBe(true);
      expect(defaults[key], path).toEqual(f.spec.default);
    }
    expect(Object.keys(defaults).map((k) => `attack.${k}`).sort()).toEqual([...ATTACKER_WIDE, ...ATTACK_FIELDS.map((f) => f.spec.path)].sort());
  });

  it('default each choice to one of its values', () => {
    for (const f of ATTACK_FIELDS) if (f.spec.kind.type === 'enum') expect(f.spec.kind.values, f.spec.path).toContain(f.spec.default);
  });

  for (const f of ATTACK_FIELDS) {
    it(`${f.spec.path}: a schema row, a label, option names, and applies only with ${f.owner}`, () => {
      expect(fieldSpec(f.spec.path)).toBe(f.spec);
      expect(LABELS[f.spec.path]).toBe(f.label);
      expect(f.label).not.toMatch(/\./);
      if (f.help) expect(HELP[f.spec.path]).toBe(f.help);
      if (f.spec.kind.type === 'enum') expect(Object.keys(OPTION_LABELS[f.spec.path] ?? {}).sort()).toEqual([...f.spec.kind.values].sort());
      expect(readField(defaultConfig() as unknown as Record<string, unknown>, f.spec.path)).toEqual(f.spec.default);
      const without = mergeConfig(defaultConfig(), { attack: { names: ATTACK_NAMES.filter((n) => n !== f.owner && !(f.owner.startsWith('lira') && n.startsWith('lira'))) } });
      expect(fieldApplies(f.spec.path, without)).toBe(false);
      expect(fieldApplies(f.spec.path, mergeConfig(defaultConfig(), { attack: { names: [f.owner] } }))).toBe(true);
    });
  }

  it('show their controls in the Attacker group, and only those', () => {
    const attacker = CONTROL_GROUPS.find((g) => g.title === 'Attacker')!.fields;
    for (const f of ATTACK_FIELDS) expect(attacker.includes(f.spec.path), f.spec.path).toBe(f.control === true);
    expect(attacker.filter((p) => attackField(p))).toEqual(['attack.mentropyThresholds', 'attack.shadowVariant', 'attack.rmiaSetting']);
  });

  it('LiRA variance applies to either LiRA setting', () => {
    for (const names of [['lira-online'], ['lira-offline']] as const) {
      expect(fieldApplies('attack.liraVariance', mergeConfig(defaultConfig(), { attack: { names: [...names] } }))).toBe(true);
    }
  });
});
