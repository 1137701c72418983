import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { coinFlipMembership } from './coin-flip-split';
import type { ExperimentSplit } from './splits';

const m = 100;
const split: ExperimentSplit = {
  targetMembers: Int32Array.from({ length: m }, (_, i) => i),
  targetNonMembers: Int32Array.from({ length: m }, (_, i) => m + i),
  shadowPool: Int32Array.of(500, 501),
  validation: new Int32Array(0),
  population: Int32Array.of(600),
};

describe('coinFlipMembership', () => {
  it('re-divides exactly the candidates, keeping the other roles, the same for a seed', () => {
    const a = coinFlipMembership(split, new Rng(1));
    expect([...a.targetMembers, ...a.targetNonMembers].sort((x, y) => x - y)).toEqual(Array.from({ length: 2 * m }, (_, i) => i));
    expect(a.shadowPool).toBe(split.shadowPool);
    expect(a.population).toBe(split.population);
    expect(coinFlipMembership(split, new Rng(1))).toEqual(a);
    expect(coinFlipMembership(split, new Rng(2)).targetMembers).not.toEqual(a.targetMembers);
  });

  it('gives each candidate its own fair coin: about half join, the count varies like Bin(2m, ½)', () => {
    const seeds = 400;
    const joined = new Float64Array(2 * m);
    const counts: number[] = [];
    let together = 0; // runs where rows 0 and 1 (both members of the fixed split) land on the same side
    for (let s = 0; s < seeds; s++) {
      const a = coinFlipMembership(split, new Rng(1000 + s));
      counts.push(a.targetMembers.length);
      const inSet = new Set(a.targetMembers);
      for (const r of a.targetMembers) joined[r]++;
      if (inSet.has(0) === inSet.has(1)) together++;
    }
    // Each row: frequency within 4.5 standard errors of ½ (se = √(¼/400) = 0.025).
    for (const f of joined) expect(Math.abs(f / seeds - 0.5)).toBeLessThan(0.1125);
    // The former members are not kept together: rows 0 and 1 agree about half the time.
    expect(Math.abs(together / seeds - 0.5)).toBeLessThan(0.1125);
    // A fixed split always has m members; coins give a spread with variance ≈ 2m/4 = 50.
    const mean = counts.reduce((s, c) => s + c, 0) / seeds;
    const variance = counts.reduce((s, c) => s + (c - mean) ** 2, 0) / (seeds - 1);
    expect(Math.abs(mean - m)).toBeLessThan(1.5);
    expect(variance).toBeGreaterThan(35);
    expect(variance).toBeLessThan(68);
  });
});
