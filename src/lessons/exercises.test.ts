import { describe, expect, it } from 'vitest';
import { checkGoals, estimateValue, gradeEstimate, readChallenge, readEstimate, readSolution } from './exercises';
import { parseLesson } from './parse';

const estimate = (extra: string) => readEstimate(`{"id": "e1", "widget": "w1", "question": "q?", "fact": "tprAt1", "tolerance": 0.03${extra}}`, 'x.md:1', 1);

describe('estimate blocks', () => {
  it('reads a slider with defaults and rejects bad ranges', () => {
    const e = estimate(', "min": 0, "max": 0.5, "step": 0.01');
    expect([e.min, e.max, e.step, e.format]).toEqual([0, 0.5, 0.01, 'pct']);
    expect(() => estimate(', "min": 1, "max": 0')).toThrow(/below "max"/);
    expect(estimate('').step).toBe(0.02);
    expect(() => estimate(', "step": 0.001')).toThrow(/at most 99 steps/);
    expect(() => readEstimate('{"id": "e1", "widget": "w1", "question": "q", "fact": "auc"}', 'x.md:1', 1)).toThrow(/"tolerance" must be a number/);
  });

  it('turns a saved slider position back into the guess', () => {
    expect(estimateValue({ min: 0, max: 0.5, step: 0.01 }, 7)).toBe(0.07);
    expect(estimateValue({ min: 0, max: 0.5, step: 0.01 }, 50)).toBe(0.5);
  });

  it('grades by distance: within the tolerance close, within three times near, else far', () => {
    expect(gradeEstimate(0.08, 0.05, 0.03)).toEqual({ distance: expect.closeTo(0.03, 9), grade: 'close' });
    expect(gradeEstimate(0.12, 0.05, 0.03).grade).toBe('near');
    expect(gradeEstimate(0.3, 0.05, 0.03).grade).toBe('far');
    expect(gradeEstimate(0.0, 0.05, 0.03).grade).toBe('near');
  });
});

describe('challenge blocks', () => {
  const spec = readChallenge(
    '{"id": "ch1", "widget": "try", "task": "t", "goals": [{"fact": "testAccuracy", "op": ">=", "value": 0.6, "label": "Test accuracy"}, {"fact": "tprAt1", "op": "<=", "value": 0.03, "label": "TPR"}]}',
    'x.md:1',
    1,
  );

  it('meets a goal only when the fact is on the right side', () => {
    const met = checkGoals(spec.goals, { testAccuracy: 0.645, tprAt1: 0.015 });
    expect(met.map((o) => o.met)).toEqual([true, true]);
    const missed = checkGoals(spec.goals, { testAccuracy: 0.59, tprAt1: 0.05 });
    expect(missed.map((o) => o.met)).toEqual([false, false]);
    // Exactly on the line counts (0.6 from a run of 200 test records is 120 of them).
    expect(checkGoals(spec.goals, { testAccuracy: 0.6, tprAt1: 0.03 }).every((o) => o.met)).toBe(true);
  });

  it('fails a goal whose fact is missing, instead of passing it silently', () => {
    expect(checkGoals(spec.goals, { testAccuracy: 0.7 }).map((o) => o.met)).toEqual([true, false]);
  });

  it('rejects an unknown comparison', () => {
    expect(() => readChallenge('{"id": "c", "widget": "w", "task": "t", "goals": [{"fact": "auc", "op": "<", "value": 1, "label": "AUC"}]}', 'x.md:3', 3)).toThrow(/"op" must be/);
  });
});

describe('exercises in a lesson', () => {
  const lesson = (blocks: string) => `---\ntitle: T\nsummary: S\nduration: 5 min\nplayground: default\nobjectives:\n  - O\n---\n\n${blocks}`;
  const widget = '```widget\n{"id": "w1", "type": "experiment", "preset": "default"}\n```\n';

  it('parses estimate, challenge and solution blocks into segments and lists', () => {
    const l = parseLesson('00-test', lesson(
      '```estimate\n{"id": "e1", "widget": "w1", "question": "How high?", "fact": "tprAt1", "tolerance": 0.03, "explain": "It was {{w1.tprAt1|pct}}."}\n```\n\n' + widget +
      '\n```challenge\n{"id": "ch1", "widget": "w1", "task": "Do it", "goals": [{"fact": "auc", "op": "<=", "value": 0.6, "label": "AUC", "format": "prob"}]}\n```\n\n' +
      '```solution\n{"id": "s1", "body": "Turn on **DP**."}\n```\n',
    ));
    expect(l.segments.map((s) => s.kind)).toEqual(['estimate', 'widget', 'challenge', 'solution']);
    expect(l.estimates.map((e) => e.id)).toEqual(['e1']);
    expect(l.challenges.map((c) => c.id)).toEqual(['ch1']);
    const sol = l.segments[3];
    expect(sol.kind === 'solution' && sol.spec.bodyHtml).toContain('<strong>DP</strong>');
    // The explanation's placeholder is registered, so the claims test checks it against the cache.
    expect(l.placeholders.map((p) => p.key)).toContain('w1.tprAt1|pct');
  });

  it('names the missing widget an exercise points at', () => {
    expect(() => parseLesson('00-test', lesson(widget + '\n```challenge\n{"id": "ch1", "widget": "zz", "task": "t", "goals": [{"fact": "auc", "op": "<=", "value": 1, "label": "AUC"}]}\n```\n'))).toThrow(/"ch1" names widget "zz"/);
  });
});
