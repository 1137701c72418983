/**
 * @fileoverview What a "TPR at x% FPR" can and cannot say: how many false positives the budget
 * allows on the evaluation's non-members, and the exact (Clopper–Pearson) confidence interval of the
 * TPR from the members it rests on. With N non-members an FPR budget below 1/N allows no false
 * positive at all, so the number is the TPR at zero false positives, and is named so.
 */
import { clopperPearson, type ConfidenceInterval } from '../privacy/audit';
import { tprAtFpr, type RocCurve } from './roc';

/**
 * False positives an FPR budget allows among `nonMembers`: ⌊fpr·N⌋ (0 means "TPR at zero false
 * positives"). The tiny slack keeps 0.07·100 = 7.000000000000001 from reading as 7 + ε. Pure.
 */
export function falsePositivesAllowed(fpr: number, nonMembers: number): number {
  return Math.floor(fpr * nonMembers + 1e-9);
}

/**
 * The 95% (or `confidence`) Clopper–Pearson interval of the TPR at `maxFpr` on `roc`: the true
 * positives at that point out of the curve's members. The threshold is read off the same
 * non-members, as every reported TPR at a fixed FPR is, so the interval covers the members'
 * sampling noise at that threshold. Pure.
 */
export function tprAtFprInterval(roc: RocCurve, maxFpr: number, confidence = 0.95): ConfidenceInterval {
  return tprInterval(tprAtFpr(roc, maxFpr), roc.members, confidence);
}

/**
 * The Clopper–Pearson interval of a TPR measured on `members` members (the TPR is a count over
 * them, so the count is recovered exactly). For views that hold only the rate and the counts. Pure.
 */
export function tprInterval(tpr: number, members: number, confidence = 0.95): ConfidenceInterval {
  return clopperPearson(Math.round(tpr * members), members, confidence);
}

/**
 * "at 1% FPR", or "at zero false positives" when the budget allows none on these non-members: a
 * TPR "at 0.1% FPR" measured on 500 non-members is really at no false positive at all. Pure.
 */
export function fprBudgetLabel(fpr: number, falsePositivesAllowed: number): string {
  return falsePositivesAllowed === 0 ? 'at zero false positives' : `at ${Number((fpr * 100).toPrecision(3))}% FPR`;
}
