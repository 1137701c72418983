/**
 * @fileoverview Classroom links: a preset plus the controls students may see, as a URL.
 */
import { routeHash } from './routes';

/** The link that opens the playground with `preset` and only `visible` controls. Pure. */
export function classroomLink(base: string, preset: string, visible: ReadonlySet<string>): string {
  const params = new URLSearchParams();
  params.set('preset', preset);
  // An empty list still means "classroom mode": students see no settings, only Run.
  params.set('show', [...visible].sort().join(','));
  return `${base}?${params.toString().replace(/%2C/g, ',')}${routeHash('playground')}`;
}
