import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import type { Dataset } from './types';
import { blobs, circles, moons, spiral, type Points2dOptions } from './points2d';

type Gen = (opts: Points2dOptions, rng: Rng) => Dataset;
const GENERATORS: [string, Gen, number][] = [
  ['moons', moons, 2],
  ['circles', circles, 2],
  ['spiral', spiral, 2],
  ['blobs', blobs, 3],
];

function classCounts(ds: Dataset): number[] {
  const counts = new Array<number>(ds.numClasses).fill(0);
  for (const c of ds.y) counts[c]++;
  return counts;
}

/** Majority label among the k nearest non-outlier points to row i. */
function neighbourLabel(ds: Dataset, i: number, k = 7): number {
  const outliers = new Set(ds.outlierRows);
  const dist: [number, number][] = [];
  for (let j = 0; j < ds.n; j++) {
    if (j === i || outliers.has(j)) continue;
    dist.push([Math.hypot(ds.x[2 * i] - ds.x[2 * j], ds.x[2 * i + 1] - ds.x[2 * j + 1]), ds.y[j]]);
  }
  dist.sort((a, b) => a[0] - b[0]);
  const votes = new Array<number>(ds.numClasses).fill(0);
  for (const [, c] of dist.slice(0, k)) votes[c]++;
  return votes.indexOf(Math.max(...votes));
}

describe.each(GENERATORS)('%s', (name, gen, defaultClasses) => {
  it('has the documented shape and kind', () => {
    const ds = gen({ n: 301 }, new Rng(1));
    expect(ds.name).toBe(name);
    expect(ds.kind).toBe('points2d');
    expect(ds.n).toBe(301);
    expect(ds.d).toBe(2);
    expect(ds.x.length).toBe(602);
    expect(ds.y.length).toBe(301);
    expect(ds.numClasses).toBe(defaultClasses);
    expect(ds.classNames).toHaveLength(defaultClasses);
    expect(ds.featureNames).toEqual(['x1', 'x2']);
    expect(ds.outlierRows).toEqual([]);
  });

  it('is deterministic per seed and differs across seeds', () => {
    const a = gen({ n: 200 }, new Rng(7));
    const b = gen({ n: 200 }, new Rng(7));
    const c = gen({ n: 200 }, new Rng(8));
    expect(Array.from(b.x)).toEqual(Array.from(a.x));
    expect(Array.from(b.y)).toEqual(Array.from(a.y));
    expect(Array.from(c.x)).not.toEqual(Array.from(a.x));
  });

  it('balances the classes to within one row', () => {
    const counts = classCounts(gen({ n: 403 }, new Rng(2)));
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('keeps features in about [-1, 1] at the default noise', () => {
    const ds = gen({ n: 1000 }, new Rng(3));
    for (const v of ds.x) expect(Math.abs(v)).toBeLessThan(1.5);
    const maxAbs = Math.max(...Array.from(ds.x, Math.abs));
    expect(maxAbs).toBeGreaterThan(0.6); // uses the space, not a dot in the middle
  });

  it('places recorded outliers inside another class, keeping their label', () => {
    const clean = gen({ n: 400 }, new Rng(4));
    const ds = gen({ n: 400, outliers: 0.05 }, new Rng(4));
    const rows = ds.outlierRows!;
    expect(rows).toHaveLength(20);
    expect(new Set(rows).size).toBe(20);
    expect([...rows].sort((a, b) => a - b)).toEqual(rows);
    expect(Array.from(ds.y)).toEqual(Array.from(clean.y)); // labels untouched
    const misplaced = rows.filter((i) => neighbourLabel(ds, i) !== ds.y[i]).length;
    expect(misplaced).toBeGreaterThanOrEqual(18);
    // Rows that are not outliers are the same points as without outliers.
    const others = Array.from({ length: 400 }, (_, i) => i).filter((i) => !rows.includes(i));
    for (const i of others.slice(0, 50)) expect(ds.x[2 * i]).toBe(clean.x[2 * i]);
  });

  it('takes outliers as a count too', () => {
    expect(gen({ n: 100, outliers: 7 }, new Rng(5)).outlierRows).toHaveLength(7);
  });
});

describe('2-D options', () => {
  it('supports more classes where the shape allows', () => {
    expect(spiral({ n: 90, classes: 3 }, new Rng(1)).numClasses).toBe(3);
    expect(circles({ n: 90, classes: 4 }, new Rng(1)).numClasses).toBe(4);
    expect(new Set(blobs({ n: 80, classes: 8 }, new Rng(1)).y).size).toBe(8);
  });

  it('rejects class counts and sizes it cannot make', () => {
    expect(() => moons({ n: 10, classes: 3 }, new Rng(1))).toThrow(/classes must be an integer in 2\.\.2/);
    expect(() => spiral({ n: 10, classes: 4 }, new Rng(1))).toThrow(/2\.\.3/);
    expect(() => blobs({ n: 0 }, new Rng(1))).toThrow(/positive integer/);
  });

  it('puts circle classes on rings of increasing radius', () => {
    const ds = circles({ n: 600, classes: 3, noise: 0 }, new Rng(9));
    for (let i = 0; i < ds.n; i++) {
      expect(Math.hypot(ds.x[2 * i], ds.x[2 * i + 1])).toBeCloseTo((0.9 * (ds.y[i] + 1)) / 3, 5);
    }
  });

  it('grows the spread with the noise option', () => {
    const spread = (noise: number): number => {
      const ds = blobs({ n: 600, classes: 2, noise }, new Rng(3));
      const m = [0, 0, 0, 0];
      for (let i = 0; i < ds.n; i++) { m[2 * ds.y[i]] += ds.x[2 * i] / 300; m[2 * ds.y[i] + 1] += ds.x[2 * i + 1] / 300; }
      let s = 0;
      for (let i = 0; i < ds.n; i++) s += (ds.x[2 * i] - m[2 * ds.y[i]]) ** 2;
      return Math.sqrt(s / ds.n);
    };
    expect(spread(0.05)).toBeCloseTo(0.05, 1);
    expect(spread(0.3)).toBeCloseTo(0.3, 1);
  });
});
