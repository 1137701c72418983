/**
 * @fileoverview Measured attack points against the DP bound TPR ≤ e^ε·FPR + δ. The bound holds for
 * the true rates; a measured TPR carries sampling noise, so a point can sit above the cap by chance.
 * Each point is judged with its intervals:
 * - 'below': the measured TPR is within the cap;
 * - 'noise': above the cap, but its 95% interval reaches inside the bound: consistent with noise;
 * - 'unlikely': its 95% interval lies above the cap, yet allowing for the many points checked and
 *   for the FPR's own noise the bound still stands (see 'outside');
 * - 'outside': even the ends of family-wise 95% intervals (Bonferroni over every point checked) lie
 *   beyond the bound, for the TPR and for the FPR (which is measured on the non-members too). A
 *   correct DP-SGD run shows this with probability under 5%, so it signals a bug in the DP code.
 */
import { clopperPearson, type ConfidenceInterval } from './audit';
import { maxTprAtFpr } from './bound';
import { falsePositivesAllowed, tprInterval } from '../metrics/tpr-interval';

/** The FPR keys every attack summary reports. */
export const CHECKED_FPRS = ['0.1', '0.01', '0.001'] as const;
export type CheckedFpr = (typeof CHECKED_FPRS)[number];

/**
 * What a check reads from an attack summary (core/metrics/summary.ts). The intervals and budgets
 * are recomputed from these counts with the summary's own functions, so results cached before
 * they carried intervals can be checked too.
 */
export interface BoundCheckInput {
  readonly name: string;
  readonly title: string;
  readonly members: number;
  readonly nonMembers: number;
  readonly tprAtFpr: Readonly<Record<CheckedFpr, number>>;
}

/** One attack's TPR at one FPR budget, judged against the bound. Plain data. */
export interface BoundPoint {
  readonly name: string;
  readonly title: string;
  readonly fpr: number;
  /** False positives the FPR budget allows on the non-members; 0: the TPR is at zero false positives. */
  readonly falsePositivesAllowed: number;
  readonly tpr: number;
  /** The point's 95% Clopper–Pearson interval (as shown). */
  readonly interval: ConfidenceInterval;
  /** The bound's cap at this FPR: min(1, e^ε·FPR + δ, …). */
  readonly cap: number;
  readonly status: 'below' | 'noise' | 'unlikely' | 'outside';
}

/**
 * Every attack's reported points judged against (ε, δ) (see the file overview). `epsilon` must be
 * finite. Pure.
 */
export function checkAgainstBound(attacks: readonly BoundCheckInput[], epsilon: number, delta: number): BoundPoint[] {
  const points = attacks.length * CHECKED_FPRS.length;
  const familyConfidence = 1 - 0.05 / Math.max(1, points);
  return attacks.flatMap((a) =>
    CHECKED_FPRS.map((key): BoundPoint => {
      const fpr = Number(key);
      const tpr = a.tprAtFpr[key];
      const cap = maxTprAtFpr(epsilon, delta, fpr);
      const interval = tprInterval(tpr, a.members);
      const allowed = falsePositivesAllowed(fpr, a.nonMembers);
      let status: BoundPoint['status'] = 'below';
      if (tpr > cap) {
        const tprLow = tprInterval(tpr, a.members, familyConfidence).lower;
        // The point's false positives are at most the budget's; their upper end bounds the true FPR.
        const fprHigh = clopperPearson(allowed, a.nonMembers, familyConfidence).upper;
        status = tprLow > maxTprAtFpr(epsilon, delta, fprHigh) ? 'outside' : interval.lower > cap ? 'unlikely' : 'noise';
      }
      return { name: a.name, title: a.title, fpr, falsePositivesAllowed: allowed, tpr, interval, cap, status };
    }),
  );
}
