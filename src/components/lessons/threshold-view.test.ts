import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lessonThreshold } from './threshold-view';
import { operatingPoint } from '../../core/metrics/operating-point';
import type { CacheFile, LessonResult } from '../../lessons/result';

const cached = (JSON.parse(readFileSync('public/cache/lesson-remembers.json', 'utf8')) as CacheFile).result;

describe('lessonThreshold', () => {
  it("carries the loss attack's cut-off over to the confidence axis: the same records are flagged", () => {
    const view = lessonThreshold(cached, 'loss-threshold')!;
    const loss = cached.attacks.find((a) => a.name === 'loss-threshold')!;
    expect(view.calibrated).toBeCloseTo(Math.exp(loss.threshold!), 12);
    expect(view.counts).toEqual({ members: loss.members, nonMembers: loss.nonMembers });
    // The cache rounds confidences, so a record on the line may flip; the rest must agree.
    const p = operatingPoint(view.table, view.calibrated);
    expect(Math.abs(p.tp - loss.atThreshold.tp)).toBeLessThanOrEqual(2);
    expect(Math.abs(p.fp - loss.atThreshold.fp)).toBeLessThanOrEqual(2);
    expect(view.source).toMatch(/shadow models/);
  });

  it('uses a confidence attack as it is, and says so when no attack thresholds the confidence', () => {
    const conf = { ...cached, attacks: cached.attacks.map((a) => (a.name === 'loss-threshold' ? { ...a, name: 'confidence-threshold', threshold: 0.9 } : a)) } as LessonResult;
    expect(lessonThreshold(conf, null)!.calibrated).toBe(0.9);
    const none = { ...cached, attacks: cached.attacks.filter((a) => a.name === 'gap') } as LessonResult;
    const view = lessonThreshold(none, 'gap')!;
    expect(view.calibrated).toBe(0.5);
    expect(view.source).toMatch(/no confidence or loss attack/);
  });

  it('reads a threshold saved as null (±∞) as flagging nobody, and needs both groups', () => {
    const inf = { ...cached, attacks: cached.attacks.map((a) => ({ ...a, threshold: null })) } as LessonResult;
    const view = lessonThreshold(inf, 'loss-threshold')!;
    expect(operatingPoint(view.table, view.calibrated).tp).toBe(0);
    expect(lessonThreshold({ ...cached, confidence: { ...cached.confidence, members: [] } }, null)).toBeNull();
  });
});
