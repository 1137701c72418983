/**
 * @fileoverview The course: the ordered slugs of lessons/syllabus.json, each lesson's front
 * matter, and the glossary. The app and the Node tools feed it the raw files. Pure.
 */
import { LessonFormatError } from './front-matter';
import { readGlossary, type GlossaryEntry } from './glossary';
import { readLessonMeta, type LessonMeta } from './meta';

export interface Syllabus {
  readonly title: string;
  /** Lesson folder names, in order, e.g. "01-remembers". */
  readonly lessons: readonly string[];
}

export interface Catalog {
  readonly title: string;
  readonly lessons: readonly LessonMeta[];
  readonly glossary: readonly GlossaryEntry[];
}

/** Checks syllabus.json against the lesson files that exist. Throws LessonFormatError. Pure. */
export function readCatalog(syllabusJson: unknown, sources: Readonly<Record<string, string>>, glossaryJson: unknown): Catalog {
  const s = syllabusJson as Syllabus;
  if (!s || typeof s.title !== 'string' || !Array.isArray(s.lessons)) throw new LessonFormatError('syllabus.json needs "title" and a "lessons" list of folder names.');
  const missing = s.lessons.find((slug) => !(slug in sources));
  if (missing) throw new LessonFormatError(`syllabus.json lists "${missing}", but lessons/${missing}/index.md does not exist.`);
  const extra = Object.keys(sources).find((slug) => !s.lessons.includes(slug));
  if (extra) throw new LessonFormatError(`lessons/${extra}/index.md is not listed in syllabus.json.`);
  const lessons = s.lessons.map((slug) => readLessonMeta(slug, sources[slug]));
  for (const l of lessons) {
    const unknown = l.prerequisites.find((p) => !s.lessons.includes(p));
    if (unknown) throw new LessonFormatError(`lessons/${l.slug}: prerequisite "${unknown}" is not a lesson.`);
  }
  return { title: s.title, lessons, glossary: readGlossary(glossaryJson) };
}
