/**
 * @fileoverview Every key the app keeps in Web Storage, with the validator its value must pass
 * when read back. Storage outlives the code that wrote it and anyone with the browser can edit it,
 * so a value of the wrong shape is dropped (in part where the rest is still good), never trusted.
 * (The cheat sheet's session cache is keyed per sweep and validated in sweep-cache.ts.)
 */
import type { Validator } from './storage';

/** localStorage: the learner's theme pick, a bare string ('light' | 'dark'); absent means system. */
export const THEME_KEY = 'mia-playground:theme';

/** localStorage: lesson progress as JSON, `{ [slug]: LessonProgressEntry }`. */
export const PROGRESS_KEY = 'mia-playground:lesson-progress';

export type StoredTheme = 'light' | 'dark';

/** The stored theme, or null for anything else. Pure. */
export function validTheme(raw: string | null): StoredTheme | null {
  return raw === 'light' || raw === 'dark' ? raw : null;
}

export interface LessonProgressEntry {
  visited: boolean;
  done: boolean;
  /** Chosen option index per prediction id. */
  predictions: Record<string, number>;
  /** Chosen option index per checkpoint id. */
  checkpoints: Record<string, number>;
}

/** Lesson slugs and block ids as the lesson files write them, e.g. "01-remembers", "p1". */
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** Option indices are small; a lesson block offers a handful of choices. */
const isOption = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) < 100;
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** Own entries with an id-shaped key and an option-shaped value; the rest are dropped. */
function choices(v: unknown): Record<string, number> {
  if (!isPlainObject(v)) return {};
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, number] => ID.test(e[0]) && isOption(e[1])));
}

/** One lesson's entry, or null when it is not an object; wrong-typed fields take their empty value. */
export function validProgressEntry(v: unknown): LessonProgressEntry | null {
  if (!isPlainObject(v)) return null;
  return {
    visited: v.visited === true,
    done: v.done === true,
    predictions: choices(v.predictions),
    checkpoints: choices(v.checkpoints),
  };
}

/**
 * Saved progress with every entry that does not fit dropped: a non-object gives `{}` (a fresh
 * start), a slug that is not id-shaped or an entry that is not an object is left out. Pure.
 */
export const validProgress: Validator<Record<string, LessonProgressEntry>> = (v) => {
  if (!isPlainObject(v)) return {};
  const kept: [string, LessonProgressEntry][] = [];
  for (const [slug, raw] of Object.entries(v)) {
    const entry = ID.test(slug) ? validProgressEntry(raw) : null;
    if (entry) kept.push([slug, entry]);
  }
  return Object.fromEntries(kept);
};
