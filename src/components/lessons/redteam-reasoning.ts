/**
 * @fileoverview Grading the reasoning behind a lesson 11 audit report, not only its numbers: why
 * the attack is cited (its TPR at a low FPR, not its AUC or accuracy), at which false positive rate
 * the report speaks, and how many member records the attack exposes there, out of how many, with
 * how many non-members falsely accused. Pure.
 */
import type { LessonAttack, LessonResult } from '../../lessons/result';
import type { ReportItem } from './redteam';

export type CiteReason = 'tpr-low-fpr' | 'auc' | 'accuracy';
/** The FPR the report quotes its rate at, as written in results' tprAtFpr keys. */
export type ReportFpr = '0.001' | '0.01' | '0.1';

export interface AuditReasoning {
  readonly reason: CiteReason | '';
  readonly fpr: ReportFpr | '';
  /** Members the cited attack exposes at that FPR, as typed (a count of records). */
  readonly members: number;
}

const RATE: Record<ReportFpr, (a: LessonAttack) => number> = { '0.001': (a) => a.tprAt01, '0.01': (a) => a.tprAt1, '0.1': (a) => a.tprAt10 };
const PCT: Record<ReportFpr, string> = { '0.001': '0.1%', '0.01': '1%', '0.1': '10%' };

/** Members of `a` flagged at `fpr`, and the false positives that FPR allows among its non-members. */
export function exposedAt(a: LessonAttack, fpr: ReportFpr): { found: number; falsePositives: number } {
  return { found: Math.round(RATE[fpr](a) * a.members), falsePositives: Math.floor(Number(fpr) * a.nonMembers + 1e-9) };
}

/**
 * Checks the reasoning of a report that cites `attackName` on `truth`. A count is right within
 * two records or `tprTolerance` of the members, whichever is larger. Pure.
 */
export function gradeReasoning(r: AuditReasoning, attackName: string, truth: LessonResult, tprTolerance: number): ReportItem[] {
  const a = truth.attacks.find((x) => x.name === attackName);
  const items: ReportItem[] = [];
  items.push(
    r.reason === 'tpr-low-fpr'
      ? { label: 'Why this attack', ok: true, detail: 'Right: the attack to cite is the one that exposes the most members while falsely accusing almost no one.' }
      : {
          label: 'Why this attack',
          ok: false,
          detail: r.reason === ''
            ? 'Say why you cite the attack.'
            : `${r.reason === 'auc' ? 'AUC averages over every threshold, most of which falsely accuse many people' : 'Accuracy counts every record alike and can look modest while some people are exposed with near certainty'}; cite the attack by its TPR at a low FPR.`,
        },
  );
  if (!a || r.fpr === '') {
    items.push({ label: 'False positive rate', ok: false, detail: 'Choose the false positive rate your numbers are at.' });
    return items;
  }
  const { falsePositives } = exposedAt(a, r.fpr);
  const lowEnough = r.fpr !== '0.1';
  items.push({
    label: 'False positive rate',
    ok: lowEnough,
    detail: lowEnough
      ? `At ${PCT[r.fpr]} FPR the attack may accuse at most ${falsePositives} of the ${a.nonMembers} non-members: a rate that describes harm to individuals.`
      : `At 10% FPR the attack may accuse ${falsePositives} of the ${a.nonMembers} non-members; a verdict that wrong so often exposes no one with confidence. Report at 1% FPR or lower.`,
  });
  const { found } = exposedAt(a, r.fpr);
  const slack = Math.max(2, Math.round(tprTolerance * a.members));
  const countOk = Number.isFinite(r.members) && Math.abs(r.members - found) <= slack;
  items.push({
    label: 'Members exposed',
    ok: countOk,
    detail: countOk
      ? `Matches: ${a.title} flags ${found} of ${a.members} members at ${PCT[r.fpr]} FPR.`
      : `${a.title} flags ${found} of ${a.members} members at ${PCT[r.fpr]} FPR (you wrote ${Number.isFinite(r.members) ? r.members : 'nothing'}). A report names the records behind the rate.`,
  });
  return items;
}
