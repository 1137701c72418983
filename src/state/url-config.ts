/**
 * @fileoverview The experiment config in the URL: only fields that differ from the defaults are
 * written (`?train.epochs=50&dp.enabled=true`), so links stay short and readable. Reading validates
 * every value; bad ones are dropped with a message and the defaults stay.
 */
import { ConfigError, defaultConfig, parseFieldValue, readField, validateConfig, type ExperimentConfig } from '../core/experiment/config';
import { FIELDS, fieldSpec } from '../core/experiment/schema';
import type { SweepVariant } from '../core/experiment/sweep';

/** Query parameters that are not config fields (the app's own switches). */
const APP_PARAMS = new Set(['backend', 'present', 'embed', 'preset', 'lock', 'show', 'faults', 'sweep', 'controls']);

function encodeValue(value: unknown): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}

/** Writes the non-default fields of `config` into `params` (other params are kept). Mutates `params`. */
export function writeConfigParams(config: ExperimentConfig, params: URLSearchParams): URLSearchParams {
  const defaults = defaultConfig() as unknown as Record<string, unknown>;
  for (const f of FIELDS) {
    const value = readField(config as unknown as Record<string, unknown>, f.path);
    const base = readField(defaults, f.path);
    if (encodeValue(value) === encodeValue(base)) params.delete(f.path);
    else params.set(f.path, encodeValue(value));
  }
  return params;
}

export interface ReadResult {
  readonly config: ExperimentConfig;
  /** One sentence per parameter that was ignored, safe to show as text. */
  readonly problems: string[];
}

/** Reads a config from URL parameters laid over `base`; never throws. */
export function readConfigParams(params: URLSearchParams, base: ExperimentConfig = defaultConfig()): ReadResult {
  const problems: string[] = [];
  let patch: Record<string, unknown> = JSON.parse(JSON.stringify(base));
  for (const [key, raw] of params) {
    if (APP_PARAMS.has(key)) continue;
    const field = fieldSpec(key);
    if (!field) {
      problems.push(`Ignored the unknown setting "${key.slice(0, 40)}".`);
      continue;
    }
    try {
      const value = parseFieldValue(field, raw);
      const keys = key.split('.');
      let o = patch;
      for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
      o[keys[keys.length - 1]] = value;
    } catch (err) {
      problems.push(`Ignored ${key}: ${err instanceof ConfigError ? err.problems[0] : String(err)}`);
    }
  }
  try {
    return { config: validateConfig(patch), problems };
  } catch (err) {
    const reasons = err instanceof ConfigError ? err.problems.join(' ') : String(err);
    patch = JSON.parse(JSON.stringify(base));
    return { config: validateConfig(patch), problems: [...problems, `The settings in the link did not fit together (${reasons}), so the defaults are used.`] };
  }
}

/** `?sweep=tiny` picks the cheat sheet's tiny sweep (tests, slow machines); anything else the full one. */
export function sweepVariantFromSearch(search: string): SweepVariant {
  return new URLSearchParams(search).get('sweep') === 'tiny' ? 'tiny' : 'full';
}
