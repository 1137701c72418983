/**
 * @fileoverview Light/dark theme: follows the system until the learner picks one; the pick is
 * remembered in localStorage (the only thing stored besides lesson progress).
 */
export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'mia-playground:theme';

export class Theme {
  choice: ThemeChoice = $state('system');

  constructor() {
    const saved = globalThis.localStorage?.getItem(KEY);
    if (saved === 'light' || saved === 'dark') this.choice = saved;
    this.apply();
  }

  /** Cycles system → dark → light → system. */
  toggle(): void {
    this.choice = this.choice === 'system' ? 'dark' : this.choice === 'dark' ? 'light' : 'system';
    if (this.choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, this.choice);
    this.apply();
  }

  private apply(): void {
    const root = document.documentElement;
    if (this.choice === 'system') delete root.dataset.theme;
    else root.dataset.theme = this.choice;
  }
}
