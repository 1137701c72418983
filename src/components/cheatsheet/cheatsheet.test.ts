import { describe, expect, it } from 'vitest';
import { sweepCacheKey, type SweepRow } from '../../core/experiment/sweep';
import { CHEAT_SHEET_SWEEP, cheatSheetSweep } from '../../state/cheat-sheet-sweep';
import { defenseNote } from './defense-notes';
import { readSweepCache, sweepReference, writeSweepCache, type CachedSweep } from './sweep-cache';
import { safeStore, type SafeStore } from '../../state/storage';

function memoryStore(): SafeStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  const store = safeStore(() => ({ getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) }));
  return Object.assign(store, { data });
}

const rows = (def = CHEAT_SHEET_SWEEP): SweepRow[] =>
  def.steps.map((s, i) => ({ key: s.key, label: s.label, trainAccuracy: 1, testAccuracy: 0.6, auc: 0.7 - i * 0.01, aucAttack: 'LiRA (online)', tprAt1: 0.2, tprAttack: 'LiRA (online)', epsilon: s.key.startsWith('dp') ? 2 : null, delta: null }));

describe('cheat-sheet text', () => {
  it('describes every defense of the sweep, and leaves every number to the measurement', () => {
    for (const s of CHEAT_SHEET_SWEEP.steps) {
      const note = defenseNote(s.key);
      expect(note, s.key).not.toBeNull();
      for (const text of Object.values(note!)) {
        expect(text.length).toBeGreaterThan(5);
        expect(text).not.toMatch(/\d\s*%|AUC\s*[=:]?\s*0\.\d/);
      }
    }
  });
});

describe('sweep cache', () => {
  it('round-trips a finished sweep under the definition key', () => {
    const store = memoryStore();
    const cached: CachedSweep = { id: CHEAT_SHEET_SWEEP.id, backend: 'wasm', finishedAt: '2025-01-01T00:00:00Z', rows: rows() };
    expect(writeSweepCache(store, CHEAT_SHEET_SWEEP, cached)).toBe(true);
    expect([...store.data.keys()]).toEqual([sweepCacheKey(CHEAT_SHEET_SWEEP)]);
    expect(readSweepCache(store, CHEAT_SHEET_SWEEP)).toEqual(cached);
    // A different definition (the tiny sweep) does not see it.
    expect(readSweepCache(store, cheatSheetSweep('tiny'))).toBeNull();
  });

  it('ignores damaged or foreign entries and survives a storage that throws', () => {
    const store = memoryStore();
    store.write(sweepCacheKey(CHEAT_SHEET_SWEEP), '{not json');
    expect(readSweepCache(store, CHEAT_SHEET_SWEEP)).toBeNull();
    const bad = { id: CHEAT_SHEET_SWEEP.id, backend: 'wasm', finishedAt: '', rows: rows().map((r) => ({ ...r, auc: 7 })) };
    store.write(sweepCacheKey(CHEAT_SHEET_SWEEP), JSON.stringify(bad));
    expect(readSweepCache(store, CHEAT_SHEET_SWEEP)).toBeNull();
    const throwing = safeStore(() => ({ getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); }, removeItem: () => undefined }));
    expect(readSweepCache(throwing, CHEAT_SHEET_SWEEP)).toBeNull();
    expect(writeSweepCache(throwing, CHEAT_SHEET_SWEEP, { id: 'x', backend: 'wasm', finishedAt: '', rows: [] })).toBe(false);
    expect(readSweepCache(null, CHEAT_SHEET_SWEEP)).toBeNull();
  });

  it('cites the sweep in reports as a different model', () => {
    const ref = sweepReference(CHEAT_SHEET_SWEEP, { id: CHEAT_SHEET_SWEEP.id, backend: 'wasm', finishedAt: 'today', rows: rows() });
    expect(ref.rows).toHaveLength(CHEAT_SHEET_SWEEP.steps.length);
    expect(ref.description).toContain('not the one in this report');
  });
});
