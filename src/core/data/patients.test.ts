import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { PATIENT_FEATURES, patients } from './patients';
import { JANE_SMITH, JOHN_DOE, makeNames, placeReservedNames } from './names';

const col = (key: string): number => PATIENT_FEATURES.findIndex((f) => f.key === key);

function column(data: Float32Array, d: number, j: number): number[] {
  const out: number[] = [];
  for (let i = j; i < data.length; i += d) out.push(data[i]);
  return out;
}

function corr(a: number[], b: number[]): number {
  const ma = a.reduce((s, v) => s + v, 0) / a.length;
  const mb = b.reduce((s, v) => s + v, 0) / b.length;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < a.length; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

describe('patients', () => {
  const ds = patients({ n: 2000 }, new Rng(11));
  const raw = (key: string): number[] => column(ds.rawX!, ds.d, col(key));

  it('has 12 named columns, 4 diagnoses and per-row names by default', () => {
    expect(ds.kind).toBe('tabular');
    expect(ds.d).toBe(12);
    expect(ds.x.length).toBe(2000 * 12);
    expect(ds.rawX!.length).toBe(2000 * 12);
    expect(ds.featureNames).toHaveLength(12);
    expect(ds.featureNames).toContain('BMI (kg/m²)');
    expect(ds.classNames).toEqual(['healthy', 'hypertension', 'diabetes', 'heart disease']);
    expect(ds.recordNames).toHaveLength(2000);
  });

  it('keeps raw values in plausible real units', () => {
    const range = (key: string): [number, number] => [Math.min(...raw(key)), Math.max(...raw(key))];
    expect(range('age')[0]).toBeGreaterThanOrEqual(18);
    expect(range('age')[1]).toBeLessThanOrEqual(90);
    expect(range('bmi')[0]).toBeGreaterThanOrEqual(15);
    expect(range('bmi')[1]).toBeLessThanOrEqual(55);
    expect(range('systolicBp')[0]).toBeGreaterThanOrEqual(85);
    for (const key of ['sex', 'smoker', 'familyHistory']) expect(new Set(raw(key))).toEqual(new Set([0, 1]));
    const meanSys = raw('systolicBp').reduce((s, v) => s + v, 0) / ds.n;
    expect(meanSys).toBeGreaterThan(115);
    expect(meanSys).toBeLessThan(140);
  });

  it('builds in the intended correlations', () => {
    expect(corr(raw('bmi'), raw('systolicBp'))).toBeGreaterThan(0.2);
    expect(corr(raw('bmi'), raw('glucose'))).toBeGreaterThan(0.3);
    expect(corr(raw('age'), raw('systolicBp'))).toBeGreaterThan(0.3);
    expect(corr(raw('age'), raw('cholesterol'))).toBeGreaterThan(0.2);
    expect(corr(raw('exercise'), raw('restingHeartRate'))).toBeLessThan(-0.2);
    expect(corr(raw('systolicBp'), raw('diastolicBp'))).toBeGreaterThan(0.5);
  });

  it('standardizes x and records the scaling', () => {
    for (let j = 0; j < ds.d; j++) {
      const c = column(ds.x, ds.d, j);
      const mean = c.reduce((s, v) => s + v, 0) / c.length;
      const std = Math.sqrt(c.reduce((s, v) => s + (v - mean) ** 2, 0) / c.length);
      expect(mean).toBeCloseTo(0, 4);
      expect(std).toBeCloseTo(1, 3);
    }
    const { mean, std } = ds.scaling!;
    expect((ds.rawX![5 * 12 + 2] - mean[2]) / std[2]).toBeCloseTo(ds.x[5 * 12 + 2], 4);
  });

  it('balances the diagnoses for 2, 3 and 4 classes', () => {
    for (const k of [2, 3, 4]) {
      const p = patients({ n: 1200, classes: k }, new Rng(k));
      const counts = new Array<number>(k).fill(0);
      for (const c of p.y) counts[c]++;
      for (const c of counts) expect(Math.abs(c - 1200 / k)).toBeLessThan(0.05 * 1200);
    }
  });

  it('ties each diagnosis to its risk factors', () => {
    const meanBy = (key: string, cls: number): number => {
      const v = raw(key).filter((_, i) => ds.y[i] === cls);
      return v.reduce((s, x) => s + x, 0) / v.length;
    };
    expect(meanBy('systolicBp', 1)).toBeGreaterThan(meanBy('systolicBp', 0) + 10);
    expect(meanBy('glucose', 2)).toBeGreaterThan(meanBy('glucose', 0) + 10);
    expect(meanBy('age', 3)).toBeGreaterThan(meanBy('age', 0) + 5);
  });

  it('puts John Doe at row 0 only, and gives everyone else a unique name', () => {
    expect(ds.recordNames![0]).toBe(JOHN_DOE);
    expect(ds.recordNames!.filter((nm) => nm === JOHN_DOE)).toHaveLength(1);
    expect(new Set(ds.recordNames).size).toBe(ds.n);
    const without = patients({ n: 500, includeJohnDoe: false }, new Rng(11));
    expect(without.recordNames).not.toContain(JOHN_DOE);
  });

  it('puts Jane Smith at row 1 only', () => {
    const names = makeNames(300, new Rng(3), true);
    expect(names[1]).toBe(JANE_SMITH);
    expect(names.filter((nm) => nm === JANE_SMITH)).toHaveLength(1);
    expect(makeNames(300, new Rng(3), false)).not.toContain(JANE_SMITH);
  });

  it('places the reserved names on the rows a split chooses by swapping, and leaves other names alone', () => {
    const names = ['John Doe', 'Jane Smith', 'Ana Abe', 'Bo Kim', 'Kai Ito'];
    expect(placeReservedNames(names, 3, 4)).toEqual(['Bo Kim', 'Kai Ito', 'Ana Abe', 'John Doe', 'Jane Smith']);
    // John's new row was Jane's: both still end where asked, no name lost.
    expect(placeReservedNames(names, 1, 0)).toEqual(['Jane Smith', 'John Doe', 'Ana Abe', 'Bo Kim', 'Kai Ito']);
    expect(placeReservedNames(names, 1, 2)).toEqual(['Ana Abe', 'John Doe', 'Jane Smith', 'Bo Kim', 'Kai Ito']);
    expect(placeReservedNames(['Ana Abe', 'Bo Kim'], 0, 1)).toEqual(['Ana Abe', 'Bo Kim']);
    expect(names[0]).toBe('John Doe');
  });

  it('keeps names unique beyond the number of first×last pairs', () => {
    const names = makeNames(5000, new Rng(1), true);
    expect(new Set(names).size).toBe(5000);
    expect(names[0]).toBe(JOHN_DOE);
  });

  it('is deterministic per seed and differs across seeds', () => {
    const a = patients({ n: 300 }, new Rng(5));
    const b = patients({ n: 300 }, new Rng(5));
    const c = patients({ n: 300 }, new Rng(6));
    expect(Array.from(b.x)).toEqual(Array.from(a.x));
    expect(Array.from(b.y)).toEqual(Array.from(a.y));
    expect(b.recordNames).toEqual(a.recordNames);
    expect(Array.from(c.rawX!)).not.toEqual(Array.from(a.rawX!));
  });

  it('gives recorded outliers a different diagnosis from the clean run', () => {
    const clean = patients({ n: 400 }, new Rng(3));
    const noisy = patients({ n: 400, outliers: 12 }, new Rng(3));
    expect(noisy.outlierRows).toHaveLength(12);
    for (const i of noisy.outlierRows!) expect(noisy.y[i]).not.toBe(clean.y[i]);
    expect(Array.from(noisy.x)).toEqual(Array.from(clean.x));
  });

  it('rejects unsupported class counts', () => {
    expect(() => patients({ n: 10, classes: 5 }, new Rng(1))).toThrow(/classes must be 2, 3 or 4/);
  });
});
