/**
 * @fileoverview Presenter keyboard shortcuts as a pure key → action mapping, so the mapping is
 * testable and the help overlay lists exactly what the handler does.
 */

export type ShortcutAction =
  | { readonly type: 'toggle-run' }
  | { readonly type: 'step'; readonly delta: 1 | -1 }
  | { readonly type: 'preset'; readonly index: number }
  | { readonly type: 'reset' }
  | { readonly type: 'help' }
  | { readonly type: 'close' };

export const SHORTCUT_HELP: readonly { readonly keys: string; readonly does: string }[] = [
  { keys: 'Space', does: 'Run the experiment, or stop it while it runs' },
  { keys: '→ / ←', does: 'Next / previous step (lesson, or preset in the playground)' },
  { keys: '1 – 9', does: 'Switch to preset 1 to 9' },
  { keys: 'R', does: 'Reset the demo: the same preset and seed, run again' },
  { keys: '?', does: 'Show or hide this list' },
  { keys: 'Esc', does: 'Close this list' },
];

/** Where the key was pressed: shortcuts never steal keys from text fields and menus. */
export interface KeyTarget {
  readonly tagName: string;
  readonly isContentEditable?: boolean;
  readonly type?: string;
}

function typing(target: KeyTarget | null): boolean {
  if (!target) return false;
  const tag = target.tagName.toUpperCase();
  if (target.isContentEditable || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !['checkbox', 'radio', 'range', 'button', 'submit'].includes(target.type ?? 'text');
}

/** The action for a key press, or null when the key is not a shortcut here. Pure. */
export function shortcutFor(key: string, target: KeyTarget | null, modifiers = false): ShortcutAction | null {
  if (modifiers || typing(target)) return null;
  // Space on a focused button or checkbox keeps its normal meaning.
  if (key === ' ' && target && ['BUTTON', 'INPUT', 'SUMMARY', 'A'].includes(target.tagName.toUpperCase())) return null;
  if (key === ' ') return { type: 'toggle-run' };
  // Arrows on a slider move the slider.
  if (key.startsWith('Arrow') && target?.tagName.toUpperCase() === 'INPUT' && target.type === 'range') return null;
  if (key === 'ArrowRight') return { type: 'step', delta: 1 };
  if (key === 'ArrowLeft') return { type: 'step', delta: -1 };
  if (/^[1-9]$/.test(key)) return { type: 'preset', index: Number(key) - 1 };
  if (key === 'r' || key === 'R') return { type: 'reset' };
  if (key === '?') return { type: 'help' };
  if (key === 'Escape') return { type: 'close' };
  return null;
}
