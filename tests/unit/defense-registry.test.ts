/**
 * @fileoverview The defense registry is complete: every registered defense owns schema rows that
 * the schema really lists, labels them, shows only its own settings, has at least one cheat-sheet
 * row that turns it on with text for the table, and a report line when on. A new defense that
 * forgets one of these fails here, not on a page.
 */
import { describe, expect, it } from 'vitest';
import { DEFENSES, DEFENSE_FIELDS, defenseField } from '../../src/core/defenses/registry';
import { FIELDS, fieldSpec } from '../../src/core/experiment/schema';
import { defaultConfig, mergeConfig, readField } from '../../src/core/experiment/config';
import { trainOptionsFor } from '../../src/core/experiment/recipe';
import { sweepConfigs } from '../../src/core/experiment/sweep';
import { CHEAT_SHEET_SWEEP } from '../../src/state/cheat-sheet-sweep';
import { LABELS } from '../../src/state/field-meta';
import { CONTROL_GROUPS } from '../../src/state/control-groups';

const sweep = sweepConfigs(CHEAT_SHEET_SWEEP);
const run = { privacy: { epsilon: 2, delta: 1e-5, noiseMultiplier: 1.1, clipNorm: 1 }, formatEpsilon: String };

describe('defense registry', () => {
  it('has unique keys and unique settings', () => {
    expect(new Set(DEFENSES.map((d) => d.key)).size).toBe(DEFENSES.length);
    const paths = DEFENSE_FIELDS.map((f) => f.spec.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  for (const d of DEFENSES) {
    describe(d.title, () => {
      it('owns schema rows that the schema lists, each with a label on screen', () => {
        expect(d.fields.length).toBeGreaterThan(0);
        for (const f of d.fields) {
          expect(fieldSpec(f.spec.path), f.spec.path).toBe(f.spec);
          expect(f.label.length, f.spec.path).toBeGreaterThan(0);
          expect(LABELS[f.spec.path]).toBe(f.label);
          // The default config carries the setting at its default (the config type derives from the registry).
          expect(readField(defaultConfig() as unknown as Record<string, unknown>, f.spec.path)).toEqual(f.spec.default);
        }
      });

      it('is off in the default config, and its controls are its own settings, shown in the Defenses group', () => {
        expect(d.isOn(defaultConfig())).toBe(false);
        const own = d.fields.map((f) => f.spec.path);
        const group = CONTROL_GROUPS.find((g) => g.title === 'Defenses')!.fields;
        for (const path of d.controls) {
          expect(own).toContain(path);
          expect(group).toContain(path);
        }
      });

      it('has a cheat-sheet row that turns it on, with text for the table', () => {
        expect(d.sweep.length).toBeGreaterThan(0);
        for (const row of d.sweep) {
          const step = sweep.find((s) => s.key === row.key);
          expect(step, row.key).toBeDefined();
          expect(d.isOn(step!.config), row.key).toBe(true);
          for (const text of Object.values(row.note)) expect(text.length, row.key).toBeGreaterThan(5);
        }
      });

      it('writes a line for the report when on', () => {
        const on = mergeConfig(defaultConfig(), d.sweep[0].patch);
        expect(d.reportLine(on, run)).toMatch(/\S/);
      });
    });
  }

  it('lists in the schema every field whose help says it is a defense', () => {
    for (const f of FIELDS.filter((x) => /\(defense\)/.test(x.help))) expect(defenseField(f.path), f.path).toBeDefined();
  });

  it('leaves training options neutral when every defense is off', () => {
    const o = trainOptionsFor(defaultConfig(), null);
    expect(o).toMatchObject({ l2: 0, l1: 0, dropout: 0, dp: null });
    expect(o.earlyStopping.enabled).toBe(false);
  });

  it('turns each training option on from its own defense', () => {
    const on = mergeConfig(defaultConfig(), { train: { l2: 0.01, l1: 0.002, earlyStopping: true, patience: 5 }, model: { dropout: 0.3 } });
    expect(trainOptionsFor(on, null)).toMatchObject({ l2: 0.01, l1: 0.002, dropout: 0.3, earlyStopping: { enabled: true, patience: 5, restoreBest: true } });
  });
});
