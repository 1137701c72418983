/// <reference types="vite/client" />
// (The lesson table is bundled with import.meta.glob, and the engine type reaches the worker's ?url imports.)
import { describe, expect, it } from 'vitest';
import { CourseProgress } from './progress.svelte';
import { LessonPageState } from './lesson-page.svelte';
import { lessonBySlug } from './lesson-loader';
import { safeStore, type KeyValueStorage } from '../../state/storage';
import { PROGRESS_KEY } from '../../state/stored-values';
import type { Engine } from '../../state/engine.svelte';

function storeWith(progress: string | null) {
  const data = new Map<string, string>(progress === null ? [] : [[PROGRESS_KEY, progress]]);
  const raw: KeyValueStorage = { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
  return { data, store: safeStore(() => raw) };
}

const blocked = safeStore(() => {
  throw new DOMException('The operation is insecure.', 'SecurityError');
});

// The page state never touches the engine until a run starts.
const noEngine = {} as Engine;
const lesson1 = () => lessonBySlug('01-remembers')!;

describe('saved lesson progress of the wrong shape', () => {
  it.each([
    ['a number where an entry belongs', '{"01-remembers": 5}'],
    ['a number for the whole value', '5'],
    ['predictions that are not a record', '{"01-remembers": {"visited": true, "predictions": 3, "checkpoints": "x"}}'],
    ['not JSON at all', '{"01-remem'],
  ])('%s: the lesson still opens, as new', (_, saved) => {
    const { store, data } = storeWith(saved);
    const progress = new CourseProgress(store);
    const page = new LessonPageState(lesson1(), noEngine, progress);
    expect(Object.keys(page.predictions)).toEqual([]);
    // Every widget behind a prediction waits for the reader's guess again.
    for (const p of lesson1().predictions) expect(page.widgets[p.widget].revealed).toBe(false);
    // Opening the lesson rewrote the stored value in the right shape.
    expect(JSON.parse(data.get(PROGRESS_KEY)!)['01-remembers']).toMatchObject({ visited: true, predictions: {}, checkpoints: {} });
  });

  it('ignores a saved choice the lesson does not offer', () => {
    const p = lesson1().predictions[0];
    const { store } = storeWith(JSON.stringify({ '01-remembers': { visited: true, predictions: { [p.id]: 57 }, checkpoints: { nope: 1 } } }));
    const page = new LessonPageState(lesson1(), noEngine, new CourseProgress(store));
    expect(page.predictions[p.id]).toBeUndefined();
    expect(page.checkpoints).toEqual({});
  });

  it('restores a saved choice that fits', () => {
    const p = lesson1().predictions[0];
    const { store } = storeWith(JSON.stringify({ '01-remembers': { visited: true, predictions: { [p.id]: 1 }, checkpoints: {} } }));
    const page = new LessonPageState(lesson1(), noEngine, new CourseProgress(store));
    expect(page.predictions[p.id]).toBe(1);
    expect(page.widgets[p.widget].revealed).toBe(true);
  });
});

describe('progress with storage blocked', () => {
  it('lasts for the visit without throwing', () => {
    const progress = new CourseProgress(blocked);
    expect(progress.status('01-remembers')).toBe('new');
    new LessonPageState(lesson1(), noEngine, progress);
    expect(progress.status('01-remembers')).toBe('started');
    progress.answer('01-remembers', 'c1', 0, true);
    expect(progress.status('01-remembers')).toBe('done');
  });

  it('finds nothing under prototype names', () => {
    const progress = new CourseProgress(storeWith('{}').store);
    for (const slug of ['constructor', 'toString', '__proto__']) {
      expect(progress.status(slug)).toBe('new');
      expect(progress.saved(slug)).toBeUndefined();
    }
  });
});

describe('lessonBySlug', () => {
  it('looks up only real lessons: prototype names and stray characters are no lesson', () => {
    for (const slug of ['constructor', '__proto__', 'toString', 'hasOwnProperty', '%', '', '01-remembers/x']) expect(lessonBySlug(slug)).toBeNull();
    expect(lessonBySlug('01-remembers')?.slug).toBe('01-remembers');
  });
});
