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
