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
