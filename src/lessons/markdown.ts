/**
 * @fileoverview The Markdown dialect of lessons: marked with raw HTML escaped, headings with ids
 * for deep links, KaTeX math ($…$ and $$…$$), `{{widget.fact|format}}` placeholders, and
 * glossary tooltips. The HTML it returns comes only from our own lesson files, and still never
 * carries raw HTML from them: html tokens are escaped and link/image URLs are filtered. Pure.
 */
import { Marked, type Tokens, type TokenizerAndRendererExtension } from 'marked';
import katex from 'katex';
import { deferInlineStyles, escapeHtml, slugify } from './html-text';
import { LessonFormatError } from './front-matter';
import { PLACEHOLDER_SOURCE, parsePlaceholder, type PlaceholderRef } from './placeholders';
import type { GlossToken } from './glossary';

export interface Heading {
  readonly id: string;
  readonly title: string;
  readonly depth: number;
}

/** What rendering collects while it goes: headings (for the table of contents) and placeholders. */
export interface RenderContext {
  readonly slug: string;
  readonly headings: Heading[];
  readonly placeholders: PlaceholderRef[];
}

function renderMath(tex: string, displayMode: boolean): string {
  try {
    return deferInlineStyles(katex.renderToString(tex, { displayMode, throwOnError: true, output: 'htmlAndMathml', strict: 'error' }));
  } catch (err) {
    throw new LessonFormatError(`bad math "${tex}": ${(err as Error).message}`);
  }
}

/** A stand-in origin to resolve links against: what stays on it stays on the app's origin. */
const PROBE_BASE = 'https://app.invalid/course/lesson';
const PROBE_ORIGIN = new URL(PROBE_BASE).origin;

/**
 * The link if it stays in the app (`#` fragments and same-origin relative paths such as `./x`,
 * `../x`, `?q` or `x`), else null. The link is resolved the way a browser resolves it, so forms
 * that only look relative are refused too: `/\evil.example` and `\\evil.example` (a backslash is a
 * slash to the URL parser), `//evil.example`, and a scheme split by a tab (`java\tscript:`). Pure.
 */
export function safeHref(href: string): string | null {
  // The URL parser drops tabs and newlines anywhere, and control characters and spaces at the ends.
  const h = href.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  // Lesson links never need a backslash or a control character; browsers read them unpredictably.
  if (h === '' || /[\\\u0000-\u001f\u007f]/.test(h) || /^[a-z][a-z0-9+.-]*:/i.test(h)) return null;
  try {
    return new URL(h, PROBE_BASE).origin === PROBE_ORIGIN ? h : null;
  } catch {
    return null;
  }
}

const PLACEHOLDER_AT_START = new RegExp(`^${PLACEHOLDER_SOURCE}`);

function extensions(ctx: RenderContext): TokenizerAndRendererExtension[] {
  return [
    {
      name: 'blockMath',
      level: 'block',
      start: (src) => src.match(/^\$\$/m)?.index,
      tokenizer(src) {
        const m = /^\$\$\n?([\s\S]+?)\n?\$\$[ \t]*(?:\n|$)/.exec(src);
        return m ? { type: 'blockMath', raw: m[0], text: m[1].trim() } : undefined;
      },
      renderer: (t) => `<div class="math-display">${renderMath(t.text as string, true)}</div>\n`,
    },
    {
      name: 'inlineMath',
      level: 'inline',
      start: (src) => src.indexOf('$') >= 0 ? src.indexOf('$') : undefined,
      tokenizer(src) {
        // $…$ needs no space inside its ends, so "$5 and $6" stays text.
        const m = /^\$\$([^$]+?)\$\$/.exec(src) ?? /^\$(?![\s$])([^$\n]*?[^\s\\])\$(?!\d)/.exec(src);
        return m ? { type: 'inlineMath', raw: m[0], text: m[1], display: m[0].startsWith('$$') } : undefined;
      },
      renderer: (t) => renderMath(t.text as string, t.display === true),
    },
    {
      name: 'placeholder',
      level: 'inline',
      start: (src) => src.indexOf('{{') >= 0 ? src.indexOf('{{') : undefined,
      tokenizer(src) {
        if (!src.startsWith('{{')) return undefined;
        const m = PLACEHOLDER_AT_START.exec(src);
        const ref = m && parsePlaceholder(m[0]);
        if (!m || !ref) throw new LessonFormatError(`bad placeholder "${src.slice(0, 40).split('}}')[0]}}}" (write {{widget.fact|format}}).`);
        ctx.placeholders.push(ref);
        return { type: 'placeholder', raw: m[0], ref };
      },
      renderer: (t) => `<span class="ph" data-ph="${escapeHtml((t.ref as PlaceholderRef).key)}">{{${escapeHtml((t.ref as PlaceholderRef).key)}}}</span>`,
    },
    {
      name: 'glossText',
      renderer(t) {
        return (t as unknown as GlossToken).parts
          .map((p) => {
            if (!p.entry) return escapeHtml(p.text);
            const id = `gloss-${ctx.slug}-${p.entry.id}`;
            return (
              `<span class="gloss" tabindex="0" aria-describedby="${id}">${escapeHtml(p.text)}` +
              `<span class="gloss-tip" role="tooltip" id="${id}"><strong>${escapeHtml(p.entry.term)}</strong>: ${escapeHtml(p.entry.definition)}</span></span>`
            );
          })
          .join('');
      },
    },
  ];
}

/** A Marked instance for one lesson; `ctx` collects its headings and placeholders. */
export function lessonMarked(ctx: RenderContext): Marked {
  const md = new Marked({ gfm: true, breaks: false, async: false });
  md.use({
    extensions: extensions(ctx),
    renderer: {
      // Lesson files are ours, but raw HTML in them is shown as text, never injected.
      html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
      heading({ tokens, depth, text }: Tokens.Heading) {
        const base = slugify(text.replace(/\$[^$]*\$/g, ''));
        let id = base;
        for (let k = 2; ctx.headings.some((h) => h.id === id); k++) id = `${base}-${k}`;
        ctx.headings.push({ id, title: text, depth });
        const inner = this.parser.parseInline(tokens);
        const href = `#/lessons/${encodeURIComponent(ctx.slug)}/${id}`;
        return `<h${depth} id="${id}" tabindex="-1">${inner}<a class="anchor" href="${href}" aria-label="Link to this section">#</a></h${depth}>\n`;
      },
      link({ href, title, tokens }: Tokens.Link) {
        const inner = this.parser.parseInline(tokens);
        const safe = safeHref(href);
        if (safe === null) return inner;
        const t = title ? ` title="${escapeHtml(title)}"` : '';
        return `<a href="${escapeHtml(safe)}"${t}>${inner}</a>`;
      },
      image({ href, text }: Tokens.Image) {
        const safe = safeHref(href);
        if (safe === null) return escapeHtml(text);
        return `<img src="${escapeHtml(safe)}" alt="${escapeHtml(text)}" loading="lazy">`;
      },
    },
  });
  return md;
}
