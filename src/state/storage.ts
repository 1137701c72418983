/**
 * @fileoverview The one door to Web Storage. A browser that blocks site data throws a
 * SecurityError on merely reading `window.localStorage`; a full store throws on write; a worker
 * or Node has none at all. Every read and write in the app goes through here, so none of that can
 * blank a page: reads give null, writes and removals answer false. JSON values are read through a
 * validator, so a damaged, old or foreign value is dropped instead of trusted.
 */

/** What a store needs to offer; `localStorage`, `sessionStorage` or a test double. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface SafeStore {
  /** The string under `key`, or null when there is none or storage cannot be reached. */
  read(key: string): string | null;
  /** Stores `value` under `key`; false when storage is missing, blocked or full. */
  write(key: string, value: string): boolean;
  /** Removes `key`; false when storage is missing or blocked. */
  remove(key: string): boolean;
}

/**
 * A store that never throws. `open` runs on every call, inside the guard, because reaching the
 * store is itself what throws when site data is blocked (and the answer can change mid-visit).
 */
export function safeStore(open: () => KeyValueStorage | null | undefined): SafeStore {
  const attempt = <T>(fallback: T, act: (s: KeyValueStorage) => T): T => {
    try {
      const s = open();
      return s ? act(s) : fallback;
    } catch {
      return fallback;
    }
  };
  return {
    read: (key) => attempt(null, (s) => s.getItem(key)),
    write: (key, value) => attempt(false, (s) => (s.setItem(key, value), true)),
    remove: (key) => attempt(false, (s) => (s.removeItem(key), true)),
  };
}

/** The browser's localStorage (kept across visits), behind the guard. */
export const localStore: SafeStore = safeStore(() => globalThis.localStorage);

/** The browser's sessionStorage (this tab only), behind the guard. */
export const sessionStore: SafeStore = safeStore(() => globalThis.sessionStorage);

/** Turns what JSON.parse gave into a trusted value, or null when it does not fit. Must not throw. */
export type Validator<T> = (value: unknown) => T | null;

/** The value under `key`, parsed and validated; null when absent, not JSON or not the right shape. */
export function readJson<T>(store: SafeStore, key: string, validate: Validator<T>): T | null {
  const raw = store.read(key);
  if (raw === null) return null;
  try {
    return validate(JSON.parse(raw) as unknown);
  } catch {
    return null;
  }
}

/** Stores `value` as JSON under `key`; false when storage refused it (or it does not serialize). */
export function writeJson(store: SafeStore, key: string, value: unknown): boolean {
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    return false;
  }
  return store.write(key, text);
}
