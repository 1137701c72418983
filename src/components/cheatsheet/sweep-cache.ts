/**
 * @fileoverview A finished cheat-sheet sweep kept for the session (sessionStorage), keyed by the
 * sweep's definition so a changed definition never shows stale numbers. Storage goes through
 * src/state/storage.ts: where it is missing, blocked or full, reads return null and writes false.
 */
import { sweepCacheKey, type SweepDefinition, type SweepRow } from '../../core/experiment/sweep';
import type { SweepReference } from '../../report/model';
import { readJson, writeJson, sessionStore as browserSessionStore, type SafeStore } from '../../state/storage';

export interface CachedSweep {
  readonly id: string;
  readonly backend: string;
  /** ISO time the sweep finished. */
  readonly finishedAt: string;
  readonly rows: readonly SweepRow[];
}

const isRate = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 1;

function validRow(r: unknown, key: string): r is SweepRow {
  if (!r || typeof r !== 'object') return false;
  const x = r as Record<string, unknown>;
  return x.key === key && isRate(x.testAccuracy) && isRate(x.trainAccuracy) && isRate(x.auc) && isRate(x.tprAt1) &&
    (x.epsilon === null || (typeof x.epsilon === 'number' && x.epsilon > 0)) && typeof x.label === 'string';
}

/** The cached sweep for `def`, or null when there is none or it does not match `def`. */
export function readSweepCache(storage: SafeStore | null, def: SweepDefinition): CachedSweep | null {
  if (!storage) return null;
  return readJson(storage, sweepCacheKey(def), (v) => {
    if (!v || typeof v !== 'object') return null;
    const parsed = v as CachedSweep;
    if (parsed.id !== def.id || typeof parsed.backend !== 'string' || typeof parsed.finishedAt !== 'string') return null;
    if (!Array.isArray(parsed.rows) || parsed.rows.length !== def.steps.length) return null;
    return parsed.rows.every((r, i) => validRow(r, def.steps[i].key)) ? parsed : null;
  });
}

/** Stores a finished sweep for `def`; returns false when storage refused it. */
export function writeSweepCache(storage: SafeStore | null, def: SweepDefinition, sweep: CachedSweep): boolean {
  return storage ? writeJson(storage, sweepCacheKey(def), sweep) : false;
}

/** The tab's sessionStorage behind the guard of src/state/storage.ts. */
export function sessionStore(): SafeStore {
  return browserSessionStore;
}

/** How a report cites a cached sweep. Pure. */
export function sweepReference(def: SweepDefinition, cached: CachedSweep): SweepReference {
  return {
    id: def.id,
    description: `The cheat sheet: ${def.steps.length} defenses measured side by side on its benchmark (the ${def.preset} preset, same data and seed), finished ${cached.finishedAt} on ${cached.backend}. Its model is not the one in this report.`,
    rows: cached.rows,
  };
}
