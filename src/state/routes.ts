/**
 * @fileoverview Hash routes. Hash routing keeps every view linkable on plain static hosting.
 */

export type RouteName = 'lessons' | 'playground' | 'cheatsheet' | 'diagnostics';

export interface Route {
  readonly name: RouteName;
  /** Path segments after the route name, e.g. a lesson slug. */
  readonly rest: readonly string[];
}

/** Every route; `inNav: false` ones are reached from a link elsewhere (diagnostics: the backend chip). */
export const ROUTES: readonly { name: RouteName; label: string; inNav?: false }[] = [
  { name: 'lessons', label: 'Lessons' },
  { name: 'playground', label: 'Playground' },
  { name: 'cheatsheet', label: 'Cheat sheet' },
  { name: 'diagnostics', label: 'Diagnostics', inNav: false },
];

/** A path segment decoded, or as typed when it is not valid percent-encoding (`%`, `%E0%A4`). Pure. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Parses `#/playground` or `#/lessons/01-remembers`; anything unknown goes to lessons. Never
 * throws: a hash is whatever a link or the address bar says. Pure.
 */
export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeSegment);
  const known = ROUTES.find((r) => r.name === parts[0]);
  return known ? { name: known.name, rest: parts.slice(1) } : { name: 'lessons', rest: [] };
}

/** The hash for a route, e.g. `#/playground`. */
export function routeHash(name: RouteName, ...rest: string[]): string {
  return '#/' + [name, ...rest].map(encodeURIComponent).join('/');
}
