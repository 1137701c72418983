import { scaleLinear, scaleLog } from 'd3';
import { describe, expect, it } from 'vitest';
import { decadeTicks, linearTicks, tickCount, titlePlacement, TITLE_GAP, visibleLabels } from './axes';

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

describe('axis layout', () => {
  it('drops tick labels that would overlap the one before', () => {
    expect(visibleLabels([[0, 30], [20, 50], [40, 70], [80, 100]])).toEqual([true, false, true, true]);
    expect(visibleLabels([[0, 10], [12, 20]], 4)).toEqual([true, false]);
  });

  it('puts a left title beyond the widest tick label, whatever the font size', () => {
    // Labels 36 px wide plus the 8 px tick gap; a 14 px title (ascent 11, descent 3).
    const small = titlePlacement(8 + 36, { top: -11, height: 14 }, 'left');
    expect(small.offset).toBe(8 + 36 + TITLE_GAP + 3);
    expect(small.depth).toBe(small.offset + 11);
    // Presenter type: wider labels push the title out, and the axis asks for more room.
    const big = titlePlacement(8 + 48, { top: -14, height: 18 }, 'left');
    expect(big.offset).toBeGreaterThan(small.offset);
    expect(big.depth).toBeGreaterThan(small.depth);
  });

  it('hangs a bottom title below the tick labels', () => {
    const p = titlePlacement(22, { top: -12, height: 16 }, 'bottom');
    // Title top = offset − 12 sits TITLE_GAP below the labels' bottom at 22.
    expect(p.offset - 12).toBe(22 + TITLE_GAP);
    expect(p.depth).toBe(p.offset + 4);
  });
});
