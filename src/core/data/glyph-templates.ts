/**
 * @fileoverview Stroke templates for the ten digit-like glyphs: each digit is a few polylines in a
 * unit box (x right, y down, the digit filling roughly x ∈ [0.25, 0.75], y ∈ [0.1, 0.9]).
 * Arcs are flattened to short segments here once, so rendering only has to handle segments.
 */

/** A polyline as flat [x0, y0, x1, y1, ...] coordinates in the unit box. */
export type Stroke = readonly number[];

/** Points along an elliptical arc; angles in degrees, 0 = right, 90 = down (screen coordinates). */
function arc(cx: number, cy: number, rx: number, ry: number, fromDeg: number, toDeg: number): number[] {
  const steps = Math.max(4, Math.ceil(Math.abs(toDeg - fromDeg) / 20));
  const pts: number[] = [];
  for (let s = 0; s <= steps; s++) {
    const a = ((fromDeg + ((toDeg - fromDeg) * s) / steps) * Math.PI) / 180;
    pts.push(cx + rx * Math.cos(a), cy + ry * Math.sin(a));
  }
  return pts;
}

/** Digit templates indexed by class (0–9). */
export const GLYPH_TEMPLATES: readonly (readonly Stroke[])[] = [
  // 0: a tall ellipse.
  [arc(0.5, 0.5, 0.21, 0.36, 0, 360)],
  // 1: a vertical bar with a small flag at the top.
  [[0.36, 0.26, 0.52, 0.12, 0.52, 0.88]],
  // 2: a top hook, a diagonal down to the left, a flat base.
  [[...arc(0.5, 0.32, 0.2, 0.19, 200, 390), 0.27, 0.88, 0.76, 0.88]],
  // 3: two right-facing bowls.
  [arc(0.48, 0.3, 0.2, 0.18, 200, 450), arc(0.48, 0.68, 0.22, 0.2, 270, 520)],
  // 4: the open kind: down-left diagonal, crossbar, and a vertical stem.
  [[0.58, 0.12, 0.24, 0.64, 0.78, 0.64], [0.64, 0.36, 0.64, 0.88]],
  // 5: flag and stem, then a lower bowl.
  [[0.74, 0.12, 0.34, 0.12, 0.31, 0.46, ...arc(0.49, 0.65, 0.23, 0.21, 235, 495)]],
  // 6: a sweeping left side into a closed lower loop.
  [[...arc(0.66, 0.5, 0.36, 0.4, 250, 180), ...arc(0.5, 0.67, 0.2, 0.2, 180, 540)]],
  // 7: a top bar and a long diagonal.
  [[0.25, 0.12, 0.76, 0.12, 0.42, 0.88]],
  // 8: two stacked loops.
  [arc(0.5, 0.3, 0.17, 0.17, 0, 360), arc(0.5, 0.68, 0.21, 0.2, 0, 360)],
  // 9: an upper loop and a tail down the right side.
  [arc(0.49, 0.34, 0.19, 0.2, 0, 360), [0.68, 0.34, 0.6, 0.88]],
];
