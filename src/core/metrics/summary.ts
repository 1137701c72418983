/**
 * @fileoverview One attack's headline numbers, in the shape the CLI and the cheat sheet print.
 *
 * The threshold-free numbers (AUC, advantage, TPR at low FPR) describe the whole score
 * distribution; accuracy, balanced accuracy and precision describe the verdicts at the one
 * threshold the attacker committed to, which must come from the attacker's own data
 * (see bestThreshold).
 */
import type { MembershipArray, ScoreArray } from './inputs';
import { advantage, auc, rocCurve, tprAtFpr } from './roc';
import { accuracy, balancedAccuracy, confusionAt, precision } from './threshold';
import { falsePositivesAllowed, fprBudgetLabel, tprAtFprInterval } from './tpr-interval';
import type { ConfidenceInterval } from '../privacy/audit';

/** The low false positive rates reported everywhere, as in Carlini et al. 2022. */
export const REPORTED_FPRS = [0.1, 0.01, 0.001] as const;

/** TPR at each reported FPR, keyed by the FPR written as in the CLI contract ("0.01"). */
export interface TprAtFprTable {
  readonly '0.1': number;
  readonly '0.01': number;
  readonly '0.001': number;
}

/** A 95% Clopper–Pearson interval of the TPR at each reported FPR. */
export type TprAtFprIntervals = { readonly [K in keyof TprAtFprTable]: ConfidenceInterval };

/** False positives each reported FPR allows on the evaluation's non-members (0: at zero false positives). */
export type FalsePositivesAllowed = { readonly [K in keyof TprAtFprTable]: number };

/** Headline metrics of one attack on one evaluation set. All rates are in [0, 1]. */
export interface AttackSummary {
  /** Attack name, e.g. "loss-threshold" or "lira-online". */
  readonly name: string;
  readonly auc: number;
  /** Accuracy of the verdicts at `threshold`. */
  readonly accuracy: number;
  /** Balanced accuracy of the verdicts at `threshold`. */
  readonly balancedAccuracy: number;
  /** Precision of the verdicts at `threshold`; 0 when nothing is flagged. */
  readonly precision: number;
  /**
   * Max over all thresholds of TPR − FPR, with the threshold picked on the evaluation labels: an
   * oracle's choice, not one the attacker could make (label it so beside `accuracy`).
   */
  readonly advantage: number;
  readonly tprAtFpr: TprAtFprTable;
  /** 95% Clopper–Pearson interval of each `tprAtFpr` value, from the members it rests on. */
  readonly tprAtFprCi: TprAtFprIntervals;
  /** ⌊FPR × nonMembers⌋ for each reported FPR; 0 means the TPR is at zero false positives. */
  readonly falsePositivesAllowed: FalsePositivesAllowed;
  /** What each TPR is, in words: "TPR at 1% FPR", or "TPR at zero false positives" where no false positive is allowed. */
  readonly tprAtFprLabel: { readonly [K in keyof TprAtFprTable]: string };
  /**
   * The threshold the verdicts used (score ≥ threshold ⇒ member). May be ±Infinity, which
   * JSON.stringify writes as null.
   */
  readonly threshold: number;
  readonly members: number;
  readonly nonMembers: number;
}

/**
 * Summarizes an attack's `scores` on records whose true membership is `isMember`, with
 * verdicts at `threshold`. Pure. Throws on NaN scores, a NaN threshold, mismatched lengths
 * or a single-class evaluation set (AUC would be undefined).
 */
export function summarizeAttack(
  name: string,
  scores: ScoreArray,
  isMember: MembershipArray,
  threshold: number,
): AttackSummary {
  const roc = rocCurve(scores, isMember);
  const counts = confusionAt(scores, isMember, threshold);
  return {
    name,
    auc: auc(scores, isMember),
    accuracy: accuracy(counts),
    balancedAccuracy: balancedAccuracy(counts),
    precision: precision(counts),
    advantage: advantage(roc),
    tprAtFpr: {
      '0.1': tprAtFpr(roc, 0.1),
      '0.01': tprAtFpr(roc, 0.01),
      '0.001': tprAtFpr(roc, 0.001),
    },
    tprAtFprCi: {
      '0.1': tprAtFprInterval(roc, 0.1),
      '0.01': tprAtFprInterval(roc, 0.01),
      '0.001': tprAtFprInterval(roc, 0.001),
    },
    falsePositivesAllowed: {
      '0.1': falsePositivesAllowed(0.1, roc.nonMembers),
      '0.01': falsePositivesAllowed(0.01, roc.nonMembers),
      '0.001': falsePositivesAllowed(0.001, roc.nonMembers),
    },
    tprAtFprLabel: {
      '0.1': `TPR ${fprBudgetLabel(0.1, falsePositivesAllowed(0.1, roc.nonMembers))}`,
      '0.01': `TPR ${fprBudgetLabel(0.01, falsePositivesAllowed(0.01, roc.nonMembers))}`,
      '0.001': `TPR ${fprBudgetLabel(0.001, falsePositivesAllowed(0.001, roc.nonMembers))}`,
    },
    threshold,
    members: roc.members,
    nonMembers: roc.nonMembers,
  };
}
