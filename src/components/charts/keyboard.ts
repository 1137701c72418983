/**
 * @fileoverview Arrow-key stepping for charts that expose their marks as a slider: the focused
 * plot moves a cursor over bins, epochs or points, and the tooltip follows it.
 */

/**
 * The index `key` moves the cursor to among `count` items, or null when the key is not a
 * stepping key (the caller then lets the browser handle it) or there are no items. Right/Up
 * step forward, Left/Down back, Page keys jump by `page`, Home/End go to the ends. A null
 * `current` starts from the first item. Clamps at the ends. Pure.
 */
export function stepIndex(key: string, current: number | null, count: number, page = 5): number | null {
  if (count <= 0) return null;
  const at = current === null ? -1 : current;
  let next: number;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      next = at + 1;
      break;
    case 'ArrowLeft':
    case 'ArrowDown':
      next = current === null ? 0 : at - 1;
      break;
    case 'PageUp':
      next = at + page;
      break;
    case 'PageDown':
      next = current === null ? 0 : at - page;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = count - 1;
      break;
    default:
      return null;
  }
  return Math.min(count - 1, Math.max(0, next));
}
