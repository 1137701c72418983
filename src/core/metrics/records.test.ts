import { describe, expect, it } from 'vitest';
import { auc } from './roc';
import { exposureRanks, mostExposed, sliceMetrics, verdicts } from './records';

describe('exposureRanks', () => {
  it('ranks highest first and averages ties', () => {
    expect(Array.from(exposureRanks([0.2, 0.9, 0.5, 0.5, 0.1]))).toEqual([4, 1, 2.5, 2.5, 5]);
    expect(Array.from(exposureRanks([-Infinity, 7, 7, 7]))).toEqual([4, 2, 2, 2]);
    expect(() => exposureRanks([NaN])).toThrow(/NaN/);
  });
});

describe('verdicts', () => {
  it('flags score ≥ threshold', () => {
    expect(Array.from(verdicts([0.3, 0.5, 0.7], 0.5))).toEqual([0, 1, 1]);
  });
});

describe('mostExposed', () => {
  const s = [0.9, 0.8, 0.95, 0.8, 0.1];
  const y = Uint8Array.of(0, 1, 1, 1, 1);

  it('lists members only, highest score first, ties in index order', () => {
    expect(Array.from(mostExposed(s, y, 2))).toEqual([2, 1]);
    expect(Array.from(mostExposed(s, y, 10))).toEqual([2, 1, 3, 4]);
    expect(Array.from(mostExposed(s, y, 0))).toEqual([]);
    expect(() => mostExposed(s, y, -1)).toThrow(/k must be/);
  });
});

describe('sliceMetrics', () => {
  const s = Float64Array.of(0.9, 0.2, 0.8, 0.3, 0.6, 0.7, 0.5, 0.4);
  const y = Uint8Array.of(1, 0, 1, 0, 1, 0, 1, 1);
  const g = Int32Array.of(0, 0, 0, 0, 1, 1, 2, 2);

  it('computes per-group metrics and skips groups lacking a class, saying why', () => {
    const out = sliceMetrics(s, y, g, ['cat', 'dog', 'owl', 'empty'], 0.55);
    expect(out.map((r) => r.name)).toEqual(['cat', 'dog', 'owl', 'empty']);
    const [cat, dog, owl, empty] = out;
    expect(cat.stats?.auc).toBe(1);
    expect(cat.stats?.atThreshold).toEqual({ accuracy: 1, balancedAccuracy: 1, precision: 1, tpr: 1, fpr: 0 });
    expect(dog.stats?.auc).toBe(auc([0.6, 0.7], Uint8Array.of(1, 0)));
    expect(dog.stats?.auc).toBe(0);
    expect([dog.members, dog.nonMembers]).toEqual([1, 1]);
    expect(owl).toMatchObject({ stats: null, skipped: 'no non-members', members: 2, nonMembers: 0 });
    expect(empty).toMatchObject({ stats: null, skipped: 'no records' });
  });

  it('omits verdict metrics without a threshold and rejects bad group ids', () => {
    expect(sliceMetrics(s, y, g, ['a', 'b', 'c'])[0].stats?.atThreshold).toBeNull();
    expect(() => sliceMetrics(s, y, g, ['a', 'b'])).toThrow(/group id 2 at index 6/);
    expect(() => sliceMetrics(s, y, Int32Array.of(0), ['a'])).toThrow(/group ids/);
  });
});
