import { scaleLinear, scaleLog } from 'd3';
import { describe, expect, it } from 'vitest';
import { decadeTicks, linearTicks, tickCount } from './axes';

describe('axis ticks', () => {
  it('places linear ticks at round values with their pixel positions', () => {
    const ticks = linearTicks(scaleLinear().domain([0, 1]).range([0, 100]), 5, (v) => v.toFixed(1));
    expect(ticks.map((t) => t.value)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(ticks[1].pos).toBeCloseTo(20);
    expect(ticks[5].label).toBe('1.0');
  });

  it('keeps only the decades of a log scale', () => {
    const ticks = decadeTicks(scaleLog().domain([1e-4, 1]).range([0, 400]), String);
    expect(ticks.map((t) => t.value)).toEqual([1e-4, 1e-3, 1e-2, 1e-1, 1]);
    expect(ticks[2].pos).toBeCloseTo(200);
  });

  it('asks for fewer ticks on narrow axes', () => {
    expect(tickCount(140)).toBe(2);
    expect(tickCount(700)).toBe(10);
  });
});
