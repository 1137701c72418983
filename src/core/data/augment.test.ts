import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { gaussianNoise, imageShiftNoise, mixup, sampleBeta, sampleGamma } from './augment';
import { glyphs } from './glyphs';

function rowSums(t: Float32Array, rows: number, k: number): number[] {
  return Array.from({ length: rows }, (_, i) => t.subarray(i * k, (i + 1) * k).reduce((s, v) => s + v, 0));
}

const img = glyphs({ n: 32 }, new Rng(1));
const tab = { x: new Float32Array(Array.from({ length: 40 * 3 }, (_, i) => (i % 7) - 3)), y: Int32Array.from({ length: 40 }, (_, i) => i % 4) };

describe('imageShiftNoise', () => {
  const aug = imageShiftNoise({ maxShift: 2, noiseStd: 0.05 });

  it('returns new images in [0, 1] and one-hot targets, without touching its input', () => {
    const before = img.x.slice();
    const out = aug(img.x, img.y, 32, 256, 10, new Rng(2));
    expect(out.x.length).toBe(32 * 256);
    expect(out.targets.length).toBe(32 * 10);
    expect(Math.min(...out.x)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...out.x)).toBeLessThanOrEqual(1);
    for (const s of rowSums(out.targets, 32, 10)) expect(s).toBe(1);
    for (let i = 0; i < 32; i++) expect(out.targets[i * 10 + img.y[i]]).toBe(1);
    expect(Array.from(img.x)).toEqual(Array.from(before));
  });

  it('moves a single pixel by at most maxShift and pads with zeros', () => {
    const x = new Float32Array(256);
    x[8 * 16 + 8] = 1;
    const shift = imageShiftNoise({ maxShift: 2, noiseStd: 0 });
    const seen = new Set<string>();
    const rng = new Rng(3);
    for (let t = 0; t < 100; t++) {
      const out = shift(x, Int32Array.of(0), 1, 256, 10, rng).x;
      const at = out.indexOf(1);
      const [r, c] = [Math.floor(at / 16), at % 16];
      expect(Math.abs(r - 8)).toBeLessThanOrEqual(2);
      expect(Math.abs(c - 8)).toBeLessThanOrEqual(2);
      expect(out.reduce((s, v) => s + v, 0)).toBe(1);
      seen.add(`${r},${c}`);
    }
    expect(seen.size).toBe(25); // every shift in [-2, 2]² shows up
  });

  it('is deterministic for a seed', () => {
    const a = aug(img.x, img.y, 32, 256, 10, new Rng(4));
    const b = aug(img.x, img.y, 32, 256, 10, new Rng(4));
    expect(Array.from(b.x)).toEqual(Array.from(a.x));
  });

  it('refuses a d that is not the image shape', () => {
    expect(() => aug(tab.x, tab.y, 40, 3, 4, new Rng(1))).toThrow(/not a square image/);
  });
});

describe('gaussianNoise', () => {
  it('adds noise of the given std and returns one-hot targets', () => {
    const out = gaussianNoise({ std: 0.5 })(tab.x, tab.y, 40, 3, 4, new Rng(5));
    expect(out.x.length).toBe(120);
    let s2 = 0;
    for (let j = 0; j < 120; j++) s2 += (out.x[j] - tab.x[j]) ** 2;
    expect(Math.sqrt(s2 / 120)).toBeGreaterThan(0.35);
    expect(Math.sqrt(s2 / 120)).toBeLessThan(0.65);
    for (const s of rowSums(out.targets, 40, 4)) expect(s).toBe(1);
    expect(out.x).not.toBe(tab.x);
  });
});

describe('mixup', () => {
  const aug = mixup({ alpha: 0.4 });

  it('blends rows and their labels into soft targets that sum to 1', () => {
    const out = aug(tab.x, tab.y, 40, 3, 4, new Rng(6));
    expect(out.x.length).toBe(120);
    expect(out.targets.length).toBe(160);
    for (const s of rowSums(out.targets, 40, 4)) expect(s).toBeCloseTo(1, 6);
    let soft = 0;
    for (let i = 0; i < 40; i++) {
      const lam = out.targets[i * 4 + tab.y[i]];
      expect(lam).toBeGreaterThanOrEqual(0);
      if (lam > 0.01 && lam < 0.99) soft++;
      // Every feature lies between the extremes of the batch.
      for (let j = 0; j < 3; j++) {
        expect(out.x[i * 3 + j]).toBeGreaterThanOrEqual(-3 - 1e-5);
        expect(out.x[i * 3 + j]).toBeLessThanOrEqual(3 + 1e-5);
      }
    }
    expect(soft).toBeGreaterThan(5);
  });

  it('is deterministic for a seed and rejects a non-positive alpha', () => {
    const a = aug(tab.x, tab.y, 40, 3, 4, new Rng(7));
    const b = aug(tab.x, tab.y, 40, 3, 4, new Rng(7));
    expect(Array.from(b.targets)).toEqual(Array.from(a.targets));
    expect(() => mixup({ alpha: 0 })).toThrow(/alpha/);
  });
});

describe('Gamma and Beta samplers', () => {
  it.each([0.3, 1, 2.5])('Gamma(%s) has mean and variance equal to its shape', (shape) => {
    const r = new Rng(8);
    const n = 40_000;
    let s = 0, s2 = 0;
    for (let i = 0; i < n; i++) { const v = sampleGamma(shape, r); s += v; s2 += v * v; }
    expect(s / n).toBeCloseTo(shape, 1);
    expect(s2 / n - (s / n) ** 2).toBeCloseTo(shape, 0);
  });

  it.each([[0.4, 0.4], [2, 5]])('Beta(%s, %s) has the right mean and variance', (a, b) => {
    const r = new Rng(9);
    const n = 40_000;
    let s = 0, s2 = 0, outside = 0;
    for (let i = 0; i < n; i++) {
      const v = sampleBeta(a, b, r);
      if (!(v >= 0 && v <= 1)) outside++;
      s += v; s2 += v * v;
    }
    expect(outside).toBe(0);
    const mean = a / (a + b);
    const variance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expect(s / n).toBeCloseTo(mean, 2);
    expect(s2 / n - (s / n) ** 2).toBeCloseTo(variance, 2);
  });
});
