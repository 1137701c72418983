/**
 * @fileoverview Grading the lesson 11 audit report against the mystery model's hidden truth (its
 * result): the attack cited, its AUC and TPR at 1% FPR, and the defense recommended. Pure.
 */
import type { LessonResult } from '../../lessons/result';

export interface DefenseOption {
  readonly value: string;
  readonly label: string;
  readonly accept: boolean;
  readonly why: string;
}

export interface AuditReport {
  readonly attack: string;
  readonly auc: number;
  /** As typed, in percent (e.g. 21 for 21%). */
  readonly tprPercent: number;
  readonly defense: string;
}

export interface ReportItem {
  readonly label: string;
  readonly ok: boolean;
  readonly detail: string;
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** Checks each part of the report; tolerances are absolute (AUC units, TPR as a rate). Pure. */
export function gradeReport(
  report: AuditReport, truth: LessonResult, defenses: readonly DefenseOption[], tolerance: { readonly auc: number; readonly tpr: number },
): ReportItem[] {
  const best = truth.attacks.reduce((b, a) => (a.tprAt1 > b.tprAt1 ? a : b), truth.attacks[0]);
  const chosen = truth.attacks.find((a) => a.name === report.attack);
  const items: ReportItem[] = [];
  if (!chosen) {
    items.push({ label: 'Attack', ok: false, detail: `Choose one of the attacks you ran. The strongest at 1% FPR was ${best.title} (${pct(best.tprAt1)}).` });
  } else {
    const ok = chosen.tprAt1 >= best.tprAt1 - tolerance.tpr;
    items.push({
      label: 'Attack',
      ok,
      detail: ok
        ? `${chosen.title} is among the strongest at 1% FPR (${pct(chosen.tprAt1)}; the best found ${pct(best.tprAt1)}).`
        : `${chosen.title} finds ${pct(chosen.tprAt1)} of members at 1% FPR, but ${best.title} finds ${pct(best.tprAt1)}. Cite the attack that exposes the most people with few false accusations.`,
    });
    const aucOk = Number.isFinite(report.auc) && Math.abs(report.auc - chosen.auc) <= tolerance.auc;
    items.push({ label: 'AUC', ok: aucOk, detail: aucOk ? `Matches: ${chosen.title}'s AUC is ${chosen.auc.toFixed(3)}.` : `${chosen.title}'s AUC is ${chosen.auc.toFixed(3)}; you wrote ${Number.isFinite(report.auc) ? report.auc : 'nothing'}. AUC is between 0.5 (chance) and 1.` });
    const tpr = report.tprPercent / 100;
    const tprOk = Number.isFinite(tpr) && Math.abs(tpr - chosen.tprAt1) <= tolerance.tpr;
    const mixedUp = Number.isFinite(tpr) && (Math.abs(tpr - chosen.accuracy) <= tolerance.tpr || Math.abs(tpr - chosen.tprAt10) <= tolerance.tpr);
    items.push({
      label: 'TPR at 1% FPR',
      ok: tprOk,
      detail: tprOk
        ? `Matches: ${pct(chosen.tprAt1)}.`
        : `${chosen.title} finds ${pct(chosen.tprAt1)} of members at 1% FPR.${mixedUp ? ' The number you wrote looks like its accuracy or its TPR at 10% FPR.' : ''}`,
    });
  }
  const d = defenses.find((x) => x.value === report.defense);
  items.push({ label: 'Recommended defense', ok: d?.accept ?? false, detail: d ? d.why : 'Pick a defense to recommend.' });
  return items;
}
