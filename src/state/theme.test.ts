import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Theme } from './theme.svelte';
import { safeStore, type KeyValueStorage } from './storage';
import { THEME_KEY } from './stored-values';

const root = { dataset: {} as Record<string, string> };

beforeEach(() => {
  root.dataset = {};
  (globalThis as { document?: unknown }).document = { documentElement: root };
});
afterEach(() => {
  delete (globalThis as { document?: unknown }).document;
});

function memory(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  const raw: KeyValueStorage = { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
  return { data, store: safeStore(() => raw) };
}

describe('Theme', () => {
  it('remembers a pick where storage works', () => {
    const { data, store } = memory();
    const theme = new Theme(store);
    theme.toggle();
    expect([theme.choice, theme.remembered, root.dataset.theme, data.get(THEME_KEY)]).toEqual(['dark', true, 'dark', 'dark']);
    theme.toggle();
    theme.toggle();
    expect([theme.choice, theme.remembered, data.has(THEME_KEY)]).toEqual(['system', true, false]);
    expect(new Theme(memory({ [THEME_KEY]: 'light' }).store).choice).toBe('light');
  });

  it('ignores a stored value that is not a theme', () => {
    expect(new Theme(memory({ [THEME_KEY]: '{"x":1}' }).store).choice).toBe('system');
  });

  it('still switches where storage is blocked, and says the pick will not be kept', () => {
    const blocked = safeStore(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    const theme = new Theme(blocked);
    expect(theme.choice).toBe('system');
    theme.toggle();
    expect([theme.choice, theme.remembered, root.dataset.theme]).toEqual(['dark', false, 'dark']);
    theme.toggle();
    expect([theme.choice, theme.remembered, root.dataset.theme]).toEqual(['light', false, 'light']);
    // Back on 'system', nothing needs keeping: the next visit starts there anyway.
    theme.toggle();
    expect([theme.choice, theme.remembered]).toEqual(['system', true]);
  });

  it('says so when a full store refuses the pick', () => {
    const full = safeStore(() => ({ getItem: () => null, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); }, removeItem: () => undefined }));
    const theme = new Theme(full);
    theme.toggle();
    expect([theme.choice, theme.remembered, root.dataset.theme]).toEqual(['dark', false, 'dark']);
  });
});
