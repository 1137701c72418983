/**
 * @fileoverview Rows for a table that compares several attacks across a preset and its variants
 * (reference-model counts, seeds, what the attacker knows): per cell the AUC and the TPR at 1% FPR
 * with the members it found, its 95% Clopper–Pearson interval and the false positives the budget
 * allowed. Pure.
 */
import { clopperPearson, type ConfidenceInterval } from '../../core/privacy/audit';
import { falsePositivesAllowed } from '../../core/metrics/tpr-interval';
import type { LessonResult } from '../../lessons/result';
import type { VariantSpec } from '../../lessons/blocks';

export interface AttackCell {
  readonly auc: number;
  readonly tprAt1: number;
  readonly found: number;
  readonly members: number;
  readonly nonMembers: number;
  readonly falsePositivesAllowed: number;
  readonly interval: ConfidenceInterval;
}

export interface VariantAttackRow {
  readonly key: string;
  readonly label: string;
  readonly result: LessonResult | null;
  /** Per column attack: its cell, or null when that run did not include it (or is not loaded yet). */
  readonly cells: readonly (AttackCell | null)[];
}

/** One cell: the attack's numbers in `r`, or null when it did not run there. Pure. */
export function attackCell(r: LessonResult | null, attack: string): AttackCell | null {
  const a = r?.attacks.find((x) => x.name === attack);
  if (!a) return null;
  const found = Math.round(a.tprAt1 * a.members);
  return {
    auc: a.auc, tprAt1: a.tprAt1, found, members: a.members, nonMembers: a.nonMembers,
    falsePositivesAllowed: falsePositivesAllowed(0.01, a.nonMembers), interval: clopperPearson(found, a.members),
  };
}

/** The base row (unless `skipBase`), then one per variant, in the lesson's order. Pure. */
export function variantAttackRows(
  base: LessonResult | null, variants: readonly VariantSpec[], results: Readonly<Record<string, LessonResult>>, columns: readonly string[], baseLabel: string, skipBase = false,
): VariantAttackRow[] {
  const row = (key: string, label: string, r: LessonResult | null): VariantAttackRow => ({ key, label, result: r, cells: columns.map((c) => attackCell(r, c)) });
  return [...(skipBase ? [] : [row('base', baseLabel, base)]), ...variants.map((v) => row(v.key, v.label, results[v.key] ?? null))];
}

/** The lowest and highest TPR at 1% FPR in one column over the rows that have it; null when none. Pure. */
export function columnRange(rows: readonly VariantAttackRow[], column: number): { min: number; max: number } | null {
  const v = rows.flatMap((r) => (r.cells[column] ? [r.cells[column]!.tprAt1] : []));
  return v.length === 0 ? null : { min: Math.min(...v), max: Math.max(...v) };
}
