/**
 * @fileoverview Reads one lesson file (front matter + Markdown with fenced widget, predict and
 * checkpoint blocks) into a Lesson: rendered prose segments and typed block specs, in order.
 * Throws LessonFormatError naming the file and line on any problem. Pure.
 */
import type { Token, TokensList } from 'marked';
import { LessonFormatError, parseFrontMatter } from './front-matter';
import { readLessonMeta, type LessonMeta } from './meta';
import { lessonMarked, type Heading, type RenderContext } from './markdown';
import { markFirstUses, type GlossaryEntry } from './glossary';
import { readCheckpoint, readPredict, readWidget, type CheckpointSpec, type PredictSpec, type WidgetSpec } from './blocks';
import type { PlaceholderRef } from './placeholders';

/** A predict or checkpoint block with its Markdown rendered (inline HTML, placeholders kept). */
export interface RenderedPredict extends PredictSpec {
  readonly questionHtml: string;
  readonly optionsHtml: readonly string[];
  readonly explainHtml: string;
}
export interface RenderedCheckpoint extends CheckpointSpec {
  readonly questionHtml: string;
  readonly optionsHtml: readonly { readonly text: string; readonly feedback: string }[];
}

export type Segment =
  | { readonly kind: 'prose'; readonly html: string }
  | { readonly kind: 'widget'; readonly spec: WidgetSpec }
  | { readonly kind: 'predict'; readonly spec: RenderedPredict }
  | { readonly kind: 'checkpoint'; readonly spec: RenderedCheckpoint };

export interface Lesson extends LessonMeta {
  readonly segments: readonly Segment[];
  readonly headings: readonly Heading[];
  readonly widgets: readonly WidgetSpec[];
  readonly predictions: readonly RenderedPredict[];
  readonly checkpoints: readonly RenderedCheckpoint[];
  readonly placeholders: readonly PlaceholderRef[];
  /** Glossary ids given a tooltip in this lesson, in order of first use. */
  readonly glossaryUsed: readonly string[];
}

const lineOf = (text: string, upTo: number) => text.slice(0, upTo).split('\n').length;

/** Parses a lesson file. `glossary` drives the first-use tooltips. Pure. */
export function parseLesson(slug: string, source: string, glossary: readonly GlossaryEntry[] = []): Lesson {
  const meta = readLessonMeta(slug, source);
  const file = `lessons/${slug}/index.md`;
  const { body, bodyLine } = parseFrontMatter(source, file);
  const ctx: RenderContext = { slug, headings: [], placeholders: [] };
  const md = lessonMarked(ctx);
  const seen = new Set<string>();
  const used: string[] = [];
  const segments: Segment[] = [];
  const inline = (text: string, where: string) => {
    try {
      return md.parseInline(text) as string;
    } catch (err) {
      throw new LessonFormatError(`${where}: ${(err as Error).message}`);
    }
  };

  let tokens: TokensList;
  try {
    tokens = md.lexer(body);
  } catch (err) {
    throw new LessonFormatError(`${file}: ${(err as Error).message}`);
  }
  let prose: Token[] = [];
  let offset = 0;
  const flush = () => {
    if (prose.every((t) => t.type === 'space')) {
      prose = [];
      return;
    }
    used.push(...markFirstUses(prose, glossary, seen));
    const list = Object.assign(prose, { links: tokens.links });
    segments.push({ kind: 'prose', html: md.parser(list) as string });
    prose = [];
  };
  for (const t of tokens) {
    const line = bodyLine + lineOf(body, offset) - 1;
    offset += t.raw.length;
    if (t.type !== 'code' || !['widget', 'predict', 'checkpoint'].includes(t.lang ?? '')) {
      prose.push(t);
      continue;
    }
    flush();
    const where = `${file}:${line}`;
    if (t.lang === 'widget') segments.push({ kind: 'widget', spec: readWidget(t.text, where, line) });
    else if (t.lang === 'predict') {
      const p = readPredict(t.text, where, line);
      segments.push({
        kind: 'predict',
        spec: { ...p, questionHtml: inline(p.question, where), optionsHtml: p.options.map((o) => inline(o, where)), explainHtml: p.explain ? (md.parse(p.explain) as string) : '' },
      });
    } else {
      const c = readCheckpoint(t.text, where, line);
      segments.push({
        kind: 'checkpoint',
        spec: { ...c, questionHtml: inline(c.question, where), optionsHtml: c.options.map((o) => ({ text: inline(o.text, where), feedback: inline(o.feedback, where) })) },
      });
    }
  }
  try {
    flush();
  } catch (err) {
    throw new LessonFormatError(`${file}: ${(err as Error).message}`);
  }
  const widgets = segments.flatMap((s) => (s.kind === 'widget' ? [s.spec] : []));
  const predictions = segments.flatMap((s) => (s.kind === 'predict' ? [s.spec] : []));
  const checkpoints = segments.flatMap((s) => (s.kind === 'checkpoint' ? [s.spec] : []));
  checkReferences(file, widgets, predictions, checkpoints, ctx.placeholders);
  return { ...meta, segments, headings: ctx.headings, widgets, predictions, checkpoints, placeholders: ctx.placeholders, glossaryUsed: used };
}

function checkReferences(file: string, widgets: readonly WidgetSpec[], predictions: readonly PredictSpec[], checkpoints: readonly CheckpointSpec[], refs: readonly PlaceholderRef[]): void {
  const ids = [...widgets, ...predictions, ...checkpoints].map((b) => b.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new LessonFormatError(`${file}: block id "${dup}" is used twice.`);
  const widgetIds = new Set(widgets.map((w) => w.id));
  for (const p of predictions) {
    if (!widgetIds.has(p.widget)) throw new LessonFormatError(`${file}:${p.line}: prediction "${p.id}" names widget "${p.widget}", which this lesson lacks.`);
  }
  for (const r of refs) {
    if (!widgetIds.has(r.widget)) throw new LessonFormatError(`${file}: placeholder {{${r.key}}} names widget "${r.widget}", which this lesson lacks.`);
  }
}

/** Parses every lesson of a catalog (see catalog.ts) from its raw sources. */
export function parseAll(lessons: readonly LessonMeta[], sources: Readonly<Record<string, string>>, glossary: readonly GlossaryEntry[]): Lesson[] {
  return lessons.map((l) => parseLesson(l.slug, sources[l.slug], glossary));
}

export type { LessonMeta };
