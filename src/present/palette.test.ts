import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CATEGORICAL, CATEGORICAL_DARK, contrastRatio, DASHES, hexToRgb, seriesStyle } from './palette';

describe('palette', () => {
  it('keeps every categorical colour at ≥ 3:1 contrast on white', () => {
    for (const hex of CATEGORICAL) expect(contrastRatio(hex, '#ffffff'), hex).toBeGreaterThanOrEqual(3);
  });

  it('keeps the dark theme series at ≥ 4.5:1 on the dark surface, and the stylesheet uses exactly them', () => {
    for (const hex of CATEGORICAL_DARK) expect(contrastRatio(hex, '#19202a'), hex).toBeGreaterThanOrEqual(4.5);
    const css = readFileSync(new URL('../styles/theme.css', import.meta.url), 'utf8');
    const dark = css.slice(css.indexOf(":root[data-theme='dark'] {"));
    CATEGORICAL_DARK.forEach((hex, i) => expect(dark).toContain(`--chart-cat-${i}: ${hex};`));
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
