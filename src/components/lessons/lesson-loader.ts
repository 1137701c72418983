/**
 * @fileoverview Parses a lesson on first open and remembers it.
 */
import { parseLesson, type Lesson } from '../../lessons/parse';
import { CATALOG, SOURCES } from './lesson-sources';

const parsed = new Map<string, Lesson>();

/**
 * The parsed lesson for `slug`, or null when there is none. The slug comes from the address bar,
 * so only the table's own keys count ("constructor" or "__proto__" are not lessons). Throws
 * LessonFormatError on a bad file.
 */
export function lessonBySlug(slug: string): Lesson | null {
  if (!Object.hasOwn(SOURCES, slug)) return null;
  let lesson = parsed.get(slug);
  if (!lesson) parsed.set(slug, (lesson = parseLesson(slug, SOURCES[slug], CATALOG.glossary)));
  return lesson;
}
