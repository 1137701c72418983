/**
 * @fileoverview One line per run for the history strip: what changed, the utility and the strongest
 * attack (the one catching the most members at 1% FPR, as the scoreboard picks it). Pure.
 */
import { featuredAttack } from '../../state/featured';
import type { ConfigChange } from '../../state/config-diff';
import type { PlaygroundResult } from '../../state/engine-types';

export interface RunLine {
  /** "Dropout 0 → 0.5", "+2 more" folded in; "First run" or "Same settings" when nothing changed. */
  readonly change: string;
  /** "test 70%". */
  readonly utility: string;
  /** "LiRA (online): AUC 0.78, 12% at 1% FPR", or "no attack". */
  readonly attack: string;
}

const pct = (v: number) => `${Math.round(v * 100)}%`;
const pctSmall = (v: number) => (v > 0 && v < 0.1 ? `${Number((v * 100).toFixed(1))}%` : pct(v));

/** The strip's line for a run; `first` marks the oldest run this tab made. Pure. */
export function runLine(result: PlaygroundResult, changes: readonly ConfigChange[], first: boolean): RunLine {
  const change = changes.length === 0 ? (first ? 'First run' : 'Same settings') : `${changes[0].text}${changes.length > 1 ? ` (+${changes.length - 1} more)` : ''}`;
  const name = featuredAttack(result.attacks, null);
  const a = result.attacks.find((x) => x.name === name);
  return {
    change,
    utility: `test ${pct(result.target.testAccuracy)}`,
    attack: a ? `${a.title}: AUC ${a.auc.toFixed(2)}, ${pctSmall(a.tprAtFpr['0.01'])} at 1% FPR` : 'no attack',
  };
}
