import { describe, expect, it } from 'vitest';
import { CATEGORICAL, contrastRatio, DASHES, hexToRgb, seriesStyle } from './palette';

describe('palette', () => {
  it('keeps every categorical colour at ≥ 3:1 contrast on white', () => {
    for (const hex of CATEGORICAL) expect(contrastRatio(hex, '#ffffff'), hex).toBeGreaterThanOrEqual(3);
  });

  it('stays clear of the member orange and non-member blue hues', () => {
    for (const hex of CATEGORICAL) {
      expect(hex).not.toBe('#d9730d');
      expect(hex).not.toBe('#2b7bb9');
    }
  });

  it('gives distinct colour/dash pairs to the first 16 series', () => {
    const pairs = new Set(Array.from({ length: 16 }, (_, i) => `${seriesStyle(i).hex}|${seriesStyle(i).dash}`));
    expect(pairs.size).toBe(16);
    expect(seriesStyle(0)).toEqual({ color: `var(--chart-cat-0, ${CATEGORICAL[0]})`, hex: CATEGORICAL[0], dash: DASHES[0] });
  });

  it('parses short and long hex and rejects junk', () => {
    expect(hexToRgb('#fff')).toEqual([255, 255, 255]);
    expect(hexToRgb('#0e7c86')).toEqual([14, 124, 134]);
    expect(() => hexToRgb('red')).toThrow(/hexToRgb/);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});
