/**
 * @fileoverview Recommendations derived from what a run measured, most urgent first. Each rule
 * names the number that triggered it, so a reader can check the reasoning. Pure.
 */
import type { ExperimentConfig } from '../core/experiment/config';
import { DEFENSES } from '../core/defenses/registry';
import type { SweepRow } from '../core/experiment/sweep';
import { maxTprAtFpr } from '../core/privacy/bound';
import type { BoundPoint } from '../core/privacy/bound-check';
import { intervalText } from '../present/uncertainty';
import { formatEpsilon, formatPercent } from '../present/format';

export type Priority = 'high' | 'medium' | 'low';

export interface Recommendation {
  readonly priority: Priority;
  readonly title: string;
  /** One or two sentences of plain text. */
  readonly detail: string;
}

/** The thresholds the rules use, stated once. Rates in [0, 1]. */
export const THRESHOLDS = {
  /** TPR at 1% FPR above this calls for DP-SGD (five times chance). */
  dpTprAt1: 0.05,
  /** A train–test accuracy gap above these is overfitting (medium / high). */
  gapMedium: 0.1,
  gapHigh: 0.2,
  /** An attack AUC above this counts as "works". */
  aucWorks: 0.55,
  /** Score-based attacks above this AUC make full probability vectors a liability. */
  aucScores: 0.6,
} as const;

export interface RecommendInput {
  readonly config: ExperimentConfig;
  readonly target: { readonly trainAccuracy: number; readonly testAccuracy: number };
  readonly privacy: { readonly epsilon: number; readonly delta: number } | null;
  readonly attacks: readonly { readonly name: string; readonly title: string; readonly auc: number; readonly tprAt1: number }[];
  readonly exposed: readonly { readonly outlier: boolean }[];
  readonly nonMembers: number;
  /** The cheat-sheet sweep's rows, when one finished in this session. */
  readonly sweep: readonly SweepRow[] | null;
  /**
   * Under DP, the attacks' points judged against the bound with their intervals (bound-check.ts);
   * without them a point above the cap is taken at face value.
   */
  readonly bound?: readonly BoundPoint[];
}

const pct = formatPercent;
const ORDER: Record<Priority, number> = { high: 0, medium: 1, low: 2 };

/**
 * What the cheat-sheet sweep says about ε: the largest ε (the least noise, so the best accuracy)
 * whose strongest attack stays at or below `limit` TPR at 1% FPR; else the DP row that leaked
 * least. Null when the sweep has no DP rows. Pure.
 */
export function suggestEpsilon(rows: readonly SweepRow[], limit: number = THRESHOLDS.dpTprAt1): { row: SweepRow; meetsLimit: boolean } | null {
  const dp = rows.filter((r) => r.epsilon !== null).sort((a, b) => (b.epsilon ?? 0) - (a.epsilon ?? 0));
  if (dp.length === 0) return null;
  const ok = dp.find((r) => r.tprAt1 <= limit);
  if (ok) return { row: ok, meetsLimit: true };
  return { row: dp.reduce((b, r) => (r.tprAt1 < b.tprAt1 ? r : b)), meetsLimit: false };
}

function sweepSentence(rows: readonly SweepRow[] | null): string {
  if (!rows) return ' To choose ε, run the playground’s cheat sheet, which measures DP-SGD at ε = 8, 2 and 1 against the other defenses.';
  const s = suggestEpsilon(rows);
  if (!s) return '';
  const none = rows.find((r) => r.key === 'none');
  const base = none ? ` (no defense: ${pct(none.tprAt1)} and ${pct(none.testAccuracy)})` : '';
  const eps = formatEpsilon(s.row.epsilon);
  return s.meetsLimit
    ? ` The cheat-sheet sweep suggests ε = ${eps}: there the strongest attack exposed ${pct(s.row.tprAt1)} of members at 1% FPR, at a test accuracy of ${pct(s.row.testAccuracy)}${base}. Its benchmark model is not yours, so measure again at that ε.`
    : ` In the cheat-sheet sweep no ε it tried brought the attack under ${pct(THRESHOLDS.dpTprAt1)} at 1% FPR; the best was ε = ${eps} (${pct(s.row.tprAt1)}, test accuracy ${pct(s.row.testAccuracy)}), so try ε ≤ ${eps}.`;
}

