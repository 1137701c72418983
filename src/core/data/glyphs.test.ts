import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { GLYPH_SIZE, glyphs, renderGlyph } from './glyphs';
import type { Dataset } from './types';

const PX = GLYPH_SIZE * GLYPH_SIZE;

function classMeans(ds: Dataset): Float64Array[] {
  const means = Array.from({ length: ds.numClasses }, () => new Float64Array(PX));
  const counts = new Array<number>(ds.numClasses).fill(0);
  for (let i = 0; i < ds.n; i++) {
    counts[ds.y[i]]++;
    for (let j = 0; j < PX; j++) means[ds.y[i]][j] += ds.x[i * PX + j];
  }
  means.forEach((m, c) => m.forEach((_, j) => (m[j] /= counts[c])));
  return means;
}

function nearestMean(means: Float64Array[], x: Float32Array, i: number): number {
  let best = 0, bestD = Infinity;
  means.forEach((m, c) => {
    let dist = 0;
    for (let j = 0; j < PX; j++) dist += (x[i * PX + j] - m[j]) ** 2;
    if (dist < bestD) { bestD = dist; best = c; }
  });
  return best;
}

describe('glyphs', () => {
  it('makes 16×16×1 images with values in [0, 1] and balanced labels', () => {
    const ds = glyphs({ n: 205 }, new Rng(1));
    expect(ds.kind).toBe('image');
    expect(ds.imageShape).toEqual([16, 16, 1]);
    expect(ds.d).toBe(256);
    expect(ds.x.length).toBe(205 * 256);
    expect(ds.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    // One expect per value would dominate the run time; check the extremes instead.
    expect(Math.min(...ds.x)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ds.x)).toBeLessThanOrEqual(1);
    expect(ds.x.every(Number.isFinite)).toBe(true);
    const counts = new Array<number>(10).fill(0);
    for (const c of ds.y) counts[c]++;
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('draws visible strokes that stay inside the frame', () => {
    const ds = glyphs({ n: 100, noise: 0 }, new Rng(2));
    for (let i = 0; i < ds.n; i++) {
      const img = ds.x.subarray(i * PX, (i + 1) * PX);
      const ink = img.reduce((s, v) => s + v, 0);
      expect(ink).toBeGreaterThan(10);
      expect(ink).toBeLessThan(0.5 * PX);
      let border = 0;
      for (let k = 0; k < GLYPH_SIZE; k++) border += img[k] + img[PX - 1 - k];
      expect(border).toBeLessThan(3); // top and bottom rows nearly empty
    }
  });

  it('has classes that differ: a nearest-class-mean rule separates fresh glyphs', () => {
    const means = classMeans(glyphs({ n: 1000 }, new Rng(3)));
    const test = glyphs({ n: 300 }, new Rng(4));
    let correct = 0;
    for (let i = 0; i < test.n; i++) if (nearestMean(means, test.x, i) === test.y[i]) correct++;
    expect(correct / test.n).toBeGreaterThan(0.75);
  });

  it('varies within a class but is exact without jitter and noise', () => {
    const a = new Float32Array(PX), b = new Float32Array(PX);
    const r = new Rng(5);
    renderGlyph(3, r, a);
    renderGlyph(3, r, b);
    expect(Array.from(a)).not.toEqual(Array.from(b));
    renderGlyph(3, r, a, 0, 0);
    renderGlyph(3, r, b, 0, 0);
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('is deterministic per seed and differs across seeds', () => {
    const a = glyphs({ n: 40 }, new Rng(7));
    const b = glyphs({ n: 40 }, new Rng(7));
    const c = glyphs({ n: 40 }, new Rng(8));
    expect(Array.from(b.x)).toEqual(Array.from(a.x));
    expect(Array.from(b.y)).toEqual(Array.from(a.y));
    expect(Array.from(c.x)).not.toEqual(Array.from(a.x));
  });

  it('renders outliers as another digit under their own label', () => {
    const train = glyphs({ n: 1000, noise: 0 }, new Rng(3));
    const means = classMeans(train);
    const ds = glyphs({ n: 200, noise: 0, outliers: 20 }, new Rng(9));
    expect(ds.outlierRows).toHaveLength(20);
    const wrong = ds.outlierRows!.filter((i) => nearestMean(means, ds.x, i) !== ds.y[i]).length;
    expect(wrong).toBeGreaterThanOrEqual(16);
  });
});
