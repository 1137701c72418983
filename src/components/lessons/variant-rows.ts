/**
 * @fileoverview Rows for tables that compare a preset with its variants. Pure.
 */
import { featuredAttack } from '../../lessons/facts';
import type { LessonResult } from '../../lessons/result';
import type { VariantSpec } from '../../lessons/blocks';

export interface VariantRow {
  /** 'base' for the preset itself, else the variant key. */
  readonly key: string;
  readonly label: string;
  readonly result: LessonResult | null;
  readonly testAccuracy: number | null;
  readonly auc: number | null;
  readonly tprAt1: number | null;
  /** Members the TPR is counted over (for its interval). */
  readonly members: number | null;
  /** null: no DP; Infinity: DP with σ = 0. */
  readonly epsilon: number | null;
}

/** The preset's row first, then one per variant, in the lesson's order. Pure. */
export function variantRows(
  base: LessonResult | null, variants: readonly VariantSpec[], results: Readonly<Record<string, LessonResult>>, featured: string | null, baseLabel: string,
): VariantRow[] {
  const row = (key: string, label: string, r: LessonResult | null): VariantRow => {
    const a = r ? featuredAttack(r, featured) : null;
    return {
      key, label, result: r, testAccuracy: r?.target.testAccuracy ?? null, auc: a?.auc ?? null, tprAt1: a?.tprAt1 ?? null, members: a?.members ?? null,
      epsilon: r?.privacy ? (r.privacy.epsilon ?? Infinity) : null,
    };
  };
  return [row('base', baseLabel, base), ...variants.map((v) => row(v.key, v.label, results[v.key] ?? null))];
}
