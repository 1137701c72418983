/**
 * @fileoverview The decision-boundary heatmap and its point overlay: class probabilities on a
 * grid become RGBA pixels (class hue, deeper where the model is surer), and points get
 * hit-testing, arrow-key neighbours and their describing text. Pure.
 */
import { formatProb } from '../../present/format';

/** A record drawn on the decision boundary, in data coordinates. */
export interface BoundaryPoint {
  readonly x: number;
  readonly y: number;
  /** True class, 0..numClasses-1. */
  readonly label: number;
  readonly member: boolean;
  /** The target's confidence in the true class, in [0, 1]. */
  readonly confidence: number;
  /** Attack score, higher = more likely a member. */
  readonly score?: number;
  /** The attack's verdict: true = "member". */
  readonly verdict?: boolean;
}

/** Class probabilities on a size×size grid over extent [x0, x1, y0, y1]; row 0 is at y0. */
export interface BoundaryGrid {
  readonly size: number;
  readonly extent: readonly [number, number, number, number];
  /** size·size·numClasses values, row-major, class fastest. */
  readonly probs: Float32Array;
}

/**
 * RGBA pixels (size·size·4) of the predicted class at each grid cell, top row first (so grid row
 * size−1, at y1, comes first, as a canvas wants it). Each pixel mixes the class colour into
 * white by how far the top probability is above chance: 10% at chance, 52% when certain, so the
 * points drawn on top stay readable. Throws when `probs` is too short. Pure.
 */
export function heatmapRgba(
  probs: Float32Array,
  size: number,
  numClasses: number,
  colors: readonly (readonly [number, number, number])[],
): Uint8ClampedArray<ArrayBuffer> {
  if (probs.length < size * size * numClasses) {
    throw new Error(`heatmapRgba: expected ${size * size * numClasses} probabilities, got ${probs.length}`);
  }
  const out = new Uint8ClampedArray(size * size * 4);
  const chance = 1 / numClasses;
  for (let row = 0; row < size; row++) {
    const outRow = size - 1 - row;
    for (let col = 0; col < size; col++) {
      const base = (row * size + col) * numClasses;
      let best = 0;
      for (let k = 1; k < numClasses; k++) if (probs[base + k] > probs[base + best]) best = k;
      const sure = numClasses > 1 ? Math.min(1, Math.max(0, (probs[base + best] - chance) / (1 - chance))) : 1;
      const mix = 0.1 + 0.42 * sure;
      const [r, g, b] = colors[best % colors.length];
      const o = (outRow * size + col) * 4;
      out[o] = 255 + (r - 255) * mix;
      out[o + 1] = 255 + (g - 255) * mix;
      out[o + 2] = 255 + (b - 255) * mix;
      out[o + 3] = 255;
    }
  }
  return out;
}

/** Index of the point nearest (px, py) within `maxDistance` pixels, or null. Pure. */
export function nearestPointIndex(xs: ArrayLike<number>, ys: ArrayLike<number>, px: number, py: number, maxDistance = 16): number | null {
  let best: number | null = null;
  let bestD2 = maxDistance * maxDistance;
  for (let i = 0; i < xs.length; i++) {
    const d2 = (xs[i] - px) ** 2 + (ys[i] - py) ** 2;
    if (d2 < bestD2) {
      bestD2 = d2;
      best = i;
    }
  }
  return best;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

const ARROWS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/** The direction of an arrow key, or null for other keys. Pure. */
export function arrowDirection(key: string): Direction | null {
  return ARROWS[key] ?? null;
}

/**
 * The point to move to from point `from` when pressing an arrow key, in screen coordinates
 * (y grows downwards): among the points within 45° of that direction, the nearest, where sideways
 * distance counts double so the cursor goes roughly straight. Null when nothing lies that way. Pure.
 */
export function neighborInDirection(xs: ArrayLike<number>, ys: ArrayLike<number>, from: number, dir: Direction): number | null {
  let best: number | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let j = 0; j < xs.length; j++) {
    if (j === from) continue;
    const dx = xs[j] - xs[from];
    const dy = ys[j] - ys[from];
    const [ahead, aside] = dir === 'right' ? [dx, dy] : dir === 'left' ? [-dx, dy] : dir === 'down' ? [dy, dx] : [-dy, dx];
    if (!(ahead > 0) || Math.abs(aside) > ahead) continue;
    const cost = ahead + 2 * Math.abs(aside);
    if (cost < bestCost) {
      bestCost = cost;
      best = j;
    }
  }
  return best;
}

/** "member (in the training set)" or "non-member". Pure. */
export function membershipText(member: boolean): string {
  return member ? 'member (in the training set)' : 'non-member (not trained on)';
}

/** The attack's verdict on a point and whether it is right, or '' when the point has none. Pure. */
export function verdictText(p: BoundaryPoint): string {
  if (p.verdict === undefined && p.score === undefined) return '';
  const score = p.score === undefined ? '' : ` (score ${formatProb(p.score)})`;
  if (p.verdict === undefined) return `attack score ${formatProb(p.score ?? Number.NaN)}`;
  const right = p.verdict === p.member ? 'correct' : 'wrong';
  return `attack says ${p.verdict ? 'member' : 'non-member'}${score}, ${right}`;
}

/** The verdict for a table cell: "member (0.71), right"; '–' when the point has none. Pure. */
export function verdictCell(p: BoundaryPoint): string {
  if (p.verdict === undefined) return p.score === undefined ? '–' : formatProb(p.score);
  const score = p.score === undefined ? '' : ` (${formatProb(p.score)})`;
  return `${p.verdict ? 'member' : 'non-member'}${score}, ${p.verdict === p.member ? 'right' : 'wrong'}`;
}

/** The full description of a point, for the listbox option and the table. Pure. */
export function pointText(p: BoundaryPoint, index: number): string {
  const verdict = verdictText(p);
  return (
    `Record ${index + 1}: class ${p.label}, ${membershipText(p.member)}, confidence ${formatProb(p.confidence)}` +
    (verdict ? `; ${verdict}` : '')
  );
}

/** The one-line text alternative of the chart. Pure. */
export function boundarySummary(points: readonly BoundaryPoint[], numClasses: number): string {
  if (points.length === 0) return `No records yet; the model has ${numClasses} classes.`;
  const members = points.filter((p) => p.member).length;
  const judged = points.filter((p) => p.verdict !== undefined);
  const right = judged.filter((p) => p.verdict === p.member).length;
  const verdicts = judged.length > 0 ? ` The attack's verdicts are right for ${right} of ${judged.length}.` : '';
  return (
    `Decision regions of ${numClasses} classes with ${points.length} records ` +
    `(${members} members, ${points.length - members} non-members).${verdicts}`
  );
}
