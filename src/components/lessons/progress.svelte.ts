/**
 * @fileoverview The reader's progress through the course, kept in localStorage only: which
 * lessons were opened, the predictions made and checkpoint answers, and which lessons are done.
 */

export interface LessonProgressEntry {
  visited: boolean;
  done: boolean;
  predictions: Record<string, number>;
  checkpoints: Record<string, number>;
}

export type LessonStatus = 'new' | 'started' | 'done';

const KEY = 'mia-playground:lesson-progress';

function load(storage: Storage | null): Record<string, LessonProgressEntry> {
  try {
    const raw = storage?.getItem(KEY);
    const data = raw ? (JSON.parse(raw) as unknown) : {};
    return data && typeof data === 'object' ? (data as Record<string, LessonProgressEntry>) : {};
  } catch {
    return {};
  }
}

export class CourseProgress {
  entries: Record<string, LessonProgressEntry> = $state({});

  constructor(private readonly storage: Storage | null = typeof localStorage === 'undefined' ? null : localStorage) {
    this.entries = load(storage);
  }

  private entry(slug: string): LessonProgressEntry {
    return (this.entries[slug] ??= { visited: false, done: false, predictions: {}, checkpoints: {} });
  }

  private save(): void {
    try {
      this.storage?.setItem(KEY, JSON.stringify(this.entries));
    } catch {
      // Storage full or blocked (private mode): progress then lasts for this visit only.
    }
  }

  status(slug: string): LessonStatus {
    const e = this.entries[slug];
    return e?.done ? 'done' : e?.visited ? 'started' : 'new';
  }

  visit(slug: string): void {
    if (this.entries[slug]?.visited) return;
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
