/**
 * @fileoverview Turns a LessonResult into the props the playground's charts take. Pure.
 */
import { boundFigure, type BoundFigure } from '../../core/privacy/bound-figure';
import type { RocScale, RocSeries, ScoreboardValues } from '../charts/index';
import { featuredAttack } from '../../lessons/facts';
import type { LessonResult } from '../../lessons/result';
import { readField, withField, type ExperimentConfig } from '../../core/experiment/config';
import { sameConfig } from '../../lessons/variants';

/** True when `config` differs from `base` in the field `path` at most. Pure. */
export function onlyChanges(base: ExperimentConfig, config: ExperimentConfig, path: string): boolean {
  const value = readField(config as unknown as Record<string, unknown>, path);
  try {
    return sameConfig(withField(base, path, value === null ? 'null' : String(value)), config);
  } catch {
    return false;
  }
}

/** ROC series on the chosen scale, one per attack. Pure. */
export function rocSeries(r: LessonResult, scale: RocScale): RocSeries[] {
  return r.attacks.map((a) => ({
    name: a.name, title: a.title, auc: a.auc, tprAt1: a.tprAt1, tprAt01: a.tprAt01,
    fpr: scale === 'log' ? a.rocLog.fpr : a.roc.fpr, tpr: scale === 'log' ? a.rocLog.tpr : a.roc.tpr,
  }));
}

/** The DP bound on a lesson result's ROC (ceiling curve and judged points), or null without a finite ε. Pure. */
export function rocBound(r: LessonResult, scale: RocScale): BoundFigure | null {
  const attacks = r.attacks.map((a) => ({ ...a, tprAtFpr: { '0.1': a.tprAt10, '0.01': a.tprAt1, '0.001': a.tprAt01 } }));
  return boundFigure(r.privacy, attacks, scale);
}

/** The scoreboard's numbers for the featured attack. Pure. */
export function scoreboardValues(r: LessonResult, featured: string | null): ScoreboardValues {
  const a = featuredAttack(r, featured);
  return {
    testAccuracy: r.target.testAccuracy,
    trainAccuracy: r.target.trainAccuracy,
    attack: a ? { title: a.title, auc: a.auc, balancedAccuracy: a.balancedAccuracy, tprAt1: a.tprAt1, members: a.members, nonMembers: a.nonMembers } : null,
    epsilon: r.privacy ? r.privacy.epsilon : null,
  };
}
