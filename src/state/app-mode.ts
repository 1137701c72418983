/**
 * @fileoverview App-wide switches read from the URL: presenter mode, embed mode, and a classroom
 * link's visible controls.
 */

export const EMBED_WIDGETS = ['histogram', 'roc', 'scoreboard', 'curves', 'playground'] as const;
export type EmbedWidget = (typeof EMBED_WIDGETS)[number];

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
