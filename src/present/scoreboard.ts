/**
 * @fileoverview The scoreboard's judgement calls: how severe an attack number is, and how a
 * number moved since the last run. Pure, so the thresholds are pinned by tests.
 */
import { formatEpsilon, formatSignedPoints, formatSignedProb } from './format';
import { falsePositivesAllowed, tprInterval } from '../core/metrics/tpr-interval';
import { intervalText } from './uncertainty';

export type Severity = 'ok' | 'warn' | 'danger';

/** The numbers of one run, as the scoreboard shows them; null where not run yet. Rates in [0, 1]. */
export interface ScoreboardValues {
  readonly testAccuracy: number | null;
  readonly trainAccuracy: number | null;
  readonly attack: {
    readonly title: string;
    readonly auc: number;
    readonly balancedAccuracy: number;
    readonly tprAt1: number;
    /** The evaluation's counts, for the TPR's interval and budget; the tile says less without them. */
    readonly members?: number;
    readonly nonMembers?: number;
  } | null;
  /** null = trained without DP. */
  readonly epsilon: number | null;
  /** Under DP, the attacks' empirical ε and what it is (privacy.audit); absent when not known. */
  readonly audit?: { readonly epsilon: number; readonly method: 'one-run' | 'fixed-split'; readonly label: string } | null;
}

/**
 * The TPR tile's name and small print: "TPR @ 1% FPR" with the 95% interval and the false positives
 * the budget allows ("95% CI 6.3–11.4%; 5 of 500 non-members may be flagged"), or "TPR at zero
 * false positives" when fewer than 100 non-members leave no false positive to allow. Pure.
 */
export function tprTile(attack: NonNullable<ScoreboardValues['attack']> | null): { name: string; detail: string } {
  if (!attack || attack.members === undefined || attack.nonMembers === undefined) return { name: 'TPR @ 1% FPR', detail: 'members exposed (chance 1%)' };
  const allowed = falsePositivesAllowed(0.01, attack.nonMembers);
  const ci = `95% CI [${intervalText(tprInterval(attack.tprAt1, attack.members))}]`;
  const n = attack.nonMembers.toLocaleString('en-US');
  return allowed === 0
    ? { name: 'TPR at zero false positives', detail: `members exposed, ${ci}; 1% of ${n} non-members is under one record, so none may be flagged` }
    : { name: 'TPR @ 1% FPR', detail: `members exposed, ${ci}; ${allowed} of ${n} non-members may be flagged` };
}

/** The ε tile's line on the attacks' empirical ε: "attacks: ε ≥ 0.2 (one-run lower bound, 95%)". Pure. */
export function auditLine(audit: ScoreboardValues['audit']): string {
  if (!audit) return '';
  return audit.method === 'one-run'
    ? `attacks: ε ≥ ${formatEpsilon(audit.epsilon)} (one-run lower bound, 95%)`
    : `attacks' estimate: ε ≈ ${formatEpsilon(audit.epsilon)} (not a bound)`;
}

/** The icon and words that carry a severity besides its colour. */
export const SEVERITY_TEXT: Record<Severity, { readonly icon: string; readonly label: string }> = {
  ok: { icon: '✓', label: 'little leakage' },
  // U+FE0E asks for the text glyph, not an emoji.
  warn: { icon: '⚠\uFE0E', label: 'some leakage' },
  danger: { icon: '✖', label: 'high leakage' },
};

/** AUC or balanced accuracy (chance 0.5): below 0.55 ok, below 0.7 warn, else danger. Pure. */
export function chanceSeverity(v: number): Severity {
  return v < 0.55 ? 'ok' : v < 0.7 ? 'warn' : 'danger';
}

/**
 * TPR at 1% FPR (chance 0.01): below 2% ok (about chance), below 10% warn, else danger, when
 * one record in ten is exposed with almost no false accusations. Pure.
 */
export function lowFprSeverity(tpr: number): Severity {
  return tpr < 0.02 ? 'ok' : tpr < 0.1 ? 'warn' : 'danger';
}

/** A change since the last run. `tone` judges it: "better" for utility up or leakage down. */
export interface Delta {
  readonly arrow: '↑' | '↓' | '=';
  readonly text: string;
  readonly tone: 'better' | 'worse' | 'same';
  /** For screen readers: "up 3.1 pts since the last run, better". */
  readonly spoken: string;
}

/**
 * How `current` moved from `previous`, or null when either is missing. Changes under half a
 * displayed unit count as "same". `unit` picks the display: percentage points for rates shown as
 * percentages, two decimals for AUC. Pure.
 */
export function delta(
  current: number | null | undefined,
  previous: number | null | undefined,
  higherIsBetter: boolean,
  unit: 'points' | 'prob',
): Delta | null {
  if (current == null || previous == null || !Number.isFinite(current) || !Number.isFinite(previous)) return null;
  const d = current - previous;
  const same = Math.abs(d) < (unit === 'points' ? 0.0005 : 0.005);
  const text = same ? 'no change' : unit === 'points' ? formatSignedPoints(d) : formatSignedProb(d);
  const arrow = same ? '=' : d > 0 ? '↑' : '↓';
  const tone = same ? 'same' : d > 0 === higherIsBetter ? 'better' : 'worse';
  const spoken = same ? 'no change since the last run' : `${d > 0 ? 'up' : 'down'} ${text.slice(1)} since the last run, ${tone}`;
  return { arrow, text, tone, spoken };
}
