import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { DATASET_INFO, datasetSpecErrors, generateDataset, type DatasetName, type DatasetSpec } from './generate';

const NAMES = Object.keys(DATASET_INFO) as DatasetName[];
// Generated sets take n, a seed and outliers; the real dataset (wdbc) is fixed data.
const GENERATED = NAMES.filter((name) => name !== 'wdbc');

describe('generateDataset', () => {
  it.each(GENERATED)('%s: generates with its defaults, matching DATASET_INFO', (name) => {
    const info = DATASET_INFO[name];
    const ds = generateDataset({ name, n: 60 } as DatasetSpec, new Rng(1));
    expect(ds.name).toBe(name);
    expect(ds.kind).toBe(info.kind);
    expect(ds.n).toBe(60);
    expect(ds.numClasses).toBe(info.classes.default);
    expect(ds.x.length).toBe(60 * ds.d);
    if (info.features) expect(ds.d).toBe(info.features.default);
    expect(info.noise.default).toBeGreaterThanOrEqual(info.noise.min);
    expect(info.noise.default).toBeLessThanOrEqual(info.noise.max);
  });

  it.each(GENERATED)('%s: same seed gives identical arrays, another seed different ones', (name) => {
    const spec = { name, n: 40, outliers: 2 } as DatasetSpec;
    const a = generateDataset(spec, new Rng(5));
    const b = generateDataset(spec, new Rng(5));
    const c = generateDataset(spec, new Rng(6));
    expect(Array.from(b.x)).toEqual(Array.from(a.x));
    expect(Array.from(b.y)).toEqual(Array.from(a.y));
    expect(b.outlierRows).toEqual(a.outlierRows);
    expect(a.outlierRows).toHaveLength(2);
    expect(Array.from(c.x)).not.toEqual(Array.from(a.x));
  });

  it('wdbc: the real data ignores the seed and refuses planted outliers', () => {
    const a = generateDataset({ name: 'wdbc', n: 569 }, new Rng(1));
    const b = generateDataset({ name: 'wdbc', n: 569 }, new Rng(2));
    expect([a.n, a.numClasses, a.kind]).toEqual([569, 2, DATASET_INFO.wdbc.kind]);
    expect(Array.from(b.x)).toEqual(Array.from(a.x));
    expect(datasetSpecErrors({ name: 'wdbc', n: 569, outliers: 3 })[0]).toMatch(/takes no planted outliers/);
    expect(datasetSpecErrors({ name: 'wdbc', n: 100 })[0]).toMatch(/wdbc: n must be an integer in 569..569/);
  });

  it('passes the options through', () => {
    const p = generateDataset({ name: 'purchases', n: 30, classes: 5, features: 32, noise: 0 }, new Rng(1));
    expect([p.d, p.numClasses]).toEqual([32, 5]);
    const pt = generateDataset({ name: 'patients', n: 30, classes: 2, includeJohnDoe: false }, new Rng(1));
    expect(pt.classNames).toEqual(['healthy', 'heart disease']);
    expect(pt.recordNames![0]).not.toBe('John Doe');
    expect(generateDataset({ name: 'spiral', n: 30, classes: 3 }, new Rng(1)).numClasses).toBe(3);
  });

  it('lists every problem with a spec', () => {
    expect(datasetSpecErrors({ name: 'moons', n: 100 })).toEqual([]);
    expect(datasetSpecErrors({ name: 'moons', n: 5, classes: 3, noise: -1 })).toEqual([
      'moons: n must be an integer in 20..20000, got 5.',
      'moons: noise must be a number in 0..0.5, got -1.',
      'moons: classes must be an integer in 2..2, got 3.',
    ]);
    expect(datasetSpecErrors({ name: 'blobs', n: 100, features: 3 } as unknown as DatasetSpec)).toEqual([
      'blobs does not take "features".',
    ]);
    expect(datasetSpecErrors({ name: 'glyphs', n: 100, outliers: 2.5 })).toHaveLength(1);
    expect(datasetSpecErrors({ name: 'mnist', n: 100 } as unknown as DatasetSpec)[0]).toMatch(/Unknown dataset "mnist"/);
    expect(() => generateDataset({ name: 'purchases', n: 100, features: 5000 }, new Rng(1))).toThrow(
      'purchases: features must be an integer in 16..1000, got 5000.');
  });
});
