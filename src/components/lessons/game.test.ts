import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dealRecords, ruleAccuracyAll, ruleScore, RULE_THRESHOLD, shareAtLeast, trueConfidence } from './game';
import type { LessonResult } from '../../lessons/result';

const cached = JSON.parse(readFileSync('public/cache/lesson-remembers.json', 'utf8')).result as LessonResult;

describe('guessing game deal', () => {
  const cards = dealRecords(cached.records, 10, cached.confidence);

  it('deals five members and five non-members, deterministically', () => {
    expect(cards).toHaveLength(10);
    expect(cards.filter((r) => r.member)).toHaveLength(5);
    expect(dealRecords(cached.records, 10, cached.confidence).map((r) => r.index)).toEqual(cards.map((r) => r.index));
  });

  it('represents each group: the share of cards clearing the rule matches all records', () => {
    const nonMembers = cards.filter((r) => !r.member);
    const share = shareAtLeast(cached.confidence.nonMembers, RULE_THRESHOLD);
    expect(nonMembers.filter((r) => trueConfidence(r) >= RULE_THRESHOLD)).toHaveLength(Math.round(5 * share));
  });

  it('on the cached run the confidence rule clearly beats guessing (it scored 6 of 10 on the old deal)', () => {
    // The old deal took the first five non-members kept: three of them at >= 0.99.
    expect(ruleScore(cards, RULE_THRESHOLD)).toBeGreaterThanOrEqual(7);
    expect(ruleAccuracyAll(cached.confidence, RULE_THRESHOLD)).toBeGreaterThan(0.6);
  });
});
