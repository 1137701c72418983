import { describe, expect, it } from 'vitest';
import { pairFacts, pairVerdicts } from './record-pair';
import { widgetFacts } from './facts';
import type { LessonAttack, LessonRecord, LessonResult } from './result';

const attack = (name: string, threshold: number | null): LessonAttack =>
  ({ name, title: name, threshold, auc: 0.8, tprAt1: 0.2, tprAt01: 0, tprAt10: 0, advantage: 0, accuracy: 0.7, balancedAccuracy: 0.7, empiricalEpsilon: 0,
    atThreshold: { tpr: 0.5, fpr: 0.1, tp: 100, fp: 20 }, members: 200, nonMembers: 200, roc: { fpr: [], tpr: [] }, rocLog: { fpr: [], tpr: [] } }) as LessonAttack;

const rec = (name: string, member: boolean, score: number, p: number): LessonRecord =>
  ({ index: 0, name, label: 1, member, features: [], probs: [1 - p, p], scores: { lira: score, loss: -0.1 }, fprAtScore: { lira: member ? 0.005 : 0.4, loss: 0.5 } });

function result(john: number, jane: number, threshold: number | null = 0.5): LessonResult {
  return {
    source: 'cached', target: { trainAccuracy: 1, testAccuracy: 0.6, trainLoss: 0.01, testLoss: 1.2, stoppedEpoch: 40, bestEpoch: 40 },
    config: { split: { targetMembers: 200 }, attack: { shadows: 2, references: 8 }, train: { epochs: 40 } },
    privacy: null, confidence: { members: [], nonMembers: [], memberMean: 0.99, nonMemberMean: 0.6 }, featureNames: [], classNames: ['healthy', 'diabetes'],
    records: [rec('Ana Abe', true, 9, 0.9), rec('John Doe', true, john, 0.99), rec('Jane Smith', false, jane, 0.2)],
    attacks: [attack('lira', threshold), attack('loss', -0.05)],
  } as unknown as LessonResult;
}

describe('the running example: John Doe and Jane Smith', () => {
  it('reads each verdict against the attacker’s own threshold and says whether it is right', () => {
    const [john, jane] = pairVerdicts(result(2.8, 0.7), attack('lira', 0.5));
    expect(john).toMatchObject({ name: 'John Doe', member: true, score: 2.8, threshold: 0.5, flagged: true, correct: true, diagnosis: 'diabetes' });
    expect(john.confidence).toBeCloseTo(0.99);
    // Jane scores above the threshold: a false accusation.
    expect(jane).toMatchObject({ name: 'Jane Smith', member: false, flagged: true, correct: false, fpr: 0.4 });
    const below = pairVerdicts(result(0.1, -3), attack('lira', 0.5));
    expect(below.map((v) => [v.flagged, v.correct])).toEqual([[false, false], [false, true]]);
    // No threshold (±∞): nobody is flagged.
    expect(pairVerdicts(result(2.8, 0.7), attack('lira', null)).map((v) => v.flagged)).toEqual([false, false]);
  });

  it('leaves the FPR unknown (null, never 0%) when the result lacks it for that attack', () => {
    const r = result(2.8, 0.7);
    const missing = { ...r, records: r.records.map((x) => ({ ...x, fprAtScore: {} })) } as LessonResult;
    expect(pairVerdicts(missing, attack('lira', 0.5)).map((v) => v.fpr)).toEqual([null, null]);
    const out: Record<string, number | string | null> = {};
    pairFacts(missing, attack('lira', 0.5), out);
    expect(out['johnDoe.fpr']).toBeNull();
  });

  it('leaves out a patient the result does not hold', () => {
    const r = { ...result(1, 0), records: result(1, 0).records.filter((x) => x.name !== 'Jane Smith') } as LessonResult;
    expect(pairVerdicts(r, attack('lira', 0.5)).map((v) => v.name)).toEqual(['John Doe']);
  });

  it('names facts for both patients under the featured attack, and behind each variant key', () => {
    const out: Record<string, number | string | null> = {};
    pairFacts(result(2.8, -1), attack('lira', 0.5), out);
    expect(out).toMatchObject({ 'johnDoe.verdict': 'MEMBER', 'johnDoe.flagged': 1, 'johnDoe.score': 2.8, 'janeSmith.verdict': 'NON-MEMBER', 'janeSmith.correct': 1, 'janeSmith.truth': 'a non-member' });
    const facts = widgetFacts(result(2.8, -1), { dropout: result(0.2, -1) }, 'lira');
    expect(facts['johnDoe.verdict']).toBe('MEMBER');
    expect(facts['dropout.johnDoe.verdict']).toBe('NON-MEMBER');
    expect(facts['dropout.johnDoe.score']).toBe(0.2);
    expect(facts['janeSmith.threshold']).toBe(0.5);
    // Under each attack by name, not only the featured one.
    expect(facts['loss.johnDoe.score']).toBe(-0.1);
    expect(facts['loss.johnDoe.verdict']).toBe('NON-MEMBER');
    expect(facts['dropout.lira.johnDoe.verdict']).toBe('NON-MEMBER');
  });
});
