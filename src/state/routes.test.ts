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

  it('never throws on a malformed hash: bad percent-encoding stays as typed', () => {
    expect(parseHash('#/lessons/%')).toEqual({ name: 'lessons', rest: ['%'] });
    expect(parseHash('#/lessons/%E0%A4%A')).toEqual({ name: 'lessons', rest: ['%E0%A4%A'] });
    expect(parseHash('#/%/x')).toEqual({ name: 'lessons', rest: [] });
    expect(parseHash('#/lessons/01-remembers/%zz')).toEqual({ name: 'lessons', rest: ['01-remembers', '%zz'] });
  });

  it('treats prototype names as unknown routes, and passes them on as plain lesson slugs', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(parseHash(`#/${name}`)).toEqual({ name: 'lessons', rest: [] });
      expect(parseHash(`#/lessons/${name}`)).toEqual({ name: 'lessons', rest: [name] });
    }
  });

  it('round-trips through routeHash', () => {
    expect(parseHash(routeHash('lessons', 'a b'))).toEqual({ name: 'lessons', rest: ['a b'] });
  });
});
