/**
 * @fileoverview Pure helpers for saving a chart as a standalone SVG or PNG: resolving CSS custom
 * properties to concrete values, turning computed styles into inline ones, and composing the
 * exported document (background, title, legend text, heatmap images and the plot). The DOM
 * walking that feeds them lives in export-dom.ts.
 */

/** The presentation properties an exported SVG needs inlined (stylesheets do not travel with it). */
export const INLINE_PROPERTIES = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'stroke-linejoin', 'stroke-linecap',
  'opacity', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'paint-order', 'visibility',
] as const;

/** Initial values that need not be written out. */
const INITIAL: Readonly<Record<string, string>> = {
  'fill-opacity': '1', 'stroke-opacity': '1', opacity: '1', 'stroke-dasharray': 'none', 'stroke-linejoin': 'miter', 'stroke-linecap': 'butt',
  'font-style': 'normal', visibility: 'visible', 'paint-order': 'normal', 'dominant-baseline': 'auto', 'text-anchor': 'start',
};

/**
 * An inline `style` value from computed styles: `read(property)` returns the computed value.
 * Skips empty values and initial values. Pure (given `read`).
 */
export function inlineStyle(read: (property: string) => string, properties: readonly string[] = INLINE_PROPERTIES): string {
  const out: string[] = [];
  for (const p of properties) {
    const v = read(p).trim();
    if (!v || INITIAL[p] === v) continue;
    out.push(`${p}:${v}`);
  }
  return out.join(';');
}

/**
 * Replaces every `var(--name, fallback)` in `value` with `lookup('--name')`, or the fallback when
 * the lookup is empty, or '' when neither exists. Handles nested vars and parentheses. Pure.
 */
export function resolveCssVars(value: string, lookup: (name: string) => string | null | undefined): string {
  let out = value;
  for (let guard = 0; guard < 32; guard++) {
    const start = out.lastIndexOf('var(');
    if (start < 0) return out;
    let depth = 0, end = -1, comma = -1;
    for (let i = start + 3; i < out.length; i++) {
      const ch = out[i];
      if (ch === '(') depth++;
      else if (ch === ')' && --depth === 0) { end = i; break; }
      else if (ch === ',' && depth === 1 && comma < 0) comma = i;
    }
    if (end < 0) return out;
    const name = out.slice(start + 4, comma < 0 ? end : comma).trim();
    const fallback = comma < 0 ? '' : out.slice(comma + 1, end).trim();
    const found = lookup(name)?.trim();
    out = out.slice(0, start) + (found || fallback) + out.slice(end + 1);
  }
  return out;
}

/** A safe file name from a chart title: "ROC: members caught…" → "roc-members-caught.svg". Pure. */
export function chartFileName(title: string | undefined, ext: 'svg' | 'png'): string {
  const slug = (title ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'chart'}.${ext}`;
}

const XML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for XML content and attributes. Pure. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML[c]);
}

/** A line of text placed at its on-screen position: `y` is the vertical middle of the line. */
export interface ExportText {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly fill: string;
  readonly fontSize: string;
  readonly fontWeight: string;
  readonly fontFamily: string;
}

/** A raster (a canvas heatmap) as a data: URL, placed at its CSS box. */
export interface ExportImage {
  readonly href: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface ChartDocument {
  readonly width: number;
  readonly height: number;
  readonly background: string;
  readonly title?: string;
  /** The chart's text alternative, kept as <desc>. */
  readonly description?: string;
  readonly texts: readonly ExportText[];
  readonly images: readonly ExportImage[];
  /** Serialized <svg> elements with styles inlined, positioned by their own x and y attributes. */
  readonly svgs: readonly string[];
}

const r2 = (v: number) => String(Math.round(v * 100) / 100);

/**
 * The exported chart as a standalone SVG document: background first, then raster layers, the
 * plot and legend swatches, and the text on top, in that order so marks never hide labels. Pure.
 */
export function composeChartSvg(doc: ChartDocument): string {
  const w = Math.ceil(doc.width), h = Math.ceil(doc.height);
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`,
  ];
  if (doc.title) parts.push(`<title>${escapeXml(doc.title)}</title>`);
  if (doc.description) parts.push(`<desc>${escapeXml(doc.description)}</desc>`);
  parts.push(`<rect width="100%" height="100%" fill="${escapeXml(doc.background)}"/>`);
  for (const im of doc.images) {
    parts.push(`<image x="${r2(im.x)}" y="${r2(im.y)}" width="${r2(im.width)}" height="${r2(im.height)}" preserveAspectRatio="none" href="${escapeXml(im.href)}" xlink:href="${escapeXml(im.href)}"/>`);
  }
  parts.push(...doc.svgs);
  for (const t of doc.texts) {
    parts.push(
      `<text x="${r2(t.x)}" y="${r2(t.y)}" dominant-baseline="central" fill="${escapeXml(t.fill)}" font-size="${escapeXml(t.fontSize)}" font-weight="${escapeXml(t.fontWeight)}" font-family="${escapeXml(t.fontFamily)}">${escapeXml(t.text)}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('\n');
}

/** Width and height of a PNG from its header bytes, or null when `bytes` is not a PNG. Pure. */
export function pngDimensions(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  const u32 = (o: number) => ((bytes[o] << 24) | (bytes[o + 1] << 16) | (bytes[o + 2] << 8) | bytes[o + 3]) >>> 0;
  return { width: u32(16), height: u32(20) };
}
