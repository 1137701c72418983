/**
 * @fileoverview How a measured rate is written with what it rests on: TPR at an FPR with its 95%
 * interval and the false positives the budget allows, "at zero false positives" where the budget
 * allows none, and the caption that explains a point crossing the DP bound. The numbers come from
 * core (summary.ts, bound-check.ts); this only words them, the same on the page and in reports. Pure.
 */
import type { ConfidenceInterval } from '../core/privacy/audit';
import type { BoundPoint } from '../core/privacy/bound-check';
import { fprBudgetLabel } from '../core/metrics/tpr-interval';
import { formatEpsilon, formatPercent } from './format';

/** An interval's ends as percentages without the sign: "6.3, 11.4" (two significant digits below 1%). */
export function intervalText(ci: ConfidenceInterval): string {
  const end = (v: number) => {
    const p = v * 100;
    return p === 0 ? '0' : p >= 1 ? p.toFixed(1) : String(Number(p.toPrecision(2)));
  };
  return `${end(ci.lower)}, ${end(ci.upper)}`;
}

/** "8.6% [6.3, 11.4]": a rate and its 95% interval. */
export function rateWithInterval(rate: number, ci: ConfidenceInterval): string {
  return `${formatPercent(rate)} [${intervalText(ci)}]`;
}

export { fprBudgetLabel };

/** "500 non-members: 5 false positives allowed" (or "no false positive allowed at 0.1% FPR"). */
export function budgetCount(fpr: number, falsePositivesAllowed: number, nonMembers: number): string {
  const n = `${nonMembers.toLocaleString('en-US')} non-members`;
  if (falsePositivesAllowed === 0) return `${n}: ${formatPercent(fpr)} FPR allows no false positive`;
  return `${n}: ${falsePositivesAllowed} false positive${falsePositivesAllowed === 1 ? '' : 's'} allowed`;
}

/** "TPR at 1% FPR = 8.6% [6.3, 11.4], 500 non-members: 5 false positives allowed". */
export function tprSentence(fpr: number, tpr: number, ci: ConfidenceInterval, falsePositivesAllowed: number, nonMembers: number): string {
  return `TPR ${fprBudgetLabel(fpr, falsePositivesAllowed)} = ${rateWithInterval(tpr, ci)}, ${budgetCount(fpr, falsePositivesAllowed, nonMembers)}`;
}

/**
 * The ROC caption under a DP bound: the bound holds for the true rates; each measured point above
 * it is named with its interval and whether that interval reaches inside. Empty when none is above.
 */
export function boundCaption(points: readonly BoundPoint[], epsilon: number): string {
  const over = points.filter((p) => p.status !== 'below');
  if (over.length === 0) return '';
  const lines = over.map((p) => {
    const at = p.falsePositivesAllowed === 0 ? `at zero false positives (the ${formatPercent(p.fpr)} FPR budget)` : `at ${formatPercent(p.fpr)} FPR`;
    const head = `${p.title}: ${formatPercent(p.tpr)} ${at} against a cap of ${formatPercent(p.cap)}, 95% interval [${intervalText(p.interval)}]`;
    switch (p.status) {
      case 'noise':
        return `${head}; the interval reaches inside the bound, so this is sampling noise.`;
      case 'unlikely':
        return `${head}; the interval lies above the cap, but allowing for the FPR's own noise and the ${points.length} points checked the bound still stands.`;
      default:
        return `${head}; no sampling noise explains this. The DP training code is likely broken.`;
    }
  });
  return `The bound (ε = ${formatEpsilon(epsilon)}) holds for the true rates; measured rates carry sampling noise. ${lines.join(' ')}`;
}
