/**
 * @fileoverview Which attack the scoreboard features, and the numbers it compares with the last
 * run. The strongest attack is the one that exposes the most members at 1% FPR (ties broken by
 * AUC), the same measure the audit report leads with. A change is only reported for the same
 * attack in both runs: comparing LiRA now with the gap attack before would be meaningless. Pure.
 */
import { strongestAttack } from '../report/model';
import type { ScoreboardValues } from '../present/scoreboard';
import type { PlaygroundResult } from './engine-types';

/** How the scoreboard picks its attack when the learner has not chosen one, in words. */
export const STRONGEST_CRITERION = 'most members caught at 1% FPR';

type AttackNumbers = Pick<PlaygroundResult['attacks'][number], 'name' | 'auc' | 'tprAtFpr'>;

/**
 * The attack to feature: `pinned` (the learner's choice) when it ran, else the strongest. Null
 * when no attack ran. Pure.
 */
export function featuredAttack(attacks: readonly AttackNumbers[], pinned: string | null): string | null {
  if (pinned && attacks.some((a) => a.name === pinned)) return pinned;
  const rows = attacks.map((a) => ({ name: a.name, auc: a.auc, tprAt1: a.tprAtFpr['0.01'] }));
  return strongestAttack(rows)?.name ?? null;
}

/**
 * The scoreboard's numbers for `attack` in `result`. With `strict` (the previous run), a run
 * where that attack did not run has no attack numbers, so no change is shown for them. Pure.
 */
export function boardValues(result: PlaygroundResult | null, attack: string | null, strict = false): ScoreboardValues | null {
  if (!result) return null;
  const a = result.attacks.find((x) => x.name === attack) ?? (strict ? undefined : result.attacks[0]);
  return {
    testAccuracy: result.target.testAccuracy,
    trainAccuracy: result.target.trainAccuracy,
    attack: a ? { title: a.title, auc: a.auc, balancedAccuracy: a.balancedAccuracy, tprAt1: a.tprAtFpr['0.01'], members: a.members, nonMembers: a.nonMembers } : null,
    epsilon: result.privacy ? result.privacy.epsilon : null,
    audit: result.privacy?.audit ?? null,
  };
}
