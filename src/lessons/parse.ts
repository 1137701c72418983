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
import { readChallenge, readEstimate, readSolution, type ChallengeSpec, type EstimateSpec, type SolutionSpec } from './exercises';

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

/** Exercises that check themselves (exercises.ts), with their Markdown rendered. */
export interface RenderedEstimate extends EstimateSpec {
  readonly questionHtml: string;
  readonly explainHtml: string;
}
export interface RenderedChallenge extends ChallengeSpec {
  readonly taskHtml: string;
  readonly hintHtml: string;
}
export interface RenderedSolution extends SolutionSpec {
  readonly bodyHtml: string;
}

export type Segment =
  | { readonly kind: 'prose'; readonly html: string }
  | { readonly kind: 'widget'; readonly spec: WidgetSpec }
  | { readonly kind: 'predict'; readonly spec: RenderedPredict }
  | { readonly kind: 'checkpoint'; readonly spec: RenderedCheckpoint }
  | { readonly kind: 'estimate'; readonly spec: RenderedEstimate }
  | { readonly kind: 'challenge'; readonly spec: RenderedChallenge }
  | { readonly kind: 'solution'; readonly spec: RenderedSolution };

export interface Lesson extends LessonMeta {
  readonly segments: readonly Segment[];
  readonly headings: readonly Heading[];
  readonly widgets: readonly WidgetSpec[];
  readonly predictions: readonly RenderedPredict[];
  readonly checkpoints: readonly RenderedCheckpoint[];
  readonly estimates: readonly RenderedEstimate[];
  readonly challenges: readonly RenderedChallenge[];
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
    if (t.type !== 'code' || !['widget', 'predict', 'checkpoint', 'estimate', 'challenge', 'solution'].includes(t.lang ?? '')) {
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
    } else if (t.lang === 'estimate') {
      const e = readEstimate(t.text, where, line);
      segments.push({ kind: 'estimate', spec: { ...e, questionHtml: inline(e.question, where), explainHtml: e.explain ? (md.parse(e.explain) as string) : '' } });
    } else if (t.lang === 'challenge') {
      const c = readChallenge(t.text, where, line);
      segments.push({ kind: 'challenge', spec: { ...c, taskHtml: inline(c.task, where), hintHtml: c.hint ? inline(c.hint, where) : '' } });
    } else if (t.lang === 'solution') {
      const sol = readSolution(t.text, where, line);
      segments.push({ kind: 'solution', spec: { ...sol, bodyHtml: md.parse(sol.body) as string } });
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
  const estimates = segments.flatMap((s) => (s.kind === 'estimate' ? [s.spec] : []));
  const challenges = segments.flatMap((s) => (s.kind === 'challenge' ? [s.spec] : []));
  const solutions = segments.flatMap((s) => (s.kind === 'solution' ? [s.spec] : []));
  checkReferences(file, widgets, [...predictions, ...estimates, ...challenges], [...checkpoints, ...solutions], ctx.placeholders);
  return { ...meta, segments, headings: ctx.headings, widgets, predictions, checkpoints, estimates, challenges, placeholders: ctx.placeholders, glossaryUsed: used };
}

function checkReferences(
  file: string,
  widgets: readonly WidgetSpec[],
  predictions: readonly (Pick<PredictSpec, 'id' | 'widget' | 'line'>)[],
  checkpoints: readonly Pick<CheckpointSpec, 'id'>[],
  refs: readonly PlaceholderRef[]): void {
  const ids = [...widgets, ...predictions, ...checkpoints].map((b) => b.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new LessonFormatError(`${file}: block id "${dup}" is used twice.`);
  const widgetIds = new Set(widgets.map((w) => w.id));
  for (const p of predictions) {
    if (!widgetIds.has(p.widget)) throw new LessonFormatError(`${file}:${p.line}: block "${p.id}" names widget "${p.widget}", which this lesson lacks.`);
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
