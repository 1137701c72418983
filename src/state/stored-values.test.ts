import { describe, expect, it } from 'vitest';
import { validProgress, validProgressEntry, validTheme } from './stored-values';

describe('validTheme', () => {
  it('keeps light and dark, drops anything else', () => {
    expect(validTheme('light')).toBe('light');
    expect(validTheme('dark')).toBe('dark');
    for (const bad of [null, '', 'system', 'DARK', '"dark"', 'x'.repeat(1000)]) expect(validTheme(bad)).toBeNull();
  });
});

describe('validProgress', () => {
  const good = { visited: true, done: false, predictions: { p1: 1 }, checkpoints: { c1: 0, c2: 2 } };

  it('keeps well-formed progress as is', () => {
    expect(validProgress({ '01-remembers': good })).toEqual({ '01-remembers': good });
  });

  it('starts fresh when the whole value has the wrong shape', () => {
    for (const bad of [5, 'x', null, true, [good], []]) expect(validProgress(bad)).toEqual({});
  });

  it('drops a lesson whose entry is not an object (a number where an object belongs)', () => {
    expect(validProgress({ '01-remembers': 5, '02-overfitting': good })).toEqual({ '02-overfitting': good });
    expect(validProgress({ '01-remembers': null, '03-black-box': [1, 2] })).toEqual({});
  });

  it('drops keys that are not lesson slugs, including prototype names', () => {
    const parsed = JSON.parse('{"__proto__": {"visited": true}, "": {}, "a b": {}, "01-remembers": {"visited": true}}') as unknown;
    const kept = validProgress(parsed)!;
    expect(Object.keys(kept)).toEqual(['01-remembers']);
    expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).visited).toBeUndefined();
  });

  it('repairs fields of the wrong type inside an entry', () => {
    expect(validProgressEntry({ visited: 'yes', done: 1, predictions: 7, checkpoints: { c1: 1.5, c2: -1, c3: 100, c4: '1', c5: 3 } })).toEqual({
      visited: false,
      done: false,
      predictions: {},
      checkpoints: { c5: 3 },
    });
  });
});
