/**
 * @fileoverview What lesson 6's threshold widget drags: the featured attack's own scores (LiRA's
 * log-likelihood ratio, say), members against non-members, starting at the threshold the attacker
 * calibrated. A cached result keeps up to 200 scores per group, so with 200 members and 200
 * non-members the counts are exact; with more they are scaled and said to be approximate. Pure.
 */
import { groupTable } from '../../core/metrics/operating-point';
import { featuredAttack } from '../../lessons/facts';
import type { LessonResult } from '../../lessons/result';
import type { LessonThreshold } from './threshold-view';

/** The score axis's label for an attack's scores. */
export function scoreAxisLabel(attack: string, title: string): string {
  // Starts with a common noun: the histogram's summary lower-cases the first letter ("Median score …").
  if (attack.startsWith('lira')) return `Score of ${title} (log-likelihood ratio)`;
  return `Score of ${title} (higher: more likely a member)`;
}

/** The widget's data for the featured attack's scores; null when the result kept none. Pure. */
export function lessonScoreThreshold(result: LessonResult, featured: string | null): LessonThreshold | null {
  const a = featuredAttack(result, featured);
  if (!a?.scores || a.scores.members.length === 0 || a.scores.nonMembers.length === 0) return null;
  const finite = [...a.scores.members, ...a.scores.nonMembers];
  // A threshold saved as null was ±∞: start just above every score (the attacker flagged nobody).
  const calibrated = a.threshold ?? Math.max(...finite) + 1e-9;
  return {
    table: groupTable(a.scores.members, a.scores.nonMembers),
    counts: { members: a.members, nonMembers: a.nonMembers },
    calibrated,
    source: a.name === 'shadow-model' ? "chosen on the attacker's shadow models" : "chosen on the attacker's reference models",
    attackName: a.name,
    attackTitle: a.title,
  };
}
