/**
 * @fileoverview What each presenter shortcut does, given the current route.
 */
import { LISTED_PRESETS as PRESETS } from '../core/experiment/presets';
import type { ShortcutAction } from './shortcuts';
import type { Playground } from './playground.svelte';
import type { Route } from './routes';
import { routeHash } from './routes';

/**
 * Applies `action`; `lessonSlugs` orders the lessons for previous/next. Number keys and arrows
 * pick among the presets the menu lists (lesson presets stay with their lessons).
 */
export function handleShortcut(action: ShortcutAction, route: Route, pg: Playground, lessonSlugs: readonly string[]): void {
  if (action.type === 'toggle-run') {
    if (pg.running) void pg.stop();
    else if (route.name === 'playground') void pg.run();
  } else if (action.type === 'preset') {
    const preset = PRESETS[action.index];
    if (preset) pg.applyPreset(preset.name);
  } else if (action.type === 'reset') {
    void pg.resetDemo();
  } else if (action.type === 'step') {
    if (route.name === 'lessons') {
      const at = lessonSlugs.indexOf(route.rest[0] ?? '');
      const next = lessonSlugs[Math.min(lessonSlugs.length - 1, Math.max(0, at + action.delta))];
      if (next) location.hash = routeHash('lessons', next);
    } else if (route.name === 'playground') {
      const at = PRESETS.findIndex((p) => p.name === pg.presetName);
      const next = PRESETS[(at + action.delta + PRESETS.length) % PRESETS.length];
      pg.applyPreset(next.name);
    }
  }
}
