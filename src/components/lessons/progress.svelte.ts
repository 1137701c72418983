/**
 * @fileoverview The reader's progress through the course, kept in localStorage only: which
 * lessons were opened, the predictions made and checkpoint answers, and which lessons are done.
 * Where storage is blocked or full, progress lasts for this visit; saved progress that does not
 * fit is dropped on load (stored-values.ts).
 */
import { localStore, readJson, writeJson, type SafeStore } from '../../state/storage';
import { PROGRESS_KEY, validProgress, type LessonProgressEntry } from '../../state/stored-values';

export type { LessonProgressEntry };

export type LessonStatus = 'new' | 'started' | 'done';

export class CourseProgress {
  entries: Record<string, LessonProgressEntry> = $state({});

  constructor(private readonly store: SafeStore = localStore) {
    this.entries = readJson(store, PROGRESS_KEY, validProgress) ?? {};
  }

  /** The saved entry for `slug`, if any (own keys only: a slug like "constructor" finds nothing). */
  saved(slug: string): LessonProgressEntry | undefined {
    return Object.hasOwn(this.entries, slug) ? this.entries[slug] : undefined;
  }

  private entry(slug: string): LessonProgressEntry {
    if (!this.saved(slug)) this.entries[slug] = { visited: false, done: false, predictions: {}, checkpoints: {} };
    // Read back through the reactive proxy, so mutations of the entry update the views.
    return this.entries[slug];
  }

  private save(): void {
    // A refused write (blocked or full storage) keeps the progress in memory for this visit.
    writeJson(this.store, PROGRESS_KEY, this.entries);
  }

  status(slug: string): LessonStatus {
    const e = this.saved(slug);
    return e?.done ? 'done' : e?.visited ? 'started' : 'new';
  }

  visit(slug: string): void {
    if (this.saved(slug)?.visited) return;
    this.entry(slug).visited = true;
    this.save();
  }

  predict(slug: string, id: string, option: number): void {
    this.entry(slug).predictions[id] = option;
    this.save();
  }

  /** Records an answer; `done` says whether every checkpoint of the lesson is now answered correctly. */
  answer(slug: string, id: string, option: number, done: boolean): void {
    const e = this.entry(slug);
    e.checkpoints[id] = option;
    e.done = e.done || done;
    this.save();
  }

  reset(): void {
    this.entries = {};
    this.save();
  }
}
