/**
 * @fileoverview A finished cheat-sheet sweep kept for the session (sessionStorage), keyed by the
 * sweep's definition so a changed definition never shows stale numbers. Storage may be missing or
 * full (private modes, quotas): reads then return null and writes do nothing.
 */
import { sweepCacheKey, type SweepDefinition, type SweepRow } from '../../core/experiment/sweep';
import type { SweepReference } from '../../report/model';

export interface CachedSweep {
  readonly id: string;
  readonly backend: string;
  /** ISO time the sweep finished. */
  readonly finishedAt: string;
  readonly rows: readonly SweepRow[];
}

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

const isRate = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 1;

function validRow(r: unknown, key: string): r is SweepRow {
  if (!r || typeof r !== 'object') return false;
  const x = r as Record<string, unknown>;
  return x.key === key && isRate(x.testAccuracy) && isRate(x.trainAccuracy) && isRate(x.auc) && isRate(x.tprAt1) &&
    (x.epsilon === null || (typeof x.epsilon === 'number' && x.epsilon > 0)) && typeof x.label === 'string';
}

/** The cached sweep for `def`, or null when there is none or it does not match `def`. */
export function readSweepCache(storage: KeyValueStore | null, def: SweepDefinition): CachedSweep | null {
  try {
    const raw = storage?.getItem(sweepCacheKey(def));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as CachedSweep;
    if (parsed.id !== def.id || !Array.isArray(parsed.rows) || parsed.rows.length !== def.steps.length) return null;
    if (!parsed.rows.every((r, i) => validRow(r, def.steps[i].key))) return null;
    return parsed;
  } catch {
    return null;
  }
}

/** Stores a finished sweep for `def`; returns false when storage refused it. */
export function writeSweepCache(storage: KeyValueStore | null, def: SweepDefinition, sweep: CachedSweep): boolean {
  try {
    storage?.setItem(sweepCacheKey(def), JSON.stringify(sweep));
    return !!storage;
  } catch {
    return false;
  }
}

/** sessionStorage, or null where the browser denies it. */
export function sessionStore(): KeyValueStore | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** How a report cites a cached sweep. Pure. */
export function sweepReference(def: SweepDefinition, cached: CachedSweep): SweepReference {
  return {
    id: def.id,
    description: `The cheat sheet: ${def.steps.length} defenses measured side by side on its benchmark (the ${def.preset} preset, same data and seed), finished ${cached.finishedAt} on ${cached.backend}. Its model is not the one in this report.`,
    rows: cached.rows,
  };
}
