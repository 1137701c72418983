/**
 * @fileoverview Reading and writing dotted paths (`train.epochs`) in plain JSON objects through own
 * properties only, and spotting the keys that would reach a prototype. A config comes from files,
 * links and patches a person wrote, so nothing here may walk into `Object.prototype`.
 */

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * Keys that reach an object's prototype when assigned (`o.__proto__.x = 1` sets Object.prototype.x).
 * JSON.parse makes them ordinary own keys, so a config file or patch could smuggle them in.
 */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** One problem per forbidden key anywhere in `input` (own keys only, arrays included), with its path. */
export function forbiddenKeyProblems(input: unknown, prefix = ''): string[] {
  if (!input || typeof input !== 'object') return [];
  return Object.keys(input).flatMap((k) => {
    if (FORBIDDEN_KEYS.has(k)) {
      const at = prefix ? ` (at ${clipPath(prefix + k)})` : '';
      return [`The config may not contain the key "${k}"${at}.`];
    }
    return forbiddenKeyProblems((input as Json)[k], prefix + k + '.');
  });
}

/** A path short enough for a one-line message (the keys before a forbidden one are the writer's). */
function clipPath(path: string): string {
  return path.length > 80 ? `…${path.slice(-79)}` : path;
}

/** Reads a dotted path through own properties only, so `constructor` or `__proto__` never resolve. */
export function getPath(obj: Json, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (isObject(o) && Object.hasOwn(o, k) ? o[k] : undefined), obj);
}

/** Sets a dotted path, creating own plain objects on the way. Mutates `obj`. */
export function setPath(obj: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) {
    if (!Object.hasOwn(o, k) || !isObject(o[k])) o[k] = {};
    o = o[k] as Json;
  }
  o[keys[keys.length - 1]] = value;
}

/** Every leaf path in `obj`, to find fields the schema does not know. */
export function leafPaths(obj: Json, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (isObject(v) ? leafPaths(v, prefix + k + '.') : [prefix + k]));
}
