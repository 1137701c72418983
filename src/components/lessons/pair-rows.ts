/**
 * @fileoverview Rows of the RecordPair cards: John Doe's and Jane Smith's verdicts, one row per
 * model a widget compares (each defense or ε it sweeps, under its featured attack) or, on a widget
 * with a single model, one row per attack. Pure.
 */
import { featuredAttack } from '../../lessons/facts';
import { pairVerdicts, type PatientVerdict } from '../../lessons/record-pair';
import type { LessonResult } from '../../lessons/result';
import type { VariantSpec } from '../../lessons/blocks';
import { sameConfig } from '../../lessons/variants';
import { variantRows } from './variant-rows';

export interface PairRow {
  readonly key: string;
  /** What the row varies: a defense, an ε, or an attack. */
  readonly label: string;
  /** The attack the verdicts come from (its title). */
  readonly attackTitle: string;
  readonly live: boolean;
  /** John's and Jane's verdicts (empty while the result loads). */
  readonly verdicts: readonly PatientVerdict[];
}

export interface PairInputs {
  /** What the widget shows now (live or cached). */
  readonly current: LessonResult | null;
  /** The preset's own result (live if the reader ran it, else cached). */
  readonly base: LessonResult | null;
  readonly variants: readonly VariantSpec[];
  readonly results: Readonly<Record<string, LessonResult>>;
  readonly featured: string | null;
  readonly baseLabel: string;
}

/** One row per attack of `r`, the featured attack first. */
function attackRows(r: LessonResult, featured: string | null): PairRow[] {
  const first = featuredAttack(r, featured);
  const ordered = first ? [first, ...r.attacks.filter((a) => a !== first)] : [];
  return ordered.map((a) => ({ key: a.name, label: a.title, attackTitle: a.title, live: r.source === 'live', verdicts: pairVerdicts(r, a) }));
}

/** The rows for a widget (see the file overview); a live run that matches no row comes first. Pure. */
export function pairRows(p: PairInputs): PairRow[] {
  if (p.variants.length === 0) return p.current ? attackRows(p.current, p.featured) : [];
  const rows: PairRow[] = variantRows(p.base, p.variants, p.results, p.featured, p.baseLabel).map((v) => {
    const a = v.result ? featuredAttack(v.result, p.featured) : null;
    return { key: v.key, label: v.label, attackTitle: a?.title ?? '', live: v.result?.source === 'live', verdicts: v.result && a ? pairVerdicts(v.result, a) : [] };
  });
  const c = p.current;
  const shown = [p.base, ...Object.values(p.results)].some((r) => r && c && sameConfig(r.config, c.config));
  if (c && !shown) {
    const a = featuredAttack(c, p.featured);
    if (a) rows.unshift({ key: 'current', label: 'Your settings', attackTitle: a.title, live: c.source === 'live', verdicts: pairVerdicts(c, a) });
  }
  return rows;
}
