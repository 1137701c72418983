/**
 * @fileoverview The facts behind a rate, so lesson prose can say what a TPR at low FPR rests on:
 * the members it found out of how many, its 95% Clopper–Pearson interval, how many false positives
 * the FPR budget allows on these non-members (`fpAt01Exact` keeps the fraction: 0.1% of 200 is
 * 0.2), the highest true FPR that zero false positives among them cannot rule out, and how many
 * non-members a budget needs before it allows one (or ten) false positives. Pure.
 */
import { clopperPearson } from '../core/privacy/index';
import { falsePositivesAllowed } from '../core/metrics/tpr-interval';
import type { LessonAttack } from './result';

const BUDGETS = [
  ['tprAt1', 0.01, 'At1'],
  ['tprAt01', 0.001, 'At01'],
] as const;

/** `<prefix>tprAt1Found`, `tprAt1Lo`, `tprAt1Hi`, `fpAt1`, `fpAt1Exact`, the same for At01, and the group sizes. */
export function uncertaintyFacts(a: LessonAttack, prefix: string, out: Record<string, number | string | null>): void {
  out[prefix + 'memberCount'] = a.members;
  out[prefix + 'nonMembers'] = a.nonMembers;
  // The smallest FPR above zero these non-members can show: one false positive.
  out[prefix + 'fprStep'] = a.nonMembers > 0 ? 1 / a.nonMembers : null;
  for (const [key, fpr, suffix] of BUDGETS) {
    const found = Math.round(a[key] * a.members);
    const ci = clopperPearson(found, a.members);
    out[`${prefix}${key}Found`] = found;
    out[`${prefix}${key}Lo`] = ci.lower;
    out[`${prefix}${key}Hi`] = ci.upper;
    out[`${prefix}fp${suffix}`] = falsePositivesAllowed(fpr, a.nonMembers);
    out[`${prefix}fp${suffix}Exact`] = fpr * a.nonMembers;
    // Non-members needed before the budget allows one, and ten, false positives.
    out[`${prefix}nonMembersForOneFp${suffix}`] = Math.ceil(1 / fpr - 1e-9);
    out[`${prefix}nonMembersForTenFp${suffix}`] = Math.ceil(10 / fpr - 1e-9);
  }
  // Zero false positives among N non-members still allows a true FPR up to this (95% upper bound).
  out[prefix + 'fprUpperAtZeroFp'] = a.nonMembers > 0 ? clopperPearson(0, a.nonMembers).upper : null;
}
