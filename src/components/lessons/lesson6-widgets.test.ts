import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessonScoreThreshold } from './score-threshold-view';
import { attackCell, columnRange, variantAttackRows } from './variant-attack-rows';
import { operatingPoint } from '../../core/metrics/operating-point';
import type { CacheFile } from '../../lessons/result';

const cache = JSON.parse(readFileSync('public/cache/lesson-john-doe.json', 'utf8')) as CacheFile;

describe("lesson 6's threshold over LiRA's own scores", () => {
  const view = lessonScoreThreshold(cache.result, 'lira-online')!;
  const lira = cache.result.attacks.find((a) => a.name === 'lira-online')!;

  it('keeps every score of 200 members and 200 non-members, so the counts are exact', () => {
    expect(view.counts).toEqual({ members: 200, nonMembers: 200 });
    expect(view.table.members).toHaveLength(200);
    expect(view.table.nonMembers).toHaveLength(200);
  });

  it("starts at the attacker's threshold, which flags the attack's own verdicts", () => {
    expect(view.calibrated).toBe(lira.threshold);
    const at = operatingPoint(view.table, view.calibrated);
    expect(at.tp).toBe(lira.atThreshold.tp);
    expect(at.fp).toBe(lira.atThreshold.fp);
  });
});

describe('variant attack rows', () => {
  it('give counts and an interval per attack, "not run" where the run lacked it', () => {
    const spec = [{ key: 'refs2', label: '2 reference models', set: {} }];
    const rows = variantAttackRows(cache.result, spec, { refs2: cache.variants.refs2.result }, ['lira-offline', 'rmia'], 'base');
    expect(rows.map((r) => r.key)).toEqual(['base', 'refs2']);
    expect(rows[0].cells[1]).toBeNull(); // the lesson's run has no RMIA
    const c = rows[1].cells[1]!;
    expect(c.found).toBe(Math.round(c.tprAt1 * 200));
    expect(c.interval.lower).toBeLessThanOrEqual(c.tprAt1);
    expect(c.interval.upper).toBeGreaterThanOrEqual(c.tprAt1);
    expect(c.falsePositivesAllowed).toBe(2);
    expect(attackCell(null, 'rmia')).toBeNull();
    const r = columnRange(rows, 0)!;
    expect(r.min).toBeLessThanOrEqual(r.max);
  });
});
