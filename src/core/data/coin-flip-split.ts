/**
 * @fileoverview Membership by coin flips, for the one-run privacy audit (Steinke, Nasr & Jagielski
 * 2023): each candidate record (the split's target members and non-members together) joins the
 * target's training set by its own fair coin, independently of every other record. The audit's
 * statistics rest on exactly this independence, which a fixed split of m members and m
 * non-members does not have.
 */
import type { Rng } from '../rng';
import type { ExperimentSplit } from './splits';

/**
 * `split` with its 2m candidates re-divided by independent fair coins: heads are members, tails
 * non-members, each keeping the split's (random) order. The number of members varies around m.
 * In the (2^(1−2m)) case where every coin lands the same way, the flips are redrawn, since a run
 * needs both members and non-members; that conditioning shifts any probability by about
 * 2^(1−2m) (under 2e-6 for m ≥ 10). Pure: draws only from `rng`, so it is the same for a seed.
 */
export function coinFlipMembership(split: ExperimentSplit, rng: Rng): ExperimentSplit {
  const candidates = [...split.targetMembers, ...split.targetNonMembers];
  for (;;) {
    const heads: number[] = [];
    const tails: number[] = [];
    for (const row of candidates) (rng.next() < 0.5 ? heads : tails).push(row);
    if (heads.length > 0 && tails.length > 0) {
      return { ...split, targetMembers: Int32Array.from(heads), targetNonMembers: Int32Array.from(tails) };
    }
  }
}
