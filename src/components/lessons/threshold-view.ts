/**
 * @fileoverview What a lesson's threshold widget drags: the model's confidence in the true class,
 * members against non-members, with the attacker's own threshold carried over from the confidence-
 * or loss-threshold attack (the loss ranks records exactly as the confidence does: score = log p_y,
 * so its cut-off t is a confidence of e^t). A lesson result keeps the confidences as quantiles, so
 * the counts it shows are scaled to the real group sizes and said to be approximate. Pure.
 */
import { groupTable, type ThresholdTable } from '../../core/metrics/operating-point';
import type { LessonResult } from '../../lessons/result';

export interface LessonThreshold {
  readonly table: ThresholdTable;
  readonly counts: { readonly members: number; readonly nonMembers: number };
  /** The attacker's threshold on the confidence scale. */
  readonly calibrated: number;
  readonly source: string;
  readonly attackName: string;
  readonly attackTitle: string;
}

/** The attacks whose threshold is a confidence, and how to turn it into one. */
const ON_CONFIDENCE: Readonly<Record<string, (t: number) => number>> = {
  'confidence-threshold': (t) => t,
  'loss-threshold': (t) => Math.exp(t),
};

/**
 * The widget's data for `result`, preferring `featured`'s threshold when it is a confidence or loss
 * threshold. Without either attack the handle starts at 0.5 and says it is no attacker's choice.
 * Null when a group has no confidences. Pure.
 */
export function lessonThreshold(result: LessonResult, featured: string | null): LessonThreshold | null {
  const { members, nonMembers } = result.confidence;
  if (members.length === 0 || nonMembers.length === 0) return null;
  const table = groupTable(members, nonMembers);
  const candidates = result.attacks.filter((a) => a.name in ON_CONFIDENCE);
  const attack = candidates.find((a) => a.name === featured) ?? candidates[0] ?? null;
  const sizes = result.attacks[0] ?? { members: members.length, nonMembers: nonMembers.length };
  const counts = { members: sizes.members, nonMembers: sizes.nonMembers };
  if (!attack) {
    return { table, counts, calibrated: 0.5, source: 'a starting point, since this experiment ran no confidence or loss attack', attackName: 'confidence-threshold', attackTitle: 'Confidence threshold' };
  }
  // A threshold saved as null was ±∞: the attacker flagged nobody (or everybody); +∞ reads as nobody.
  const t = attack.threshold ?? Number.POSITIVE_INFINITY;
  const via = attack.name === 'loss-threshold' ? ` (the loss attack's cut-off, as a confidence)` : '';
  return { table, counts, calibrated: ON_CONFIDENCE[attack.name](t), source: `chosen on the attacker's shadow models${via}`, attackName: attack.name, attackTitle: attack.title };
}
