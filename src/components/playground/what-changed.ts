/**
 * @fileoverview The one sentence that says what a run changed, computed from the two runs' numbers:
 * "Dropout 0 → 0.5 cut the TPR at 1% FPR of LiRA (online) from 31% [27, 35] to 12% [9, 15]; test
 * accuracy 71% → 70%." The SAME attack is compared across the runs (a different attack's number
 * would say nothing about the setting), with the 95% intervals when the results carry them, and
 * a warning when those intervals overlap. Pure.
 */
import { changesText, configDiff } from '../../state/config-diff';
import type { ExperimentConfig } from '../../core/experiment/config';
import { DEFENSES } from '../../core/defenses/registry';

type Interval = { readonly lower: number; readonly upper: number };

/** What the sentence reads from a run (a PlaygroundResult has all of it). */
export interface RunNumbers {
  readonly config: ExperimentConfig;
  readonly target: { readonly testAccuracy: number };
  readonly attacks: readonly {
    readonly name: string;
    readonly title: string;
    readonly tprAtFpr: { readonly '0.01': number };
    readonly tprAtFprCi?: { readonly '0.01': Interval };
    readonly tprAtFprLabel?: { readonly '0.01': string };
  }[];
}

/** A rate as a whole percent, with one decimal below 10% so small rates keep their size: 31%, 4.2%, 0%. Pure. */
export function pct(v: number): string {
  const p = v * 100;
  return p > 0 && p < 10 ? `${Number(p.toFixed(1))}` : `${Math.round(p)}`;
}

/** "31% [27, 35]" or "31%" without an interval. Pure. */
export function rateWithInterval(v: number, ci?: Interval): string {
  return ci ? `${pct(v)}% [${pct(ci.lower)}, ${pct(ci.upper)}]` : `${pct(v)}%`;
}

/**
 * The attack to compare: `featured` when it ran in both runs, else the one caught the most members
 * at 1% FPR in `next` among those that ran in both; null when no attack ran in both. Pure.
 */
export function comparedAttack(prev: RunNumbers, next: RunNumbers, featured: string | null): string | null {
  const both = next.attacks.filter((a) => prev.attacks.some((b) => b.name === a.name));
  if (featured && both.some((a) => a.name === featured)) return featured;
  if (both.length === 0) return null;
  return both.reduce((best, a) => (a.tprAtFpr['0.01'] > best.tprAtFpr['0.01'] ? a : best)).name;
}

/** The defenses on in `config`, in words ("dropout 0.5", "DP-SGD at target ε 4"); empty when none. Pure. */
export function defensesOn(config: ExperimentConfig): string[] {
  return DEFENSES.filter((d) => d.isOn(config)).flatMap((d) => {
    // DP-SGD's report line needs the finished run's accounting; the setting is what the learner chose.
    if (d.key === 'dp') return [config.dp.targetEpsilon === null ? `DP-SGD (σ ${config.dp.noiseMultiplier})` : `DP-SGD at target ε ${config.dp.targetEpsilon}`];
    const line = d.reportLine(config, { privacy: null, formatEpsilon: String });
    return line ? [line] : [];
  });
}

/**
 * The sentence, or null without a previous run. `featured` is the attack on show. The comparison is
 * always with the previous run; when that run had a defense on (dropout, then augmentation), the
 * sentence names it, so the numbers are not read as against the undefended model. Pure.
 */
export function whatChanged(prev: RunNumbers | null, next: RunNumbers, featured: string | null): string | null {
  if (!prev) return null;
  const changes = configDiff(prev.config, next.config);
  const wasOn = defensesOn(prev.config);
  const since = changes.length > 0 && wasOn.length > 0 ? `Compared with the previous run (${wasOn.join(', ')}), ` : '';
  const what = changes.length === 0 ? 'The same settings again' : since + changesText(changes);
  const accBefore = pct(prev.target.testAccuracy);
  const accAfter = pct(next.target.testAccuracy);
  const accuracy = accBefore === accAfter ? `test accuracy stayed at ${accAfter}%` : `test accuracy ${accBefore}% → ${accAfter}%`;
  const name = comparedAttack(prev, next, featured);
  if (name === null) return `${what}: ${accuracy}. No attack ran in both runs, so there is no attack number to compare.`;
  const a = prev.attacks.find((x) => x.name === name)!;
  const b = next.attacks.find((x) => x.name === name)!;
  const metric = b.tprAtFprLabel?.['0.01'] ?? 'TPR at 1% FPR';
  const before = rateWithInterval(a.tprAtFpr['0.01'], a.tprAtFprCi?.['0.01']);
  const after = rateWithInterval(b.tprAtFpr['0.01'], b.tprAtFprCi?.['0.01']);
  const same = pct(a.tprAtFpr['0.01']) === pct(b.tprAtFpr['0.01']);
  const verb = b.tprAtFpr['0.01'] < a.tprAtFpr['0.01'] ? 'cut' : 'raised';
  const attack = same
    ? `${what} left the ${metric} of ${b.title} at ${after}`
    : `${what} ${verb} the ${metric} of ${b.title} from ${before} to ${after}`;
  const ca = a.tprAtFprCi?.['0.01'];
  const cb = b.tprAtFprCi?.['0.01'];
  const overlap = !same && ca && cb && ca.lower <= cb.upper && cb.lower <= ca.upper;
  return `${attack}; ${accuracy}.${overlap ? ' The two intervals overlap, so this difference could be chance.' : ''}`;
}
