/**
 * @fileoverview The cheat sheet over several seeds: each defense measured with seeds s, s + 1, …,
 * and its row the mean of the per-seed rows with their standard deviations, so a difference
 * between two defenses can be told from the noise of one run. Pure.
 */
import { spread } from './repeat';
import type { SweepDefinition, SweepRow } from './sweep';

/** The seed counts the cheat sheet offers. */
export const SWEEP_SEED_CHOICES = [1, 3] as const;

/** Standard deviations over the seeds of a row's measured figures. */
export interface SweepRowSpread {
  readonly seeds: number;
  readonly trainAccuracy: number;
  readonly testAccuracy: number;
  readonly auc: number;
  readonly tprAt1: number;
}

/** `def` measured over `seeds` seeds: its own id, so its finished sweep is cached apart. Pure. */
export function withSeeds(def: SweepDefinition, seeds: number): SweepDefinition {
  if (!Number.isInteger(seeds) || seeds < 1) throw new RangeError(`seeds must be an integer ≥ 1, got ${seeds}`);
  return seeds === 1 ? def : { ...def, id: `${def.id}-seeds${seeds}`, seeds };
}

/** The seeds one step of `def` runs with, from the step config's own seed. Pure. */
export function stepSeeds(def: SweepDefinition, seed: number): number[] {
  return Array.from({ length: def.seeds ?? 1 }, (_, i) => seed + i);
}

/** The attack named most often (the first of those on a tie). */
function mostFrequent(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best = names[0];
  for (const n of names) if (counts.get(n)! > counts.get(best)!) best = n;
  return best;
}

/**
 * One row from the same defense's rows under several seeds: each figure's mean (the strongest
 * attack's per-seed AUC and TPR averaged, since a defender assumes the best attack every time),
 * the attack strongest most often, and `spread` with the standard deviations. A single row is
 * returned as it is. Pure.
 */
export function combineSeedRows(rows: readonly SweepRow[]): SweepRow {
  if (rows.length === 0) throw new Error('combineSeedRows needs at least one row.');
  if (rows.length === 1) return rows[0];
  const of = (f: (r: SweepRow) => number) => spread(rows.map(f));
  const [train, test, auc, tpr] = [of((r) => r.trainAccuracy), of((r) => r.testAccuracy), of((r) => r.auc), of((r) => r.tprAt1)];
  const eps = rows.map((r) => r.epsilon);
  return {
    key: rows[0].key,
    label: rows[0].label,
    trainAccuracy: train.mean,
    testAccuracy: test.mean,
    auc: auc.mean,
    aucAttack: mostFrequent(rows.map((r) => r.aucAttack)),
    tprAt1: tpr.mean,
    tprAttack: mostFrequent(rows.map((r) => r.tprAttack)),
    epsilon: eps.every((e) => e !== null) ? spread(eps as number[]).mean : null,
    delta: rows[0].delta,
    spread: { seeds: rows.length, trainAccuracy: train.std, testAccuracy: test.std, auc: auc.std, tprAt1: tpr.std },
  };
}
