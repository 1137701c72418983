import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { signalHistogram } from './histogram';

function sum(a: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += a[i];
  return total;
}

describe('signalHistogram', () => {
  it('bins on shared edges with the last bin closed', () => {
    const h = signalHistogram([0, 0.25, 0.5, 0.75, 1], Uint8Array.of(1, 0, 1, 0, 1), { bins: 4 });
    expect(Array.from(h.edges)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(Array.from(h.memberCounts)).toEqual([1, 0, 1, 1]);
    expect(Array.from(h.nonMemberCounts)).toEqual([0, 1, 0, 1]);
  });

  it('clamps ±Infinity and out-of-domain values into the end bins', () => {
    const h = signalHistogram([-Infinity, 0, 1, Infinity, 5], [true, false, true, false, true], {
      bins: 2,
      domain: [0, 2],
    });
    expect(Array.from(h.memberCounts)).toEqual([1, 2]);
    expect(Array.from(h.nonMemberCounts)).toEqual([1, 1]);
    const d = signalHistogram([-Infinity, 0, 1, Infinity], Uint8Array.of(1, 1, 0, 0), { bins: 2 });
    expect(Array.from(d.edges)).toEqual([0, 0.5, 1]); // finite extremes only
  });

  it('widens a degenerate domain so all-equal values sit inside it', () => {
    const h = signalHistogram([3, 3, 3], Uint8Array.of(1, 0, 1), { bins: 3 });
    expect(h.edges[0]).toBe(2.5);
    expect(h.edges[3]).toBe(3.5);
    expect(Array.from(h.memberCounts)).toEqual([0, 2, 0]);
    expect(Array.from(h.nonMemberCounts)).toEqual([0, 1, 0]);
  });

  it('counts sum to n per class and densities integrate to 1 (seeded)', () => {
    const rng = new Rng(5);
    const n = 1000;
    const v = new Float64Array(n);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      y[i] = rng.bernoulli(0.3) ? 1 : 0;
      v[i] = rng.normal(y[i], 1);
    }
    const members = sum(y);
    const h = signalHistogram(v, y, { bins: 17 });
    expect(sum(h.memberCounts)).toBe(members);
    expect(sum(h.nonMemberCounts)).toBe(n - members);
    const width = (b: number): number => h.edges[b + 1] - h.edges[b];
    expect(sum(Array.from(h.memberDensity, (d, b) => d * width(b)))).toBeCloseTo(1, 12);
    expect(sum(Array.from(h.nonMemberDensity, (d, b) => d * width(b)))).toBeCloseTo(1, 12);
  });

  it('gives zero density for an absent class and rejects bad input', () => {
    const h = signalHistogram([0, 1], Uint8Array.of(0, 0), { bins: 2 });
    expect(Array.from(h.memberDensity)).toEqual([0, 0]);
    expect(() => signalHistogram([0, NaN], Uint8Array.of(0, 1), { bins: 2 })).toThrow(/value at index 1 is NaN/);
    expect(() => signalHistogram([0], Uint8Array.of(0), { bins: 0 })).toThrow(/bins/);
    expect(() => signalHistogram([0], Uint8Array.of(0), { bins: 2, domain: [1, 1] })).toThrow(/domain/);
  });
});
