/**
 * @fileoverview Report builders on a real (small, seeded) playground run: the numbers appear in
 * every format, hostile record and class names are escaped, the HTML loads nothing from outside,
 * and the recommendations follow from the measurements.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../cli/tf-node';
import { mergeConfig, defaultConfig } from '../core/experiment/config';
import type { SweepRow } from '../core/experiment/sweep';
import { formatPercent } from '../present/format';
import { rateWithInterval } from '../present/uncertainty';
import { runPlayground } from '../workers/playground-session';
import type { PlaygroundResult } from '../core/experiment/playground-view';
import { buildReport, escapeHtml, escapeMarkdown, recommend, reportFile, reportHtml, reportFigures, reportMarkdown, suggestEpsilon } from './index';

const CONFIG = mergeConfig(defaultConfig(), {
  data: { name: 'patients', n: 500, noise: 0.8 },
  split: { targetMembers: 120, shadowPool: 240 },
  model: { layers: 2, width: 64 },
  train: { epochs: 30, batchSize: 32, learningRate: 0.01 },
  attack: { names: ['gap', 'loss-threshold', 'shadow-model', 'lira-online'], shadows: 2, references: 4 },
});

const HOSTILE_NAME = '<script>alert("x")</script> | *bold* [a](javascript:alert(1))';
const HOSTILE_CLASS = '<img src=x onerror=alert(1)>';
const AT = '2025-01-02T03:04:05.000Z';

let result: PlaygroundResult;

beforeAll(async () => {
  await initNodeBackend('wasm');
  const clean = await runPlayground(CONFIG, () => undefined, { confidenceSnapshots: false });
  // Every member's name and every class name is hostile, so whichever records are most exposed carry them.
  result = {
    ...clean,
    records: clean.records.map((r) => (r.member ? { ...r, name: `${HOSTILE_NAME} #${r.name}` } : r)),
    classNames: clean.classNames.map((c) => `${HOSTILE_CLASS}${c}`),
  };
});

describe('report content', () => {
  it('leads with the attack that exposes the most members at 1% FPR and states the risk in words', () => {
    const m = buildReport(result, { generatedAt: AT });
    const best = Math.max(...result.attacks.map((a) => a.tprAtFpr['0.01']));
    expect(m.strongest.tprAt1).toBe(best);
    expect(m.risk.statement).toContain(`determined membership with ${formatPercent(m.strongest.accuracy)} accuracy`);
    expect(m.risk.statement).toContain(`At 1% false accusations (1 of 120 non-members), ${formatPercent(m.strongest.tprAt1)} of members were exposed`);
    expect(m.risk.statement).toContain('The strongest attack (the most members exposed at 1% FPR, ties broken by AUC)');
    // 0.1% of 120 non-members allows no false positive: said so, not "at 0.1%".
    expect(m.risk.statement).toContain('with no false accusation at all (0.1% of 120 non-members allows none)');
    expect(m.exposed).toHaveLength(10);
    expect(m.exposed.map((e) => e.score)).toEqual([...m.exposed.map((e) => e.score)].sort((a, b) => b - a));
    expect(m.threatModel.find((f) => f.label === 'Shadow models')?.value).toMatch(/^2,/);
    expect(m.threatModel.find((f) => f.label === 'Reference models')?.value).toMatch(/^4,/);
    expect(m.threatModel.find((f) => f.label === 'Access')?.value).toMatch(/^black-box/);
  });

  it('writes every attack’s measured numbers into the Markdown and the HTML', () => {
    const md = reportFile(result, 'markdown', { generatedAt: AT }).text;
    const html = reportFile(result, 'html', { generatedAt: AT }).text;
    for (const a of result.attacks) {
      for (const text of [a.title, a.auc.toFixed(3), formatPercent(a.accuracy), formatPercent(a.balancedAccuracy),
        formatPercent(a.tprAtFpr['0.1']), formatPercent(a.tprAtFpr['0.01']), formatPercent(a.tprAtFpr['0.001'])]) {
        expect(md).toContain(text);
        expect(html).toContain(escapeHtml(text));
      }
    }
    expect(md).toContain(formatPercent(result.target.testAccuracy));
    expect(html).toContain(formatPercent(result.target.testAccuracy));
    expect(md).toMatch(/^# Membership inference audit: Patient records, seed 1$/m);
  });

  it('escapes hostile record and class names in both formats', () => {
    const m = buildReport(result, { generatedAt: AT });
    const html = reportHtml(m, reportFigures(result));
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    const md = reportMarkdown(m);
    expect(md).not.toContain('<script');
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;script&gt;');
    // The cell bar is escaped, so each table row keeps its number of cells.
    const row = md.split('\n').find((l) => l.startsWith('| 1 |'))!;
    expect(row.split(/(?<!\\)\|/).length).toBe(9);
    expect(md).toContain('\\*bold\\*');
  });

  it('makes an HTML file that loads nothing from outside', () => {
    const html = reportFile(result, 'html', { generatedAt: AT }).text;
    const withoutNamespaces = html.replaceAll('xmlns="http://www.w3.org/2000/svg"', '');
    expect(withoutNamespaces).not.toMatch(/https?:|\/\/[a-z]/i);
    expect(html).not.toMatch(/<(script|link|iframe|object|embed|img)\b/i);
    expect(html).not.toMatch(/<[^>]*\s(src|href)=/i);
    expect(html).not.toMatch(/url\((?!#)/);
    expect(html).toContain(`content="default-src 'none'`);
    expect(html.match(/<svg /g)).toHaveLength(2);
    // One ROC path per attack, plus the chance diagonal.
    expect((reportFigures(result).roc.match(/<path /g) ?? []).length).toBe(result.attacks.length + 1);
  });

  it('writes typed arrays as plain arrays in the JSON', () => {
    const doc = JSON.parse(reportFile(result, 'json', { generatedAt: AT }).text);
    expect(doc.kind).toBe('mia-playground-report');
    expect(doc.result.isMember).toEqual(Array.from(result.isMember));
    expect(doc.result.attacks[0].scores).toHaveLength(result.attacks[0].scores.length);
    expect(doc.result.attacks[0].auc).toBe(result.attacks[0].auc);
    expect(doc.result.confidence.members[0]).toBeCloseTo(result.confidence.members[0], 6);
    expect(doc.summary.risk.statement).toContain('determined membership');
    expect(doc.config).toEqual(JSON.parse(JSON.stringify(result.config)));
  });
});

describe('honest uncertainty (issue 12)', () => {
  it('gives every TPR its interval, names zero-false-positive columns and the oracle advantage', () => {
    const m = buildReport(result, { generatedAt: AT });
    expect(m.attackColumns).toEqual([
      'Attack', 'AUC', 'Accuracy (attacker’s threshold)', 'Balanced accuracy (attacker’s threshold)', 'Advantage (oracle threshold)',
      'TPR at 10% FPR [95% CI]', 'TPR at 1% FPR [95% CI]', 'TPR at zero false positives [95% CI]',
    ]);
    const md = reportMarkdown(m);
    for (const a of result.attacks) expect(md).toContain(escapeMarkdown(rateWithInterval(a.tprAtFpr['0.01'], a.tprAtFprCi['0.01'])));
    expect(md).toContain('| TPR at zero false positives \\[95% CI\\] |');
    expect(md).toContain('an oracle’s choice no attacker could make');
  });

  it('labels the empirical ε as what it is, never "proved", and explains points over the DP bound', () => {
    const audit = { method: 'fixed-split' as const, epsilon: 0.42, confidence: 0.95, attacks: 4, attack: 'gap', label: 'estimate (fixed split, not a one-run audit, so not a statistical bound; 4 attacks, Bonferroni at 95%)' };
    const privacy = { epsilon: 0.1, delta: 1e-5, noiseMultiplier: 5, clipNorm: 1, sampleRate: 0.25, steps: 100, order: 8, notes: [], empiricalEpsilon: 0.42, audit };
    const dp = { ...result, privacy } as PlaygroundResult;
    const m = buildReport(dp, { generatedAt: AT });
    expect(m.utility.find((f) => f.label === 'Empirical ε from the attacks')?.value).toBe(`ε ≈ 0.42: ${audit.label}`);
    const oneRun = { ...audit, method: 'one-run' as const, audited: 240, guesses: 24, correct: 23, label: 'empirical lower bound at 95% confidence (one-run audit, 4 attacks, Bonferroni)' };
    expect(buildReport({ ...dp, privacy: { ...privacy, audit: oneRun } } as PlaygroundResult).utility.find((f) => f.label === 'Empirical ε from the attacks')?.value)
      .toBe('ε ≥ 0.42: empirical lower bound at 95% confidence (one-run audit, 4 attacks, Bonferroni); 23 of 24 guesses right on 240 audited records');
    for (const text of [reportMarkdown(m), reportHtml(m, reportFigures(dp))]) expect(text).not.toMatch(/\bprove[sd]?\b/i);
    // This overfit model was trained without DP: at ε = 0.1 its points lie far beyond the bound, which
    // noise cannot explain, so the report says the DP code is likely broken and recommends checking it.
    expect(m.boundNote).toMatch(/^The bound \(ε = 0\.1\) holds for the true rates; measured rates carry sampling noise\./);
    expect(m.boundNote).toContain('The DP training code is likely broken.');
    expect(m.recommendations.find((r) => r.title === 'Check the DP-SGD implementation')?.priority).toBe('high');
    expect(reportMarkdown(m)).toContain('The DP training code is likely broken.');
  });
});

describe('escaping', () => {
  it('escapes HTML metacharacters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
  it('escapes Markdown syntax but leaves numbers alone', () => {
    expect(escapeMarkdown('0.873')).toBe('0.873');
    expect(escapeMarkdown('-0.5')).toBe('-0.5');
    expect(escapeMarkdown('# a|b\n*c* <i>')).toBe('\\# a\\|b \\*c\\* &lt;i&gt;');
    expect(escapeMarkdown('1. item')).toBe('\\1. item');
  });
});

const row = (key: string, epsilon: number | null, tprAt1: number, testAccuracy: number): SweepRow => ({
  key, label: key, trainAccuracy: 1, testAccuracy, auc: 0.6, aucAttack: 'LiRA', tprAt1, tprAttack: 'LiRA', epsilon, delta: epsilon === null ? null : 1e-5,
});
const SWEEP = [row('none', null, 0.27, 0.6), row('dp8', 8, 0.03, 0.62), row('dp2', 2, 0.02, 0.56), row('dp1', 1, 0.035, 0.5)];

describe('recommendations', () => {
  const base = {
    config: CONFIG,
    target: { trainAccuracy: 1, testAccuracy: 0.6 },
    privacy: null,
    attacks: [{ name: 'lira-online', title: 'LiRA (online)', auc: 0.82, tprAt1: 0.27 }],
    exposed: [],
    nonMembers: 2000,
    sweep: null,
  };

  it('recommends DP-SGD first when TPR at 1% FPR is over 5%, with the ε the sweep suggests', () => {
    const recs = recommend({ ...base, sweep: SWEEP });
    expect(recs[0]).toMatchObject({ priority: 'high', title: 'Train with DP-SGD' });
    expect(recs[0].detail).toContain('The cheat-sheet sweep suggests ε = 8');
    expect(recs[0].detail).toContain('27%');
    expect(recommend(base)[0].detail).toContain('run the playground’s cheat sheet');
    expect(recommend({ ...base, attacks: [{ ...base.attacks[0], tprAt1: 0.04 }] }).some((r) => r.title === 'Train with DP-SGD')).toBe(false);
  });

  it('picks the largest ε under the limit, else the least leaky', () => {
    expect(suggestEpsilon(SWEEP)?.row.epsilon).toBe(8);
    expect(suggestEpsilon(SWEEP, 0.025)).toMatchObject({ row: { epsilon: 2 }, meetsLimit: true });
    expect(suggestEpsilon(SWEEP, 0.01)).toMatchObject({ row: { epsilon: 2 }, meetsLimit: false });
    expect(suggestEpsilon([row('none', null, 0.3, 0.6)])).toBeNull();
  });

  it('recommends regularization and early stopping for a large train–test gap, naming what is off', () => {
    const gap = recommend(base).find((r) => r.title.startsWith('Reduce overfitting'));
    expect(gap?.priority).toBe('high');
    expect(gap?.detail).toMatch(/40\.0-point gap/);
    expect(gap?.detail).toContain('turn on early stopping');
    expect(recommend({ ...base, target: { trainAccuracy: 0.65, testAccuracy: 0.6 } }).some((r) => r.title.startsWith('Reduce overfitting'))).toBe(false);
  });

  it('says masking scores is not enough when the label-only attack still works', () => {
    const masked = mergeConfig(CONFIG, { api: { output: 'label' }, attack: { names: ['gap', 'label-only'] } });
    const recs = recommend({ ...base, config: masked, attacks: [{ name: 'label-only', title: 'Label-only (augmentation)', auc: 0.66, tprAt1: 0.08 }] });
    const note = recs.find((r) => r.title === 'Masking the scores is not enough');
    expect(note?.priority).toBe('high');
    expect(note?.detail).toContain('only labels');
    const untested = recommend({ ...base, config: masked, attacks: [{ name: 'gap', title: 'Gap attack', auc: 0.52, tprAt1: 0 }] });
    expect(untested.map((r) => r.title)).toContain('Audit with the label-only attack');
  });

  it('flags an attack that beats the DP bound, and praises DP that holds', () => {
    const dp = { epsilon: 1, delta: 1e-5 };
    expect(recommend({ ...base, privacy: dp })[0].title).toBe('Check the DP-SGD implementation');
    const ok = recommend({ ...base, privacy: dp, target: { trainAccuracy: 0.6, testAccuracy: 0.58 }, attacks: [{ ...base.attacks[0], auc: 0.52, tprAt1: 0.015 }] });
    expect(ok[0].title).toBe('Keep DP-SGD and report ε');
  });

  it('does not call a point over the bound a bug when its interval reaches inside (3.5% against 2.7% at ε = 1)', () => {
    const dp = { epsilon: 1, delta: 1e-5 };
    const attacks = [{ name: 'lira-online', title: 'LiRA (online)', auc: 0.56, tprAt1: 0.035 }];
    const point = { name: 'lira-online', title: 'LiRA (online)', fpr: 0.01, falsePositivesAllowed: 2, tpr: 0.035, interval: { lower: 0.0142, upper: 0.0708 }, cap: 0.0272 };
    const noise = recommend({ ...base, privacy: dp, attacks, target: { trainAccuracy: 0.6, testAccuracy: 0.58 }, bound: [{ ...point, status: 'noise' }] });
    expect(noise.map((r) => r.title)).not.toContain('Check the DP-SGD implementation');
    expect(noise.find((r) => r.title === 'Measure the bound on more records')?.detail).toContain('95% interval [1.4, 7.1]');
    const broken = recommend({ ...base, privacy: dp, attacks, target: { trainAccuracy: 0.6, testAccuracy: 0.58 }, bound: [{ ...point, status: 'outside' }] });
    expect(broken[0]).toMatchObject({ priority: 'high', title: 'Check the DP-SGD implementation' });
  });

  it('warns that low-FPR numbers are coarse on few records, and orders by priority', () => {
    const recs = recommend({ ...base, nonMembers: 200, exposed: [{ outlier: true }, { outlier: true }, { outlier: false }] });
    expect(recs.map((r) => r.title)).toContain('Evaluate on more records');
    expect(recs.map((r) => r.title)).toContain('Review outliers');
    const order = { high: 0, medium: 1, low: 2 };
    expect(recs.map((r) => order[r.priority])).toEqual([...recs.map((r) => order[r.priority])].sort());
  });
});
