/**
 * @fileoverview The embed code an embed offers to copy: an iframe whose link reopens the same
 * widget, preset, settings (those changed from the preset) and controls.
 */
import { readField, type ExperimentConfig } from '../core/experiment/config';
import { FIELDS } from '../core/experiment/schema';
import type { EmbedWidget } from './app-mode';
import { EMBED_CHART_HEIGHTS } from '../present/chart-names';

/**
 * Heights (px) that show each widget, without controls, with no inner scroll bar in a post column
 * 360–740 px wide (measured in Chromium); controls add about CONTROLS_HEIGHT. A chart's height
 * is listed beside its name in present/chart-names.ts.
 */
export const EMBED_HEIGHTS: Readonly<Record<EmbedWidget, number>> = { ...EMBED_CHART_HEIGHTS, playground: 1560 };
export const CONTROLS_HEIGHT = 220;

export interface EmbedLinkParts {
  readonly widget: EmbedWidget;
  /** The preset the embed opened with, or null. */
  readonly preset: string | null;
  /** The preset's config (or the default config without one): settings equal to it stay out of the link. */
  readonly base: ExperimentConfig;
  readonly config: ExperimentConfig;
  /** The link's `controls` value as written, or null to leave the widget's default set. */
  readonly controls: string | null;
  /** A `backend` the link forced, or null. */
  readonly backend: string | null;
}

const encode = (v: unknown) => (Array.isArray(v) ? v.join(',') : String(v));

/** The iframe's src: `page` (origin and path) plus the parts as query parameters. Pure. */
export function embedSrc(page: string, parts: EmbedLinkParts): string {
  const params = new URLSearchParams({ embed: parts.widget });
  if (parts.preset) params.set('preset', parts.preset);
  const config = parts.config as unknown as Record<string, unknown>;
  const base = parts.base as unknown as Record<string, unknown>;
  for (const f of FIELDS) {
    const value = readField(config, f.path);
    if (encode(value) !== encode(readField(base, f.path))) params.set(f.path, encode(value));
  }
  if (parts.controls !== null) params.set('controls', parts.controls);
  if (parts.backend) params.set('backend', parts.backend);
  // Commas read better than %2C, and browsers accept them as they are.
  return `${page}?${params.toString().replace(/%2C/g, ',')}`;
}

/** The `<iframe>` to paste into a post. Quotes and ampersands in `src` are escaped for HTML. Pure. */
export function embedCode(src: string, widget: EmbedWidget, height: number): string {
  const attr = src.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<iframe src="${attr}" title="MIA Playground: ${widget}" width="100%" height="${Math.round(height)}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}
