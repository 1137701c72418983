import { describe, expect, it } from 'vitest';
import { parseHash, routeHash } from './routes';

describe('hash routes', () => {
  it('parses known routes with their rest segments', () => {
    expect(parseHash('#/playground')).toEqual({ name: 'playground', rest: [] });
    expect(parseHash('#/lessons/01-remembers')).toEqual({ name: 'lessons', rest: ['01-remembers'] });
    expect(parseHash('#/cheatsheet')).toEqual({ name: 'cheatsheet', rest: [] });
    expect(parseHash('#/diagnostics')).toEqual({ name: 'diagnostics', rest: [] });
  });

  it('sends empty and unknown hashes to the lessons', () => {
    expect(parseHash('')).toEqual({ name: 'lessons', rest: [] });
    expect(parseHash('#/<img src=x>')).toEqual({ name: 'lessons', rest: [] });
  });

  it('round-trips through routeHash', () => {
    expect(parseHash(routeHash('lessons', 'a b'))).toEqual({ name: 'lessons', rest: ['a b'] });
  });
});
