/**
 * @fileoverview Computed numbers in lesson prose: `{{w1.tprAt1|pct}}` names a widget, a fact of
 * its current result and a format. The renderer leaves the `{{…}}` in its HTML; fillPlaceholders
 * swaps in the formatted value whenever the result changes (cached or live). Pure.
 */
import { escapeHtml } from './html-text';

/** The formats a placeholder may ask for. */
export const FORMATS = ['pct', 'prob', 'prob3', 'num', 'int', 'eps', 'x', 'text'] as const;
export type PlaceholderFormat = (typeof FORMATS)[number];

export interface PlaceholderRef {
  /** The whole key as written between the braces, e.g. `w1.tprAt1|pct`. */
  readonly key: string;
  readonly widget: string;
  /** The fact path inside the widget, e.g. `tprAt1` or `dropout.auc`. */
  readonly path: string;
  readonly format: PlaceholderFormat;
}

/** What a placeholder looks like in prose; the inline tokenizer and the filler share it. */
export const PLACEHOLDER_SOURCE = String.raw`\{\{\s*([a-z][\w-]*)\.([\w=-]+(?:\.[\w=-]+)*)(?:\|([a-z0-9]+))?\s*\}\}`;

/** Parses a whole `{{…}}` placeholder; null when it is not a valid one. Pure. */
export function parsePlaceholder(text: string): PlaceholderRef | null {
  const m = new RegExp(`^${PLACEHOLDER_SOURCE}$`).exec(text.trim());
  if (!m) return null;
  const format = (m[3] ?? 'num') as PlaceholderFormat;
  if (!FORMATS.includes(format)) return null;
  return { key: `${m[1]}.${m[2]}${m[3] ? '|' + m[3] : ''}`, widget: m[1], path: m[2], format };
}

function sig(v: number, digits: number): string {
  return String(Number(v.toPrecision(digits)));
}

/** Puts thousands separators into the whole part of a plain decimal string: 12000 → 12,000. Pure. */
export function groupThousands(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!m || m[2].length < 4) return text;
  return m[1] + m[2].replace(/\B(?=(\d{3})+$)/g, ',') + (m[3] ?? '');
}

/**
 * Formats a fact for prose, whole numbers of four or more digits with thousands separators (1,000
 * records). Missing or non-finite numbers print as an en dash (∞ for eps). Pure.
 */
export function formatFact(value: number | string | null | undefined, format: PlaceholderFormat): string {
  if (typeof value === 'string') return value;
  if (format === 'eps' && (value === null || value === Infinity)) return '∞';
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  switch (format) {
    case 'pct': {
      const p = value * 100;
      if (p === 0) return '0%';
      return `${Math.abs(p) >= 10 ? Math.round(p) : Math.abs(p) >= 1 ? p.toFixed(1) : sig(p, 2)}%`;
    }
    case 'prob':
      return value.toFixed(2);
    case 'prob3':
      return value.toFixed(3);
    case 'int':
      return groupThousands(String(Math.round(value)));
    case 'eps':
      return value >= 10 ? groupThousands(value.toFixed(0)) : sig(value, 2);
    case 'x':
      return `${sig(value, 2)}×`;
    case 'num':
    case 'text':
      return groupThousands(sig(value, 3));
  }
}

/**
 * Replaces every `{{…}}` in `html` by its escaped, formatted value. `lookup` gets the parsed
 * reference and returns the fact, or undefined while the widget has no result. Pure.
 */
export function fillPlaceholders(html: string, lookup: (ref: PlaceholderRef) => number | string | null | undefined): string {
  return html.replace(new RegExp(PLACEHOLDER_SOURCE, 'g'), (whole) => {
    const ref = parsePlaceholder(whole);
    if (!ref) return whole;
    const value = lookup(ref);
    return value === undefined ? '…' : escapeHtml(formatFact(value, ref.format));
  });
}
