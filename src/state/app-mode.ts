/**
 * @fileoverview App-wide switches read from the URL: presenter mode, embed mode, and a classroom
 * link's visible controls.
 */

import { EMBEDDABLE_CHARTS, type EmbeddableChart } from '../present/chart-names';

/** What `?embed=` may name: a chart that can stand alone (present/chart-names.ts), or the whole playground. */
export type EmbedWidget = EmbeddableChart | 'playground';
export const EMBED_WIDGETS: readonly EmbedWidget[] = [...EMBEDDABLE_CHARTS, 'playground'];

export interface AppMode {
  readonly present: boolean;
  /** The single widget to show without page chrome, or null. */
  readonly embed: EmbedWidget | null;
  /** The config fields a classroom link lets students see; null = all. */
  readonly visibleControls: ReadonlySet<string> | null;
}

/** Reads the mode from a search string; unknown values are ignored. Pure. */
export function readAppMode(search: string): AppMode {
  const params = new URLSearchParams(search);
  const embed = params.get('embed');
  const show = params.get('show');
  return {
    present: params.has('present'),
    embed: EMBED_WIDGETS.includes(embed as EmbedWidget) ? (embed as EmbedWidget) : null,
    visibleControls: show === null ? null : new Set(show.split(',').map((s) => s.trim()).filter(Boolean)),
  };
}
