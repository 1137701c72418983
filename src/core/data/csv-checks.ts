/**
 * @fileoverview Checks on an imported CSV that catch what parses but is probably not what the
 * person meant: labels that are one number written several ways ("1", "1.0", "01"), and columns
 * of numbers in a format the importer does not read ("$1,234", "12%"), which would otherwise turn
 * silently into categories. Also the one clipping rule for names and cells in every message.
 */

/** Longest name or cell shown in a message or menu; a 5 MB header name must not reach the page. */
export const MAX_SHOWN_CHARS = 60;

/** `s` cut to MAX_SHOWN_CHARS characters, ending in "…" when cut. Pure. */
export function clipText(s: string, max = MAX_SHOWN_CHARS): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** `"a", "b" and "c"` for a message, each clipped. */
function quotedList(values: readonly string[]): string {
  const q = values.map((v) => `"${clipText(v)}"`);
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

// `\d+(?:\.\d*)?`, not `\d+\.?\d*`: the latter backtracks quadratically on a long run of digits.
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The problem when two or more label values are the same number spelled differently ("1", "1.0",
 * "01"): they would become separate classes. Names the first such group. Null when there is none. Pure.
 */
export function labelSpellingProblem(labels: readonly string[], labelName: string): string | null {
  const byValue = new Map<number, string[]>();
  for (const v of labels) {
    if (!PLAIN_NUMBER.test(v)) continue;
    const key = Number(v);
    const group = byValue.get(key);
    if (group) group.push(v);
    else byValue.set(key, [v]);
  }
  for (const group of byValue.values()) {
    if (group.length < 2) continue;
    return `The label column "${clipText(labelName)}" writes the same number in different ways (${quotedList(group)}), ` +
      'so they would be different classes; write each class one way.';
  }
  return null;
}

/** Currency signs, percent, apostrophes, underscores and spaces people put inside numbers. */
const NUMBER_DECORATION = /[\s$€£¥%'’_]/g;
const GROUPED = /^[+-]?\d{1,3}(?:[,.]\d{3})+(?:[.,]\d+)?$/;

/** True when `cell` is a number once separators and signs like "$" or "%" are removed. */
function looksLikeFormattedNumber(cell: string): boolean {
  const s = cell.replace(NUMBER_DECORATION, '');
  return s !== '' && (PLAIN_NUMBER.test(s) || GROUPED.test(s) || PLAIN_NUMBER.test(s.replace(',', '.')));
}

/**
 * For a column about to become categorical: a warning when most of its non-empty cells are
 * numbers in a format the importer does not read, naming the column and one such value. Pure.
 */
export function formattedNumberWarning(name: string, cells: readonly string[]): string | null {
  let nonEmpty = 0, numeric = 0;
  let example: string | null = null;
  for (const raw of cells) {
    const s = raw.trim();
    if (s === '') continue;
    nonEmpty++;
    if (!looksLikeFormattedNumber(s)) continue;
    numeric++;
    if (example === null && !PLAIN_NUMBER.test(s)) example = s;
  }
  if (example === null || numeric * 2 <= nonEmpty) return null;
  return `Column "${clipText(name)}" looks like numbers, but values such as "${clipText(example)}" are not plain numbers, ` +
    'so it was read as categories; write plain numbers (1234.5) to use it as a number.';
}

/**
 * `names` made distinct for display: a name equal to an earlier one (two long names clipped alike)
 * gets " (2)", " (3)"… so keyed lists and menus never see duplicates. Pure.
 */
export function distinctNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    let shown = name;
    for (let k = 2; seen.has(shown); k++) shown = `${name} (${k})`;
    seen.add(shown);
    return shown;
  });
}