function strongest<T extends { tprAt1: number; auc: number }>(xs: readonly T[]): T {
  return xs.reduce((b, a) => (a.tprAt1 > b.tprAt1 || (a.tprAt1 === b.tprAt1 && a.auc > b.auc) ? a : b));
}

/** Recommendations for one run, high priority first (stable within a priority). Pure. */
export function recommend(input: RecommendInput): Recommendation[] {
  const { config: c, target, privacy, attacks } = input;
  if (attacks.length === 0) return [];
  const out: Recommendation[] = [];
  const top = strongest(attacks);
  const maxAuc = Math.max(...attacks.map((a) => a.auc));
  const gap = target.trainAccuracy - target.testAccuracy;

  // 1. Differential privacy: the only defense with a guarantee.
  if (!privacy && top.tprAt1 > THRESHOLDS.dpTprAt1) {
    out.push({
      priority: 'high',
      title: 'Train with DP-SGD',
      detail: `${top.title} exposes ${pct(top.tprAt1)} of members at 1% FPR, over ${pct(THRESHOLDS.dpTprAt1)}. DP-SGD bounds every attack, including future ones: TPR ≤ e^ε·FPR + δ.${sweepSentence(input.sweep)}`,
    });
  } else if (privacy && Number.isFinite(privacy.epsilon)) {
    const bound = maxTprAtFpr(privacy.epsilon, privacy.delta, 0.01);
    const guarantee = `(ε = ${formatEpsilon(privacy.epsilon)}, δ = ${privacy.delta})`;
    const beyond = input.bound?.find((p) => p.status === 'outside');
    const judged = input.bound?.find((p) => p.name === top.name && p.fpr === 0.01);
    if (beyond) {
      out.push({
        priority: 'high',
        title: 'Check the DP-SGD implementation',
        detail: `${beyond.title} exposes ${pct(beyond.tpr)} of members at ${pct(beyond.fpr)} FPR, beyond the ${pct(beyond.cap)} that ${guarantee} allows, and no sampling noise explains it (95% family-wise intervals on the TPR and on the FPR both lie beyond the bound). Either the accounting or the training does not match the guarantee.`,
      });
    } else if (top.tprAt1 > bound + 1e-9 && judged) {
      out.push({
        priority: 'medium',
        title: 'Measure the bound on more records',
        detail: `${top.title} exposes ${pct(top.tprAt1)} of members at 1% FPR, above the ${pct(bound)} that ${guarantee} allows, but its 95% interval [${intervalText(judged.interval)}] and the noise in the measured FPR leave the bound standing: it holds for the true rates, and these rates are estimates. Rerun with more records to tell.`,
      });
    } else if (top.tprAt1 > bound + 1e-9) {
      out.push({
        priority: 'high',
        title: 'Check the DP-SGD implementation',
        detail: `${top.title} exposes ${pct(top.tprAt1)} of members at 1% FPR, above the ${pct(bound)} that ${guarantee} allows. Either the accounting or the training does not match the guarantee, or the sample is too small to tell; rerun with more records.`,
      });
    } else if (top.tprAt1 > THRESHOLDS.dpTprAt1) {
      out.push({
        priority: 'medium',
        title: 'Lower ε',
        detail: `DP-SGD at ε = ${formatEpsilon(privacy.epsilon)} allows up to ${pct(bound)} TPR at 1% FPR, and ${top.title} reached ${pct(top.tprAt1)}. A smaller ε tightens the bound at some cost in accuracy.${sweepSentence(input.sweep)}`,
      });
    } else {
      out.push({
        priority: 'low',
        title: 'Keep DP-SGD and report ε',
        detail: `At ε = ${formatEpsilon(privacy.epsilon)} no attack may exceed ${pct(bound)} TPR at 1% FPR; the strongest reached ${pct(top.tprAt1)}. Publish ε and δ with the accuracy they cost (test accuracy ${pct(target.testAccuracy)}).`,
      });
    }
  }

  // 2. Overfitting: the unlocked door.
  if (gap > THRESHOLDS.gapMedium) {
    // Each defense that is off offers its own remedy (src/core/defenses).
    const idle = DEFENSES.filter((d) => !d.isOn(c));
    const off = idle.flatMap((d) => (d.remedy?.step ? [d.remedy.step] : []));
    const also = gap > THRESHOLDS.gapHigh ? idle.flatMap((d) => (d.remedy?.highGapSentence ? [` ${d.remedy.highGapSentence}`] : [])).join('') : '';
    const steps = off.length ? `${off.join(', ')}.` : 'strengthen the regularization already in place, or train for fewer epochs.';
    out.push({
      priority: gap > THRESHOLDS.gapHigh ? 'high' : 'medium',
      title: 'Reduce overfitting: regularization and early stopping',
      detail: `Train accuracy is ${pct(target.trainAccuracy)} but test accuracy ${pct(target.testAccuracy)}: a ${(gap * 100).toFixed(1)}-point gap that attacks exploit. Next: ${steps}${also}`,
    });
  }

  // 3. What the API returns.
  const labelOnly = attacks.find((a) => a.name === 'label-only');
  const gapAttack = attacks.find((a) => a.name === 'gap');
  if (c.api.output === 'full' && maxAuc > THRESHOLDS.aucScores) {
    out.push({
      priority: 'medium',
      title: 'Return less from the API',
      detail: `The API returns full probability vectors, and score-based attacks reach AUC ${maxAuc.toFixed(3)}. Return the label, or the top class with rounded scores, if the product allows. This raises the attacker's cost but is not a defense on its own: label-only attacks still work on an overfit model.`,
    });
  } else if (c.api.output !== 'full') {
    const works = [labelOnly, gapAttack].filter((a): a is NonNullable<typeof a> => !!a && a.auc > THRESHOLDS.aucWorks);
    if (works.length > 0) {
      const w = strongest(works);
      out.push({
        priority: w.tprAt1 > THRESHOLDS.dpTprAt1 ? 'high' : 'medium',
        title: 'Masking the scores is not enough',
        detail: `The API already returns only ${c.api.output === 'label' ? 'labels' : c.api.output === 'top-k' ? `the top ${c.api.topK}` : 'rounded scores'}, yet ${w.title} still reaches AUC ${w.auc.toFixed(3)} (${pct(w.tprAt1)} of members at 1% FPR) from labels alone. Fix the model (regularization, DP-SGD), not only its outputs.`,
      });
    } else if (!labelOnly) {
      out.push({
        priority: 'low',
        title: 'Audit with the label-only attack',
        detail: 'The API masks its scores, so test the attack that needs only labels (label-only, with perturbed queries) before concluding that masking protects the members.',
      });
    }
  }

  // 4. Outliers are exposed first.
  const outliers = input.exposed.filter((e) => e.outlier).length;
  if (input.exposed.length > 0 && outliers >= 2 && outliers / input.exposed.length >= 0.2) {
    out.push({
      priority: 'medium',
      title: 'Review outliers',
      detail: `${outliers} of the ${input.exposed.length} most exposed members are outliers: unusual records are memorized and exposed far more than typical ones. Check why they are in the training set; DP-SGD bounds their exposure too.`,
    });
  }

  // 5. How strong the audit itself was.
  if (!attacks.some((a) => a.name.startsWith('lira') || a.name === 'rmia') && c.api.output !== 'label') {
    out.push({
      priority: 'low',
      title: 'Audit with LiRA',
      detail: 'None of the attacks run was LiRA or RMIA, the strongest black-box attacks at low FPR. Add one (LiRA with 16 or more reference models; RMIA holds up with fewer) before concluding the model is safe.',
    });
  }
  if (input.nonMembers < 1000) {
    out.push({
      priority: 'low',
      title: 'Evaluate on more records',
      detail: `With ${input.nonMembers} non-members, 1% FPR allows ${Math.floor(input.nonMembers * 0.01)} false ${Math.floor(input.nonMembers * 0.01) === 1 ? 'accusation' : 'accusations'} and 0.1% FPR fewer than one, so low-FPR numbers are coarse. An audit on 1,000 or more non-members pins them down.`,
    });
  }
  if (!privacy && maxAuc < THRESHOLDS.aucWorks && top.tprAt1 < 0.02) {
    out.push({
      priority: 'low',
      title: 'No significant leakage measured, and no guarantee',
      detail: `The best attack reached AUC ${maxAuc.toFixed(3)} and ${pct(top.tprAt1)} TPR at 1% FPR, close to chance. That holds for these attacks only; only DP-SGD bounds attacks not yet invented.`,
    });
  }

  return out.map((r, i) => ({ r, i })).sort((a, b) => ORDER[a.r.priority] - ORDER[b.r.priority] || a.i - b.i).map(({ r }) => r);
}
