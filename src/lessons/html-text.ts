/**
 * @fileoverview HTML escaping and heading slugs for lesson rendering. Pure.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content or a quoted attribute. Pure. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A URL-safe id for a heading: "The shadow army!" → "the-shadow-army". Pure. */
export function slugify(text: string): string {
  const s = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'section';
}

/**
 * Moves `style="…"` attributes to `data-style="…"`. KaTeX lays math out with inline styles, which
 * the page's Content-Security-Policy refuses when the HTML is parsed; the lesson page applies them
 * through the CSSOM instead (components/lessons/deferred-styles.ts), which the policy allows. Only
 * for HTML we generate: lesson files' own raw HTML is escaped before it gets here. Pure.
 */
export function deferInlineStyles(html: string): string {
  return html.replace(/ style="([^"]*)"/g, ' data-style="$1"');
}
