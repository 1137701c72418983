/**
 * @fileoverview The points of a sweep chart: one per result (the preset and its variants), x from
 * a config field, y from named facts. Pure.
 */
import { readField } from '../../core/experiment/config';
import { resultFacts } from '../../lessons/facts';
import type { LessonResult } from '../../lessons/result';

/** Axis names for the facts a sweep may plot. */
export const FACT_LABELS: Readonly<Record<string, string>> = {
  gap: 'Train–test gap', auc: 'Attack AUC', tprAt1: 'TPR at 1% FPR', tprAt10: 'TPR at 10% FPR', testAccuracy: 'Test accuracy',
  trainAccuracy: 'Train accuracy', advantage: 'Attack advantage (oracle threshold)',
};

export interface SweepPoint {
  readonly x: number;
  readonly y: Readonly<Record<string, number>>;
  readonly live: boolean;
}

/** Sorted points; results whose x is not a number (e.g. a no-DP run on an ε axis) are left out. Pure. */
export function sweepPoints(results: readonly LessonResult[], x: string, ys: readonly string[], featured: string | null): SweepPoint[] {
  const pts: SweepPoint[] = [];
  for (const r of results) {
    const xv = readField(r.config as unknown as Record<string, unknown>, x);
    if (typeof xv !== 'number') continue;
    const f = resultFacts(r, featured);
    pts.push({ x: xv, y: Object.fromEntries(ys.map((k) => [k, typeof f[k] === 'number' ? (f[k] as number) : NaN])), live: r.source === 'live' });
  }
  return pts.sort((a, b) => a.x - b.x).filter((p, i, all) => i === 0 || p.x !== all[i - 1].x);
}
