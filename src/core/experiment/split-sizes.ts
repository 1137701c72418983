/**
 * @fileoverview How many rows each role of the split takes, including the validation rows that
 * early stopping watches. Those rows are never trained on and never evaluated as members: the
 * target owner holds out its own, disjoint from members, non-members and the attacker's pool, and
 * the attacker sets aside a slice of its pool for its shadow and reference models. Pure.
 */
import type { ExperimentConfig } from './config';

/** The fewest rows the attacker's pool may shrink to (the schema's minimum for split.shadowPool). */
const MIN_POOL = 10;

/** Rows per role for a dataset of n rows. */
export interface SplitPlan {
  /** Target members; the non-members are as many. */
  readonly members: number;
  /** The attacker's pool, its validation slice included. */
  readonly pool: number;
  /** The owner's validation rows (0 without early stopping). */
  readonly ownerValidation: number;
  /** The slice of the pool the attacker keeps for its own models' early stopping (0 without it). */
  readonly attackerValidation: number;
  /** Rows the owner's validation took from the pool because the data had none to spare. */
  readonly takenFromPool: number;
}

/** The owner's validation rows: train.validationSplit × split.targetMembers, or 0 without early stopping. */
export function ownerValidationRows(c: ExperimentConfig): number {
  return c.train.earlyStopping ? Math.max(1, Math.round(c.train.validationSplit * c.split.targetMembers)) : 0;
}

/**
 * The split of `n` rows under `c`, or a sentence naming why it does not fit. The owner's
 * validation rows come from the rows the split leaves over; when there are too few, from the end
 * of the attacker's pool (never from members or non-members, which are evaluated), so turning on
 * early stopping never makes a fitting split fail. The attacker then sets aside the same share of
 * the rows a shadow model trains on (half its pool) as its own validation rows. Pure.
 * @param source where the n rows come from, for the message ("data.n is 600")
 */
export function planSplit(c: ExperimentConfig, n: number, source: string): SplitPlan | string {
  const m = c.split.targetMembers, s = c.split.shadowPool;
  if (2 * m + s > n) {
    return `The split needs ${2 * m + s} rows (2 × split.targetMembers ${m} + split.shadowPool ${s}) but ${source}.`;
  }
  const ownerValidation = ownerValidationRows(c);
  const takenFromPool = Math.max(0, ownerValidation - (n - 2 * m - s));
  const pool = s - takenFromPool;
  if (pool < MIN_POOL) {
    return (
      `Early stopping's ${ownerValidation} validation rows (train.validationSplit ${c.train.validationSplit} × split.targetMembers ${m}) ` +
      `would leave fewer than ${MIN_POOL} rows of split.shadowPool ${s}, because ${source}. Lower split.targetMembers or train.validationSplit.`
    );
  }
  const attackerValidation = c.train.earlyStopping ? Math.max(1, Math.round(c.train.validationSplit * Math.floor(pool / 2))) : 0;
  return { members: m, pool, ownerValidation, attackerValidation, takenFromPool };
}
