/**
 * @fileoverview The empirical ε the attacks support, with what it can claim said in its label.
 *
 * Comparing k attacks and keeping the strongest is k tries, so each attack is tested at
 * 1 − 0.05/k (Bonferroni) and the largest of their ε holds with 95% confidence for the family.
 * Which analysis applies depends on how membership was drawn:
 * - `split.oneRunAudit` (each candidate a member by its own fair coin): Steinke, Nasr & Jagielski's
 *   one-run audit (privacy/one-run.ts), a lower bound on ε at 95% confidence from this one model.
 * - a fixed split: the Clopper–Pearson rates of each attack at its own threshold (privacy/audit.ts).
 *   Its intervals treat the records of one trained model as independent trials, which they are not,
 *   so the number is an estimate, never a bound.
 */
import { auditAtThreshold } from '../privacy/audit';
import { oneRunAudit } from '../privacy/one-run-audit';

/** The family-wise confidence every audit claim is made at. */
export const AUDIT_CONFIDENCE = 0.95;

/** The audit behind `privacy.empiricalEpsilon`. Plain data (JSON). */
export interface EmpiricalAudit {
  /** 'one-run': a lower bound at `confidence`; 'fixed-split': an estimate whose assumptions fail. */
  readonly method: 'one-run' | 'fixed-split';
  /** The largest ε over the attacks, each tested at 1 − (1 − confidence)/attacks; ≥ 0. */
  readonly epsilon: number;
  readonly confidence: number;
  /** Attacks compared (the Bonferroni factor). */
  readonly attacks: number;
  /** The attack whose result gives `epsilon`; null when none rules out any ε > 0. */
  readonly attack: string | null;
  /** One-run only: the best attack's audited records, guesses and correct guesses. */
  readonly audited?: number;
  readonly guesses?: number;
  readonly correct?: number;
  /** What the number is, in words, for every place that shows it. */
  readonly label: string;
}

/** One attack's scores and the threshold it committed to. */
export interface AuditedAttack {
  readonly name: string;
  readonly scores: ArrayLike<number>;
  readonly threshold: number;
}

/** How the label names the claim: a bound only where its assumptions hold. Pure. */
export function auditLabel(method: EmpiricalAudit['method'], attacks: number, confidence = AUDIT_CONFIDENCE): string {
  const pct = `${Math.round(confidence * 100)}%`;
  const family = attacks > 1 ? `${attacks} attacks, Bonferroni` : '1 attack';
  return method === 'one-run'
    ? `empirical lower bound at ${pct} confidence (one-run audit, ${family})`
    : `estimate (fixed split, not a one-run audit, so not a statistical bound; ${family} at ${pct})`;
}

/**
 * Each attack's ε (at the Bonferroni-corrected level) and the family's audit. `isMember` holds the
 * candidates' true membership; `oneRun` says it was drawn by independent fair coins. Pure.
 */
export function empiricalAudit(
  attacks: readonly AuditedAttack[],
  isMember: ArrayLike<number>,
  options: { readonly delta: number; readonly oneRun: boolean },
): { perAttack: number[]; audit: EmpiricalAudit } {
  const k = Math.max(1, attacks.length);
  const method = options.oneRun ? 'one-run' : 'fixed-split';
  let best: { epsilon: number; index: number; counts?: { audited: number; guesses: number; correct: number } } = { epsilon: 0, index: -1 };
  const perAttack = attacks.map((a, index) => {
    if (options.oneRun) {
      const r = oneRunAudit(a.scores, isMember, { delta: options.delta, confidence: AUDIT_CONFIDENCE, tests: k });
      if (r.epsilon > best.epsilon) best = { epsilon: r.epsilon, index, counts: { audited: r.audited, guesses: r.guesses, correct: r.correct } };
      return r.epsilon;
    }
    const epsilon = auditAtThreshold(a.scores, isMember, a.threshold, { delta: options.delta, confidence: 1 - (1 - AUDIT_CONFIDENCE) / k }).epsilon;
    if (epsilon > best.epsilon) best = { epsilon, index };
    return epsilon;
  });
  return {
    perAttack,
    audit: {
      method,
      epsilon: best.epsilon,
      confidence: AUDIT_CONFIDENCE,
      attacks: attacks.length,
      attack: best.index >= 0 ? attacks[best.index].name : null,
      ...best.counts,
      label: auditLabel(method, attacks.length),
    },
  };
}
