/**
 * @fileoverview Hash routes. Hash routing keeps every view linkable on plain static hosting.
 */

export type RouteName = 'lessons' | 'playground' | 'cheatsheet';

export interface Route {
  readonly name: RouteName;
  /** Path segments after the route name, e.g. a lesson slug. */
  readonly rest: readonly string[];
}

export const ROUTES: readonly { name: RouteName; label: string }[] = [
  { name: 'lessons', label: 'Lessons' },
  { name: 'playground', label: 'Playground' },
  { name: 'cheatsheet', label: 'Cheat sheet' },
];

/** Parses `#/playground` or `#/lessons/01-remembers`; anything unknown goes to lessons. */
export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const name = ROUTES.some((r) => r.name === parts[0]) ? (parts[0] as RouteName) : 'lessons';
  return { name, rest: name === parts[0] ? parts.slice(1) : [] };
}

/** The hash for a route, e.g. `#/playground`. */
export function routeHash(name: RouteName, ...rest: string[]): string {
  return '#/' + [name, ...rest].map(encodeURIComponent).join('/');
}
