/**
 * @fileoverview Seed spread: the same experiment under N seeds, each figure as mean ± standard
 * deviation (the sample standard deviation, n − 1; 0 for one run). One run's numbers hide how much
 * they move with the random split, initialisation and batches; the spread shows it. Pure.
 */
import type { ExperimentResult } from './experiment-result';

/** A figure over several runs. */
export interface Spread {
  readonly mean: number;
  readonly std: number;
}

/** Mean and sample standard deviation of `values` (non-finite values make both NaN). Pure. */
export function spread(values: readonly number[]): Spread {
  const n = values.length;
  if (n === 0) return { mean: NaN, std: NaN };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const std = n < 2 ? 0 : Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  return { mean, std };
}

/** One attack's figures over the seeds. */
export interface AttackSpread {
  readonly name: string;
  readonly auc: Spread;
  readonly accuracy: Spread;
  readonly balancedAccuracy: Spread;
  readonly advantage: Spread;
  readonly tprAtFpr: { readonly '0.1': Spread; readonly '0.01': Spread; readonly '0.001': Spread };
  readonly empiricalEpsilon: Spread;
}

/** What `--repeat N` adds to the CLI's JSON: the seeds and every figure's spread. Plain data. */
export interface RepeatSummary {
  readonly runs: number;
  readonly seeds: readonly number[];
  readonly target: { readonly trainAccuracy: Spread; readonly testAccuracy: Spread; readonly trainLoss: Spread; readonly testLoss: Spread };
  /** Null when trained without DP. ε varies only if the data size does; the empirical ε varies with the seed. */
  readonly privacy: { readonly epsilon: Spread; readonly empiricalEpsilon: Spread } | null;
  /** Attacks that ran in every run, in the first run's order. */
  readonly attacks: readonly AttackSpread[];
}

/** Mean ± std of every figure over `results` (one per seed, same config otherwise). Pure. */
export function summarizeRepeats(results: readonly ExperimentResult[]): RepeatSummary {
  const over = (f: (r: ExperimentResult) => number) => spread(results.map(f));
  const names = (results[0]?.attacks ?? []).map((a) => a.name).filter((n) => results.every((r) => r.attacks.some((a) => a.name === n)));
  const attacks = names.map((name): AttackSpread => {
    const of = (f: (a: ExperimentResult['attacks'][number]) => number) => over((r) => f(r.attacks.find((a) => a.name === name)!));
    return {
      name,
      auc: of((a) => a.auc),
      accuracy: of((a) => a.accuracy),
      balancedAccuracy: of((a) => a.balancedAccuracy),
      advantage: of((a) => a.advantage),
      tprAtFpr: { '0.1': of((a) => a.tprAtFpr['0.1']), '0.01': of((a) => a.tprAtFpr['0.01']), '0.001': of((a) => a.tprAtFpr['0.001']) },
      empiricalEpsilon: of((a) => a.empiricalEpsilon),
    };
  });
  const dp = results.every((r) => r.privacy !== null);
  return {
    runs: results.length,
    seeds: results.map((r) => r.config.seed),
    target: {
      trainAccuracy: over((r) => r.target.trainAccuracy),
      testAccuracy: over((r) => r.target.testAccuracy),
      trainLoss: over((r) => r.target.trainLoss),
      testLoss: over((r) => r.target.testLoss),
    },
    privacy: dp ? { epsilon: over((r) => r.privacy!.epsilon), empiricalEpsilon: over((r) => r.privacy!.empiricalEpsilon) } : null,
    attacks,
  };
}
