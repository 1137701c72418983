/**
 * @fileoverview Colours and dash patterns for categorical series: one per attack on the ROC chart,
 * one per class on the decision boundary. Members and non-members keep their own theme colours
 * (--color-member orange, --color-nonmember blue), so this palette avoids both hues and a class or
 * an attack is never mistaken for a membership group.
 *
 * Values are hex so canvas can use them too; SVG wraps them as fallbacks of `--chart-cat-N`, so a
 * theme (projector, dark) can override a colour without touching code.
 */

/** Categorical colours, each ≥ 3:1 contrast on white (WCAG 1.4.11 for graphics; a test pins it). */
export const CATEGORICAL = [
  '#6b4fa8', // purple
  '#0e7c86', // teal
  '#b8336a', // raspberry
  '#5d7a1f', // olive
  '#8a5a00', // brown
  '#3c4a5c', // slate
  '#a23b2a', // brick
  '#1d6f5c', // pine
] as const;

/**
 * The same hues lightened for the dark theme (theme.css sets them as --chart-cat-N), each ≥ 4.5:1
 * on the dark surface; a test keeps the stylesheet and this list in step.
 */
export const CATEGORICAL_DARK = ['#b9a3f0', '#4fc7d1', '#f283b0', '#a9cc5a', '#e0a84a', '#a9b8cc', '#f08a73', '#5cd1b0'] as const;

/** SVG stroke-dasharray values, so series differ in shape as well as colour. '' is solid. */
export const DASHES = ['', '7 4', '2 3', '10 3 2 3', '4 2', '12 4', '1 4', '6 2 2 2'] as const;

/** How one categorical series is drawn. */
export interface SeriesStyle {
  /** CSS colour for SVG: `var(--chart-cat-N, #hex)`. */
  readonly color: string;
  /** The plain hex fallback, for canvas. */
  readonly hex: string;
  /** stroke-dasharray; '' for solid. */
  readonly dash: string;
}

/** Style of the i-th series (i ≥ 0). Colours and dashes cycle independently, so up to 8·8 series differ. Pure. */
export function seriesStyle(i: number): SeriesStyle {
  const k = ((i % CATEGORICAL.length) + CATEGORICAL.length) % CATEGORICAL.length;
  const hex = CATEGORICAL[k];
  const round = Math.floor(i / CATEGORICAL.length);
  return { color: `var(--chart-cat-${k}, ${hex})`, hex, dash: DASHES[(i + round) % DASHES.length] };
}

/** '#rrggbb' or '#rgb' to [r, g, b] in 0..255. Throws on anything else. Pure. */
export function hexToRgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`hexToRgb: expected #rgb or #rrggbb, got ${hex}`);
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((o) => parseInt(h.slice(o, o + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance of a hex colour, in [0, 1]. Pure. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = hexToRgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two hex colours, in [1, 21]. Pure. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
