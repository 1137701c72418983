/**
 * @fileoverview The privacy–utility trade-off of the cheat sheet: which defenses are on the Pareto
 * front (no other defense is both more accurate and less leaky), where their labels go, and the
 * chart's one-line text alternative. Pure.
 */
import { formatPercent } from '../../present/format';

/** One defense on the plane: test accuracy (higher is better) vs TPR at 1% FPR (lower is better). */
export interface TradeoffPoint {
  readonly key: string;
  readonly label: string;
  readonly testAccuracy: number;
  readonly tprAt1: number;
}

/** Whether `a` dominates `b`: at least as good on both axes and better on one. Pure. */
export function dominates(a: TradeoffPoint, b: TradeoffPoint): boolean {
  return a.testAccuracy >= b.testAccuracy && a.tprAt1 <= b.tprAt1 && (a.testAccuracy > b.testAccuracy || a.tprAt1 < b.tprAt1);
}

/**
 * The points no other point dominates, sorted from the least leaky to the most (TPR ascending,
 * so accuracy ascends too). Identical points are all kept. Pure.
 */
export function paretoFront<T extends TradeoffPoint>(points: readonly T[]): T[] {
  return points
    .filter((p) => !points.some((q) => dominates(q, p)))
    .sort((a, b) => a.tprAt1 - b.tprAt1 || a.testAccuracy - b.testAccuracy);
}

/**
 * Vertical offsets (pixels) for point labels so that labels whose boxes overlap are pushed apart:
 * each label starts at its point's y and moves down past any earlier label it would cover.
 * `boxes` are in screen pixels. Returns one offset per box, in input order. Pure.
 */
export function labelOffsets(boxes: readonly { x: number; y: number; width: number }[], lineHeight = 13): number[] {
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a].y - boxes[b].y || boxes[a].x - boxes[b].x);
  const placed: { x0: number; x1: number; y: number }[] = [];
  const out = new Array<number>(boxes.length).fill(0);
  for (const i of order) {
    const b = boxes[i];
    let y = b.y;
    // Each move goes strictly down (past the label it hit), so this ends; the small slack keeps
    // float rounding of p.y + lineHeight − p.y from counting as a hit again.
    for (let moved = true; moved; ) {
      moved = false;
      for (const p of placed) {
        if (b.x < p.x1 && b.x + b.width > p.x0 && Math.abs(y - p.y) < lineHeight - 1e-6) {
          y = p.y + lineHeight;
          moved = true;
        }
      }
    }
    placed.push({ x0: b.x, x1: b.x + b.width, y });
    out[i] = y - b.y;
  }
  return out;
}

/** The scatter's text alternative: the front, and what the most private choice costs. Pure. */
export function tradeoffSummary(points: readonly TradeoffPoint[]): string {
  if (points.length === 0) return 'No defense measured yet.';
  const front = paretoFront(points);
  const safest = front[0];
  const best = front[front.length - 1];
  return (
    `Best trade-offs (the Pareto front): ${front.map((p) => p.label).join(', ')}. ` +
    `The least leaky, ${safest.label}, exposes ${formatPercent(safest.tprAt1)} of members at 1% FPR with ${formatPercent(safest.testAccuracy)} test accuracy; ` +
    `the most accurate on the front, ${best.label}, reaches ${formatPercent(best.testAccuracy)} and exposes ${formatPercent(best.tprAt1)}.`
  );
}
