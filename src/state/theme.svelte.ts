/**
 * @fileoverview Light/dark theme: follows the system until the learner picks one; the pick is
 * remembered in localStorage (the only thing stored besides lesson progress). Where storage is
 * blocked or full the pick still applies for this page view, and `remembered` says it will not
 * outlast it, so the toggle never claims more than it did.
 */
import { localStore, type SafeStore } from './storage';
import { THEME_KEY, validTheme } from './stored-values';

export type ThemeChoice = 'system' | 'light' | 'dark';

export class Theme {
  choice: ThemeChoice = $state('system');
  /** Whether the current choice will still be in effect on the next visit. */
  remembered: boolean = $state(true);

  constructor(private readonly store: SafeStore = localStore) {
    this.choice = validTheme(store.read(THEME_KEY)) ?? 'system';
    this.apply();
  }

  /** Cycles system → dark → light → system, and tries to remember the pick. */
  toggle(): void {
    this.choice = this.choice === 'system' ? 'dark' : this.choice === 'dark' ? 'light' : 'system';
    // 'system' needs nothing stored: it is remembered when no other pick is left behind.
    this.remembered =
      this.choice === 'system'
        ? this.store.remove(THEME_KEY) || this.store.read(THEME_KEY) === null
        : this.store.write(THEME_KEY, this.choice);
    this.apply();
  }

  private apply(): void {
    // The system setting is resolved here, so the stylesheet needs one dark block, not two.
    const systemDark = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
    const dark = this.choice === 'dark' || (this.choice === 'system' && systemDark?.matches === true);
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    if (systemDark && !this.listening) {
      systemDark.addEventListener('change', () => this.choice === 'system' && this.apply());
      this.listening = true;
    }
  }

  private listening = false;
}
