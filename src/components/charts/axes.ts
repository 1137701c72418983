/**
 * @fileoverview Tick positions and labels for the charts' axes, computed from d3 scales so the
 * Svelte axis component only draws.
 */

/** One tick: its data value, pixel position along the axis and label. */
export interface Tick {
  readonly value: number;
  readonly pos: number;
  readonly label: string;
}

/** The part of a d3 continuous scale the tick helpers need. */
export interface TickScale {
  (value: number): number;
  ticks(count?: number): number[];
}

/** About one tick per `spacing` pixels, at least 2. Pure. */
export function tickCount(pixels: number, spacing = 70): number {
  return Math.max(2, Math.floor(pixels / spacing));
}

/** Ticks of a linear scale, about `count` of them at round values. Pure. */
export function linearTicks(scale: TickScale, count: number, label: (v: number) => string): Tick[] {
  return scale.ticks(count).map((value) => ({ value, pos: scale(value), label: label(value) }));
}

/** Ticks of a log scale at the powers of ten only (1e-4, 1e-3, …), which read best. Pure. */
export function decadeTicks(scale: TickScale, label: (v: number) => string): Tick[] {
  return scale
    .ticks()
    .filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9)
    .map((value) => ({ value, pos: scale(value), label: label(value) }));
}

/** A text's extent along one direction, in pixels: [start, end]. */
export type Span = readonly [number, number];

/**
 * Which tick labels to draw so no two overlap: a greedy pass along the axis keeps a label when it
 * starts at least `gap` pixels after the last one kept. `spans` are in axis order. Pure.
 */
export function visibleLabels(spans: readonly Span[], gap = 4): boolean[] {
  let end = -Infinity;
  return spans.map(([a, b]) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    if (lo < end + gap) return false;
    end = hi;
    return true;
  });
}

/** Space between the tick labels and the axis title, in pixels. */
export const TITLE_GAP = 6;

/**
 * Where the axis title goes and how much room the axis needs, from measured text boxes (pixels):
 * `tickDepth` is how far the tick labels reach from the axis line (label width for a left axis,
 * label bottom for a bottom axis); `title` is the title's box across the axis, relative to its
 * baseline (`top` negative above it). Returns the baseline's distance from the axis line and the
 * axis' whole depth (axis line to the title's far edge), so a chart can size its margin. Pure.
 */
export function titlePlacement(tickDepth: number, title: { top: number; height: number }, orient: 'left' | 'bottom'): { offset: number; depth: number } {
  if (orient === 'bottom') {
    // The title hangs below the ticks: its top (baseline + top) clears their bottom.
    const offset = tickDepth + TITLE_GAP - title.top;
    return { offset, depth: offset + title.top + title.height };
  }
  // Rotated −90°: the text's "down" points right, towards the ticks; its bottom edge clears them.
  const offset = tickDepth + TITLE_GAP + title.top + title.height;
  return { offset, depth: offset - title.top };
}
