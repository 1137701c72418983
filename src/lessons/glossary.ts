/**
 * @fileoverview The lesson glossary (lessons/glossary.json) and the pass that marks each term's
 * first use in a lesson, so the reader gets a definition the first time a word appears. Pure.
 */
import type { Token, Tokens } from 'marked';
import { LessonFormatError } from './front-matter';

export interface GlossaryEntry {
  /** Stable id, e.g. "shadow-model". */
  readonly id: string;
  readonly term: string;
  /** Every spelling that counts as a use: plurals, abbreviations. The term itself is implied. */
  readonly forms: readonly string[];
  readonly definition: string;
}

/** A run of text in which at most one glossary term is marked. */
export interface GlossPart {
  readonly text: string;
  readonly entry?: GlossaryEntry;
}

/** The custom inline token that replaces a text token holding a first use. */
export interface GlossToken {
  type: 'glossText';
  raw: string;
  parts: GlossPart[];
}

/** Validates the parsed glossary.json. Throws LessonFormatError. Pure. */
export function readGlossary(json: unknown): GlossaryEntry[] {
  if (!Array.isArray(json)) throw new LessonFormatError('glossary.json must be a list of entries.');
  const seen = new Set<string>();
  return json.map((e, i) => {
    const o = e as Record<string, unknown>;
    if (typeof o?.id !== 'string' || typeof o.term !== 'string' || typeof o.definition !== 'string') {
      throw new LessonFormatError(`glossary.json entry ${i + 1} needs string "id", "term" and "definition".`);
    }
    if (seen.has(o.id)) throw new LessonFormatError(`glossary.json: id "${o.id}" appears twice.`);
    seen.add(o.id);
    const forms = Array.isArray(o.forms) ? o.forms.filter((f): f is string => typeof f === 'string') : [];
    return { id: o.id, term: o.term, forms: [o.term, ...forms], definition: o.definition };
  });
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Finds the earliest use in `text` of an entry not yet in `seen`; the longest form wins a tie. */
function firstUse(text: string, glossary: readonly GlossaryEntry[], seen: ReadonlySet<string>): { at: number; length: number; entry: GlossaryEntry } | null {
  let best: { at: number; length: number; entry: GlossaryEntry } | null = null;
  for (const entry of glossary) {
    if (seen.has(entry.id)) continue;
    for (const form of entry.forms) {
      const m = new RegExp(`(?<![\\w-])${escapeRe(form)}(?![\\w-])`, 'i').exec(text);
      if (m && (!best || m.index < best.at || (m.index === best.at && form.length > best.length))) best = { at: m.index, length: form.length, entry };
    }
  }
  return best;
}

/** Splits `text` at the first uses of unseen terms, adding each to `seen`. Mutates `seen`. */
export function splitFirstUses(text: string, glossary: readonly GlossaryEntry[], seen: Set<string>): GlossPart[] {
  const parts: GlossPart[] = [];
  let rest = text;
  for (;;) {
    const hit = firstUse(rest, glossary, seen);
    if (!hit) break;
    if (hit.at > 0) parts.push({ text: rest.slice(0, hit.at) });
    parts.push({ text: rest.slice(hit.at, hit.at + hit.length), entry: hit.entry });
    seen.add(hit.entry.id);
    rest = rest.slice(hit.at + hit.length);
  }
  if (rest) parts.push({ text: rest });
  return parts;
}

/** Token types whose text is not prose: no term is marked inside them. */
const SKIP = new Set(['heading', 'code', 'codespan', 'link', 'image', 'html', 'blockMath', 'inlineMath', 'placeholder', 'table']);

/**
 * Walks `tokens` in document order and replaces each leaf text token holding a first use by a
 * GlossToken. Mutates `tokens` and `seen`; returns the ids marked.
 */
export function markFirstUses(tokens: Token[], glossary: readonly GlossaryEntry[], seen: Set<string>): string[] {
  const marked: string[] = [];
  const walk = (list: Token[]) => {
    for (let i = 0; i < list.length; i++) {
      const t = list[i] as Token & { tokens?: Token[]; items?: Tokens.ListItem[] };
      if (SKIP.has(t.type)) continue;
      if (t.type === 'list') {
        for (const item of t.items ?? []) walk(item.tokens);
        continue;
      }
      if (t.tokens && t.tokens.length > 0) {
        walk(t.tokens);
        continue;
      }
      if (t.type !== 'text' || (t as Tokens.Text).escaped) continue;
      const parts = splitFirstUses((t as Tokens.Text).text, glossary, seen);
      if (parts.every((p) => !p.entry)) continue;
      parts.forEach((p) => p.entry && marked.push(p.entry.id));
      const gloss: GlossToken = { type: 'glossText', raw: t.raw, parts };
      list[i] = gloss as unknown as Token;
    }
  };
  walk(tokens);
  return marked;
}
