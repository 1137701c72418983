/**
 * @fileoverview The featured attack's scores, ready for the threshold views: sorted by group once
 * per result, with the attacker's own threshold and where it came from. Pure.
 */
import { thresholdTable, type ThresholdTable } from '../core/metrics/operating-point';
import { ATTACKS, isAttackName } from '../core/attacks/registry';
import type { PlaygroundResult } from './engine-types';

export interface FeaturedScores {
  readonly name: string;
  readonly title: string;
  readonly table: ThresholdTable;
  /** The attacker's calibrated threshold (score ≥ it ⇒ member). */
  readonly calibrated: number;
  /** Where that threshold came from, in words. */
  readonly source: string;
}

/** Where an attack's threshold comes from: the gap attack's is fixed; LiRA and RMIA calibrate on their references. Pure. */
export function thresholdSource(name: string): string {
  if (name === 'gap') return 'fixed by the attack (a correct answer means member)';
  if (isAttackName(name) && ATTACKS[name].usesReferenceModels) return "chosen on the attacker's reference models";
  return "chosen on the attacker's shadow data";
}

/** `attack`'s scores in `result` for the threshold views; null without the result or the attack. Pure. */
export function featuredScores(result: PlaygroundResult | null, attack: string | null): FeaturedScores | null {
  const a = result?.attacks.find((x) => x.name === attack);
  if (!result || !a) return null;
  try {
    return { name: a.name, title: a.title, table: thresholdTable(a.scores, result.isMember), calibrated: a.verdictThreshold, source: thresholdSource(a.name) };
  } catch {
    // A preview can hold no members or no non-members yet: there is no trade-off to show.
    return null;
  }
}
