/**
 * @fileoverview Escaping for every string a report interpolates: record names, class names and CSV
 * column names come from the learner's own file, so none of them may turn into markup.
 */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML and XML (SVG) content and attribute values. Pure. */
export function escapeHtml(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => HTML[c]);
}

/**
 * Escapes text for one line of Markdown, including inside a table cell: backslash-escapes the
 * inline punctuation Markdown gives meaning to (emphasis, code, links, cell bars), and a leading
 * heading, list or quote marker; writes `<`, `>` and `&` as entities so no raw HTML gets through;
 * and folds line breaks into spaces (a break would end the table row). Pure.
 */
export function escapeMarkdown(text: unknown): string {
  return String(text)
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^(\s*)([#+=-]|\d+[.)])(?=\s|$)/, '$1\\$2');
}
