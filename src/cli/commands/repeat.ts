/**
 * @fileoverview `experiment --repeat N`: the same experiment under seeds s, s + 1, …, s + N − 1,
 * reported as the first seed's usual JSON plus a `repeat` block with every figure's mean ± std
 * (core/experiment/repeat.ts). With N = 1 nothing changes.
 */
import { numberFlag, UsageError, type ParsedFlags } from '../args';
import { FIELDS } from '../../core/experiment/schema';

/** The most seeds one command runs: each is a full training run. */
export const MAX_REPEAT = 50;

/** N from `--repeat` (1 without it). Throws UsageError unless it is an integer in 1..MAX_REPEAT. */
export function repeatCount(flags: ParsedFlags): number {
  const n = numberFlag(flags, 'repeat') ?? 1;
  if (!Number.isInteger(n) || n < 1 || n > MAX_REPEAT) throw new UsageError(`--repeat must be an integer in 1..${MAX_REPEAT}, got ${n}`);
  if (n > 1 && flags.scores) throw new UsageError('--scores writes the scores of one run; give it without --repeat');
  return n;
}

/** The seeds of N runs from `seed`; throws UsageError if the last would pass the largest seed. */
export function repeatSeeds(seed: number, n: number): number[] {
  const kind = FIELDS.find((f) => f.path === 'seed')!.kind;
  const max = kind.type === 'int' ? kind.max : Number.MAX_SAFE_INTEGER;
  if (seed + n - 1 > max) throw new UsageError(`--repeat ${n} from seed ${seed} would pass the largest seed ${max}; lower --seed`);
  return Array.from({ length: n }, (_, i) => seed + i);
}
