/**
 * @fileoverview Which controls an embed shows, read from `?controls=`: config paths
 * (`model.dropout`) or short aliases (`dropout`), comma-separated; `none` hides them all. Without
 * the parameter, the histogram and playground embeds show a small default set and the others none.
 * Only settings the playground has a control for can be shown; other names come back as
 * `unknown`, for a small note on the page.
 */
import { CONTROL_GROUPS, RUN_CONTROLS } from './control-groups';
import type { EmbedWidget } from './app-mode';

/** Short names for the controls a blog post wants most. Keys are lower case. */
export const CONTROL_ALIASES: Readonly<Record<string, string>> = {
  dropout: 'model.dropout',
  epsilon: 'dp.targetEpsilon',
  epochs: 'train.epochs',
  augmentation: 'train.augmentation',
  dp: 'dp.enabled',
  l2: 'train.l2',
  width: 'model.width',
  seed: 'seed',
};

/** Shown when a link has no `controls`: dropout, DP (switch and ε) and epochs. */
export const DEFAULT_EMBED_CONTROLS: Readonly<Partial<Record<EmbedWidget, readonly string[]>>> = {
  histogram: ['model.dropout', 'dp.enabled', 'dp.targetEpsilon', 'train.epochs'],
  playground: ['model.dropout', 'dp.enabled', 'dp.targetEpsilon', 'train.epochs'],
};

/**
 * Settings an embed can show: those with a control in the playground's panel. The attack list is
 * left out: it is a checkbox list, not one control, and an embed picks its attacks in the link.
 */
const CONTROLLABLE: readonly string[] = [...RUN_CONTROLS.filter((p) => p !== 'preset'), ...CONTROL_GROUPS.flatMap((g) => g.fields)].filter((p) => p !== 'attack.names');
const BY_LOWER = new Map(CONTROLLABLE.map((p) => [p.toLowerCase(), p]));

export interface EmbedControls {
  /** Config paths, in the link's order, without repeats. */
  readonly paths: readonly string[];
  /** Names in the link that match no control (clipped to 40 characters), for a visible note. */
  readonly unknown: readonly string[];
}

/** The config path a name stands for (alias or path, any case), or null. Pure. */
export function controlPath(name: string): string | null {
  const key = name.trim().toLowerCase();
  return CONTROL_ALIASES[key] ?? BY_LOWER.get(key) ?? null;
}

/**
 * Reads `controls` from a search string for `widget`. Pure.
 * A DP setting comes with the DP switch (added just before it when the link leaves it out), since
 * ε or σ does nothing while DP-SGD is off and the reader could not turn it on.
 */
export function readEmbedControls(search: string, widget: EmbedWidget): EmbedControls {
  const raw = new URLSearchParams(search).get('controls');
  if (raw === null) return { paths: DEFAULT_EMBED_CONTROLS[widget] ?? [], unknown: [] };
  const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 1 && names[0].toLowerCase() === 'none') return { paths: [], unknown: [] };
  const paths: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const path = controlPath(name);
    if (path === null) {
      const clipped = name.slice(0, 40);
      if (!unknown.includes(clipped)) unknown.push(clipped);
      continue;
    }
    if (path.startsWith('dp.') && !paths.includes('dp.enabled')) paths.push('dp.enabled');
    if (!paths.includes(path)) paths.push(path);
  }
  return { paths, unknown };
}

/** The note for names that match no control, or null when all matched. Pure. */
export function unknownControlsNote(unknown: readonly string[]): string | null {
  if (unknown.length === 0) return null;
  const list = unknown.map((n) => `“${n}”`).join(', ');
  return `No control named ${list}; try ${Object.keys(CONTROL_ALIASES).slice(0, 5).join(', ')} or a setting such as model.width.`;
}
