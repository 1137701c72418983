import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { patients } from './patients';
import { blobs } from './points2d';
import { pickRows, splitForExperiment, subset, toTrainingData } from './splits';

const ds = patients({ n: 1000, outliers: 20 }, new Rng(1));
const sizes = { targetMembers: 200, shadowPool: 400, population: 150 };

function classCounts(rows: Int32Array, k: number): number[] {
  const c = new Array<number>(k).fill(0);
  for (const r of rows) c[ds.y[r]]++;
  return c;
}

describe('splitForExperiment', () => {
  const split = splitForExperiment(ds, sizes, new Rng(2));

  it('returns the requested sizes, non-members matching members', () => {
    expect(split.targetMembers.length).toBe(200);
    expect(split.targetNonMembers.length).toBe(200);
    expect(split.shadowPool.length).toBe(400);
    expect(split.population.length).toBe(150);
  });

  it('keeps every role disjoint and inside 0..n-1', () => {
    const all = [...split.targetMembers, ...split.targetNonMembers, ...split.shadowPool, ...split.population];
    expect(new Set(all).size).toBe(all.length);
    for (const r of all) {
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThan(ds.n);
    }
  });

  it('holds out the owner\'s validation rows apart from every other role, leaving the others as they were', () => {
    const withValidation = splitForExperiment(ds, { ...sizes, validation: 30 }, new Rng(2));
    expect(withValidation.validation.length).toBe(30);
    expect(split.validation.length).toBe(0);
    const all = [...withValidation.targetMembers, ...withValidation.targetNonMembers, ...withValidation.shadowPool, ...withValidation.validation, ...withValidation.population];
    expect(new Set(all).size).toBe(all.length);
    expect(Array.from(withValidation.targetMembers)).toEqual(Array.from(split.targetMembers));
    expect(Array.from(withValidation.shadowPool)).toEqual(Array.from(split.shadowPool));
    expect(() => splitForExperiment(ds, { targetMembers: 300, shadowPool: 380, validation: 30 }, new Rng(1))).toThrow(/30 validation/);
  });

  it('gives members and non-members the same class mix (stratified)', () => {
    const m = classCounts(split.targetMembers, 4);
    const nm = classCounts(split.targetNonMembers, 4);
    for (let c = 0; c < 4; c++) expect(Math.abs(m[c] - nm[c])).toBeLessThanOrEqual(2);
  });

  it('is deterministic per seed and differs across seeds', () => {
    const again = splitForExperiment(ds, sizes, new Rng(2));
    const other = splitForExperiment(ds, sizes, new Rng(3));
    expect(Array.from(again.targetMembers)).toEqual(Array.from(split.targetMembers));
    expect(Array.from(again.shadowPool)).toEqual(Array.from(split.shadowPool));
    expect(Array.from(other.targetMembers)).not.toEqual(Array.from(split.targetMembers));
  });

  it('uses every leftover row as population by default', () => {
    const s = splitForExperiment(ds, { targetMembers: 100, shadowPool: 300 }, new Rng(4));
    expect(s.population.length).toBe(500);
  });

  it('can pin rows (John Doe) into the members', () => {
    for (const seed of [1, 2, 3]) {
      const s = splitForExperiment(ds, { ...sizes, alwaysMembers: [0] }, new Rng(seed));
      expect(Array.from(s.targetMembers)).toContain(0);
      expect(Array.from(s.targetNonMembers)).not.toContain(0);
    }
  });

  it('names the sizes when they do not fit', () => {
    expect(() => splitForExperiment(ds, { targetMembers: 400, shadowPool: 300 }, new Rng(1))).toThrow(
      'The split needs 1100 rows (400 target members + 400 non-members + 300 shadow pool + 0 population) ' +
        'but the dataset "patients" has 1000.');
    expect(() => splitForExperiment(ds, { targetMembers: 0, shadowPool: 10 }, new Rng(1))).toThrow(/at least 1/);
    expect(() => splitForExperiment(ds, { targetMembers: 1.5, shadowPool: 10 }, new Rng(1))).toThrow(/integer/);
    expect(() => splitForExperiment(ds, { ...sizes, alwaysMembers: [5000] }, new Rng(1))).toThrow(/outside/);
  });
});

describe('subset and toTrainingData', () => {
  it('copies the chosen rows with their names, raw values and outlier marks', () => {
    const rows = [ds.outlierRows![0], 0, 5];
    const sub = subset(ds, rows);
    expect(sub.n).toBe(3);
    expect(sub.d).toBe(ds.d);
    expect(sub.recordNames).toEqual([ds.recordNames![rows[0]], 'John Doe', ds.recordNames![5]]);
    expect(Array.from(sub.x.subarray(12, 24))).toEqual(Array.from(ds.x.subarray(0, 12)));
    expect(Array.from(sub.rawX!.subarray(24, 36))).toEqual(Array.from(ds.rawX!.subarray(60, 72)));
    expect(Array.from(sub.y)).toEqual(rows.map((r) => ds.y[r]));
    expect(sub.outlierRows).toEqual(ds.outlierRows!.includes(5) ? [0, 2] : [0]);
    sub.x[0] = 99;
    expect(ds.x[rows[0] * 12]).not.toBe(99); // a copy, not a view
  });

  it('builds trainer input from rows', () => {
    const p = blobs({ n: 50 }, new Rng(1));
    const t = toTrainingData(p, Int32Array.from([3, 1]));
    expect(t.n).toBe(2);
    expect(t.d).toBe(2);
    expect(Array.from(t.x)).toEqual([p.x[6], p.x[7], p.x[2], p.x[3]]);
    expect(Array.from(t.y)).toEqual([p.y[3], p.y[1]]);
    expect(() => toTrainingData(p, [50])).toThrow(/outside 0\.\.49/);
  });
});

describe('pickRows', () => {
  it('copies the chosen rows in order, repeats allowed, leaving the source untouched', () => {
    const data = { x: Float32Array.from([0, 1, 10, 11, 20, 21]), y: Int32Array.from([5, 6, 7]), n: 3, d: 2 };
    const picked = pickRows(data, [2, 0, 2]);
    expect(Array.from(picked.x)).toEqual([20, 21, 0, 1, 20, 21]);
    expect(Array.from(picked.y)).toEqual([7, 5, 7]);
    expect([picked.n, picked.d]).toEqual([3, 2]);
    picked.x[0] = -1;
    expect(data.x[4]).toBe(20);
  });
});
