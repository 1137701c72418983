/**
 * @fileoverview What changed between two experiment configs, in the words the control panel uses
 * ("Dropout 0 → 0.5", "DP-SGD on (target ε 2)", "Augmentation: None → Gaussian input noise"), so the
 * playground can say what a learner did between two runs. Settings that apply in neither config (ε
 * with DP off in both) are left out: they changed nothing. Pure.
 */
import { readField, type ExperimentConfig } from '../core/experiment/config';
import { FIELDS, type FieldSpec } from '../core/experiment/schema';
import { ATTACKS, isAttackName } from '../core/attacks/registry';
import { LABELS, OPTION_LABELS } from './field-meta';
import { fieldApplies } from './field-applies';

/** One changed setting. */
export interface ConfigChange {
  readonly path: string;
  /** The control's label: "Dropout". */
  readonly label: string;
  /** The whole change in words: "Dropout 0 → 0.5". */
  readonly text: string;
}

/** Labels for settings the control panel does not show by default (defenses and attacks label all of theirs: LABELS). */
const MORE_LABELS: Readonly<Record<string, string>> = {
  'data.features': 'Features',
  'split.shadowPool': "Attacker's proxy rows",
  'attack.names': 'Attacks',
};

/** The label a setting goes by on screen. Pure. */
export function settingLabel(path: string): string {
  return LABELS[path] ?? MORE_LABELS[path] ?? path.slice(path.lastIndexOf('.') + 1);
}

const read = (c: ExperimentConfig, path: string): unknown => readField(c as unknown as Record<string, unknown>, path);

function valueText(field: FieldSpec, v: unknown): string {
  if (v === null || v === undefined) return field.path === 'dp.targetEpsilon' ? 'none (σ set directly)' : 'automatic';
  if (typeof v === 'number') return String(Number(v.toPrecision(4)));
  if (typeof v === 'boolean') return v ? 'on' : 'off';
  return OPTION_LABELS[field.path]?.[String(v)] ?? String(v);
}

function changeText(field: FieldSpec, label: string, a: unknown, b: unknown, next: ExperimentConfig): string {
  switch (field.kind.type) {
    case 'boolean': {
      if (field.path === 'dp.enabled' && b === true) {
        const e = next.dp.targetEpsilon;
        return `${label} on (${e === null ? `noise σ ${valueText(field, next.dp.noiseMultiplier)}` : `target ε ${valueText(field, e)}`})`;
      }
      return `${label} ${valueText(field, b)}`;
    }
    case 'list': {
      const before = new Set(a as readonly string[]);
      const after = new Set(b as readonly string[]);
      // The catalogue's short titles: a variant's long title would crowd the sentence.
      const title = (n: string) => (isAttackName(n) ? ATTACKS[n].title : n);
      const added = [...after].filter((n) => !before.has(n)).map(title);
      const removed = [...before].filter((n) => !after.has(n)).map(title);
      const parts = [added.length ? `added ${added.join(', ')}` : '', removed.length ? `removed ${removed.join(', ')}` : ''].filter(Boolean);
      return `${label}: ${parts.join('; ') || 'reordered'}`;
    }
    case 'enum':
      return `${label}: ${valueText(field, a)} → ${valueText(field, b)}`;
    default:
      return `${label} ${valueText(field, a)} → ${valueText(field, b)}`;
  }
}

/**
 * The settings that differ between `prev` and `next`, in the schema's order, each in words. A
 * setting counts when it applies under at least one of the two configs. Empty when nothing
 * that matters changed. Pure.
 */
export function configDiff(prev: ExperimentConfig, next: ExperimentConfig): ConfigChange[] {
  const out: ConfigChange[] = [];
  for (const field of FIELDS) {
    const a = read(prev, field.path);
    const b = read(next, field.path);
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    if (!fieldApplies(field.path, prev) && !fieldApplies(field.path, next)) continue;
    const label = settingLabel(field.path);
    out.push({ path: field.path, label, text: changeText(field, label, a, b, next) });
  }
  return out;
}

/** "Dropout 0 → 0.5", "A and B", "A, B and C", or "A, B and 3 more changes". Pure. */
export function changesText(changes: readonly ConfigChange[], max = 3): string {
  const texts = changes.map((c) => c.text);
  if (texts.length <= 1) return texts[0] ?? '';
  if (texts.length <= max) return `${texts.slice(0, -1).join(', ')} and ${texts[texts.length - 1]}`;
  return `${texts.slice(0, max - 1).join(', ')} and ${texts.length - max + 1} more changes`;
}
