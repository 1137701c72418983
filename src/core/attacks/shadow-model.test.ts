import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { applyOutputApi, AttackUnavailableError, type OutputApi, type ShadowResponse } from './output-api';
import { buildMetaDataset, metaDatasetRows, shadowModelAttack, shadowVariantOptions, trainShadowAttackModel } from './shadow-model';

/** Members get a sharply peaked output (top prob ≈ 0.95), non-members a flat one (≈ 0.5). */
function fakeModel(rng: Rng, n: number, C: number, api: OutputApi = { kind: 'full' }): ShadowResponse {
  const labels = new Int32Array(n), isMember = new Uint8Array(n), probs = new Float32Array(n * C);
  for (let i = 0; i < n; i++) {
    labels[i] = rng.int(C);
    isMember[i] = rng.bernoulli(0.5) ? 1 : 0;
    const top = isMember[i] ? rng.uniform(0.9, 0.99) : rng.uniform(0.35, 0.7);
    const rest = Array.from({ length: C - 1 }, () => rng.next() + 0.01);
    const s = rest.reduce((a, b) => a + b, 0);
    for (let c = 0, k = 0; c < C; c++) probs[i * C + c] = c === labels[i] ? top : ((1 - top) * rest[k++]) / s;
  }
  return { response: applyOutputApi(probs, n, C, api), labels, isMember };
}

function accuracy(scores: Float64Array, threshold: number, isMember: Uint8Array): number {
  let ok = 0;
  scores.forEach((v, i) => { if ((v >= threshold ? 1 : 0) === isMember[i]) ok++; });
  return ok / scores.length;
}

describe('shadow-model attack', () => {
  const rng = new Rng(5);
  const shadows = [fakeModel(rng, 600, 12), fakeModel(rng, 600, 12)];
  const target = fakeModel(rng, 400, 12);

  it('builds sorted, truncated features with an optional one-hot label', () => {
    const meta = buildMetaDataset(shadows, { topK: 3, includeLabel: true });
    expect(meta.rows).toBe(1200);
    expect(meta.width).toBe(3 + 12);
    expect(meta.featureNames.slice(0, 4)).toEqual(['top-1 prob', 'top-2 prob', 'top-3 prob', 'label = 0']);
    const [row] = metaDatasetRows(meta, 700, 1);
    expect(row.shadow).toBe(1);
    expect(row.membership).toBe(shadows[1].isMember[100] ? 'IN' : 'OUT');
    expect(row.features[0]).toBeGreaterThanOrEqual(row.features[1]);
    expect(row.features[1]).toBeGreaterThanOrEqual(row.features[2]);
    expect(row.features[3 + row.trueClass]).toBe(1);
    expect(row.features.slice(3).reduce((a, b) => a + b, 0)).toBe(1);
    expect(buildMetaDataset(shadows).width).toBe(10); // default top-10
    expect(metaDatasetRows(meta, 1199, 5)).toHaveLength(1);
  });

  it('learns a separable meta-dataset with logistic regression, deterministically', () => {
    const a = shadowModelAttack(target, shadows, {}, new Rng(1));
    const b = shadowModelAttack(target, shadows, {}, new Rng(2)); // logistic regression draws nothing
    expect(a.name).toBe('shadow-model');
    expect(accuracy(a.scores, a.threshold, target.isMember)).toBeGreaterThan(0.9);
    expect(a.calibrationAccuracy).toBeGreaterThan(0.9);
    expect(b.scores).toEqual(a.scores);
  });

  it('learns it with the seeded MLP too, and repeats for the same seed', () => {
    const opts = { classifier: { kind: 'mlp' as const, epochs: 5 } };
    const a = shadowModelAttack(target, shadows, opts, new Rng(3));
    const b = shadowModelAttack(target, shadows, opts, new Rng(3));
    expect(accuracy(a.scores, a.threshold, target.isMember)).toBeGreaterThan(0.9);
    expect(b.scores).toEqual(a.scores);
    expect(shadowModelAttack(target, shadows, opts, new Rng(4)).scores).not.toEqual(a.scores);
  });

  it('trains per-class models where a class has enough rows and falls back elsewhere', () => {
    const meta = buildMetaDataset(shadows, { includeLabel: true });
    const model = trainShadowAttackModel(meta, { perClass: true, minRowsPerClass: 101 }, new Rng(1));
    const counts = Array.from({ length: 12 }, (_, c) => meta.trueClass.filter((y) => y === c).length);
    model.perClass.forEach((m, c) => expect(m === null, `class ${c}`).toBe(counts[c] < 101));
    expect(model.perClass.some((m) => m !== null)).toBe(true);
    const r = shadowModelAttack(target, shadows, { perClass: true, minRowsPerClass: 101 }, new Rng(1));
    expect(accuracy(r.scores, r.threshold, target.isMember)).toBeGreaterThan(0.9);
  });

  it('needs scores from the target', () => {
    const labelOnly = fakeModel(rng, 10, 12, { kind: 'label' });
    expect(() => shadowModelAttack(labelOnly, shadows, {}, new Rng(1))).toThrow(AttackUnavailableError);
  });
});

describe('shadow-model variants', () => {
  const rng = new Rng(9);
  const shadows = [fakeModel(rng, 600, 4), fakeModel(rng, 600, 4)];
  const target = fakeModel(rng, 400, 4);

  it('Salem et al.: sorted top probabilities and one classifier, the attack as it always was', () => {
    const salem = shadowVariantOptions('salem', 4);
    expect(salem).toEqual({ sorted: true, topK: 4, includeLabel: false, perClass: false });
    const a = shadowModelAttack(target, shadows, salem, new Rng(1));
    expect(a.scores).toEqual(shadowModelAttack(target, shadows, { topK: 4 }, new Rng(1)).scores);
    expect(a.model.perClass.every((m) => m === null)).toBe(true);
  });

  it('Shokri et al.: the full vector in class order and one classifier per class', () => {
    const shokri = shadowVariantOptions('shokri', 4);
    const meta = buildMetaDataset(shadows, shokri);
    expect(meta.width).toBe(4);
    expect(meta.featureNames).toEqual(['p(class 0)', 'p(class 1)', 'p(class 2)', 'p(class 3)']);
    // Unsorted: row r is exactly the probability vector the shadow returned.
    expect(Array.from(meta.features.subarray(5 * 4, 6 * 4))).toEqual(Array.from(shadows[0].response.probs!.subarray(5 * 4, 6 * 4)));
    const r = shadowModelAttack(target, shadows, shokri, new Rng(1));
    expect(r.model.perClass.every((m) => m !== null)).toBe(true);
    expect(accuracy(r.scores, r.threshold, target.isMember)).toBeGreaterThan(0.9);
  });
});
