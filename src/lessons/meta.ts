/**
 * @fileoverview A lesson's front matter as the table of contents needs it: title, summary,
 * objectives, duration, prerequisites and its playground preset. Reads no Markdown. Pure.
 */
import { LessonFormatError, parseFrontMatter, type FrontValue } from './front-matter';

export interface LessonMeta {
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly objectives: readonly string[];
  /** Reading time, as written, e.g. "20 min". */
  readonly duration: string;
  readonly prerequisites: readonly string[];
  /** The preset the "Try this in the playground" link opens. */
  readonly playground: string;
}

const REQUIRED = ['title', 'summary', 'objectives', 'duration', 'playground'] as const;

function str(v: FrontValue | undefined, key: string, file: string): string {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string' || !v) throw new LessonFormatError(`${file}: front matter "${key}" must be a line of text.`);
  return v;
}

function list(v: FrontValue | undefined, key: string, file: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new LessonFormatError(`${file}: front matter "${key}" must be a list of "- item" lines.`);
  return v;
}

/** Reads only the front matter: enough for the table of contents. Pure. */
export function readLessonMeta(slug: string, source: string): LessonMeta {
  const file = `lessons/${slug}/index.md`;
  const { data } = parseFrontMatter(source, file);
  for (const key of REQUIRED) if (!(key in data)) throw new LessonFormatError(`${file}: front matter needs "${key}".`);
  const known = [...REQUIRED, 'prerequisites'];
  const unknown = Object.keys(data).find((k) => !known.includes(k));
  if (unknown) throw new LessonFormatError(`${file}: unknown front matter field "${unknown}".`);
  const objectives = list(data.objectives, 'objectives', file);
  if (objectives.length === 0) throw new LessonFormatError(`${file}: list at least one objective.`);
  return {
    slug, title: str(data.title, 'title', file), summary: str(data.summary, 'summary', file), objectives,
    duration: str(data.duration, 'duration', file), prerequisites: list(data.prerequisites, 'prerequisites', file),
    playground: str(data.playground, 'playground', file),
  };
}

