import { describe, expect, it } from 'vitest';
import { checkComparison, checkDpBound, widgetFacts } from './facts';
import { quantileSample, roundNumbers, thinRoc, type LessonResult } from './result';

function result(auc: number, tprAt1: number, extra: Partial<LessonResult> = {}): LessonResult {
  return {
    source: 'cached', target: { trainAccuracy: 1, testAccuracy: 0.6, trainLoss: 0.01, testLoss: 1.2, stoppedEpoch: 40, bestEpoch: 40 },
    config: { split: { targetMembers: 200 }, attack: { shadows: 2, references: 8 }, train: { epochs: 40 } },
    privacy: null, confidence: { members: [], nonMembers: [], memberMean: 0.99, nonMemberMean: 0.6 }, records: [], classNames: [], featureNames: [],
    attacks: [{ name: 'lira-online', title: 'LiRA (online)', auc, tprAt1, tprAt01: 0, tprAt10: 0, advantage: 0, accuracy: 0.7, balancedAccuracy: 0.7, empiricalEpsilon: 0,
      atThreshold: { tpr: 0.5, fpr: 0.1, tp: 100, fp: 20 }, members: 200, nonMembers: 200, threshold: 0, roc: { fpr: [], tpr: [] }, rocLog: { fpr: [], tpr: [] } }],
    ...extra,
  } as unknown as LessonResult;
}

describe('facts', () => {
  const facts = widgetFacts(result(0.82, 0.27), { dropout: result(0.75, 0.1) }, 'lira-online');

  it('names the featured attack, each attack, the best, and each variant', () => {
    expect(facts.auc).toBe(0.82);
    expect(facts['lira-online.tprAt1']).toBe(0.27);
    expect(facts['best.auc']).toBe(0.82);
    expect(facts['dropout.auc']).toBe(0.75);
    expect(facts.gap).toBeCloseTo(0.4);
    expect(facts.confidenceGap).toBeCloseTo(0.39);
    expect(facts.epsilon).toBeNull();
  });

  it('checks comparison claims, with offsets, and rejects unknown facts', () => {
    expect(checkComparison('dropout.auc < auc', facts).ok).toBe(true);
    expect(checkComparison('dropout.auc < auc - 0.1', facts).ok).toBe(false);
    expect(checkComparison('auc >= 0.8', facts).ok).toBe(true);
    expect(() => checkComparison('dropuot.auc < auc', facts)).toThrow(/unknown/);
    expect(() => checkComparison('auc is big', facts)).toThrow(/Cannot read/);
  });

  it('checks the DP bound with a sampling allowance', () => {
    const dp = (eps: number, tp: number, fp: number) =>
      result(0.6, 0.05, { privacy: { epsilon: eps, delta: 1e-5, noiseMultiplier: 1, sampleRate: 0.1, steps: 100, clipNorm: 1 } } as Partial<LessonResult>);
    const under = dp(1, 10, 20);
    (under.attacks[0] as { atThreshold: unknown }).atThreshold = { tpr: 0.05, fpr: 0.1, tp: 10, fp: 20 };
    expect(checkDpBound([under]).ok).toBe(true);
    const over = dp(0.1, 190, 2);
    (over.attacks[0] as { atThreshold: unknown }).atThreshold = { tpr: 0.95, fpr: 0.01, tp: 190, fp: 2 };
    expect(checkDpBound([over]).ok).toBe(false);
    expect(checkDpBound([result(0.9, 0.5)]).ok).toBe(false);
  });
});

describe('compact results', () => {
  it('keeps quantiles, thins ROC curves and rounds numbers', () => {
    expect(quantileSample([5, 1, 4, 2, 3], 10)).toEqual([1, 2, 3, 4, 5]);
    expect(quantileSample(Array.from({ length: 1000 }, (_, i) => i), 4)).toEqual([125, 375, 625, 875]);
    const n = 1001;
    const roc = { fpr: Float64Array.from({ length: n }, (_, i) => i / (n - 1)), tpr: Float64Array.from({ length: n }, (_, i) => Math.sqrt(i / (n - 1))) };
    const thin = thinRoc(roc as never, 20);
    expect(thin.fpr.length).toBeLessThanOrEqual(41);
    expect(thin.fpr[0]).toBe(0);
    expect(thin.fpr.at(-1)).toBe(1);
    expect(roundNumbers({ a: 0.123456, b: [1, 2.000049], c: 'x', d: null })).toEqual({ a: 0.1235, b: [1, 2], c: 'x', d: null });
  });

  it('names what training cost, in seconds, and the exposure summary', () => {
    const f = widgetFacts(result(0.8, 0.2, { timingsMs: { target: 374, references: 1347 }, exposure: { attack: 'lira-online', k: 10, topMeanAtypical: 82, memberMeanAtypical: 51, topInOutlierQuarter: 6, spearman: 0.16, points: [] } }), {}, 'lira-online');
    expect(f.targetSeconds).toBeCloseTo(0.374, 10);
    expect(f.referenceSeconds).toBeCloseTo(1.347, 10);
    expect(f.shadowSeconds).toBeUndefined();
    expect(f['exposure.topInOutlierQuarter']).toBe(6);
  });
});

describe('the gap attack and the train–test gap', () => {
  it('has AUC ½ + gap/2 on every cached result that ran it', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { resultFacts } = await import('./facts');
    let checked = 0;
    for (const f of readdirSync('public/cache').filter((x) => x.endsWith('.json'))) {
      const c = JSON.parse(readFileSync(`public/cache/${f}`, 'utf8'));
      for (const r of [c.result, ...Object.values(c.variants ?? {}).map((v) => (v as { result: unknown }).result)]) {
        const facts = resultFacts(r, 'gap');
        if (facts['gap.auc'] === undefined) continue;
        checked++;
        // Cached numbers are rounded to 4 digits.
        expect(Math.abs((facts['gap.auc'] as number) - (facts.halfPlusHalfGap as number))).toBeLessThan(1e-3);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });
});
