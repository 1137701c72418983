import { describe, expect, it } from 'vitest';
import { wdbc, WDBC_N } from './wdbc';

describe('wdbc (Wisconsin Diagnostic Breast Cancer)', () => {
  const data = wdbc();

  it('has the published shape and class counts (212 malignant, 357 benign)', () => {
    expect([data.n, data.d, data.numClasses]).toEqual([WDBC_N, 30, 2]);
    const malignant = data.y.filter((v) => v === 0).length;
    expect([malignant, data.n - malignant]).toEqual([212, 357]);
  });

  it('keeps the raw values of the first case and standardizes each column', () => {
    expect(data.rawX![0]).toBeCloseTo(17.99, 5); // mean radius of case 1
    expect(data.rawX![3]).toBeCloseTo(1001, 3); // mean area of case 1
    for (let j = 0; j < data.d; j++) {
      let sum = 0;
      for (let i = 0; i < data.n; i++) sum += data.x[i * data.d + j];
      expect(Math.abs(sum / data.n)).toBeLessThan(1e-4);
    }
  });

  it('matches the published summary range of mean radius (6.981 to 28.11)', () => {
    const radius = Array.from({ length: data.n }, (_, i) => data.rawX![i * data.d]);
    expect(Math.min(...radius)).toBeCloseTo(6.981, 3);
    expect(Math.max(...radius)).toBeCloseTo(28.11, 2);
  });
});
