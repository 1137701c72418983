import { describe, expect, it } from 'vitest';
import { readJson, safeStore, writeJson, type KeyValueStorage } from './storage';

function memory(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const securityError = () => new DOMException('The operation is insecure.', 'SecurityError');

describe('safeStore', () => {
  it('reads, writes and removes through a working store', () => {
    const m = memory();
    const s = safeStore(() => m);
    expect(s.read('k')).toBeNull();
    expect(s.write('k', 'v')).toBe(true);
    expect(s.read('k')).toBe('v');
    expect(s.remove('k')).toBe(true);
    expect(m.data.size).toBe(0);
  });

  it('answers null and false when reaching the store throws (site data blocked)', () => {
    const s = safeStore(() => {
      throw securityError();
    });
    expect(s.read('k')).toBeNull();
    expect(s.write('k', 'v')).toBe(false);
    expect(s.remove('k')).toBe(false);
  });

  it('answers null and false when there is no store (a worker, Node)', () => {
    const s = safeStore(() => undefined);
    expect([s.read('k'), s.write('k', 'v'), s.remove('k')]).toEqual([null, false, false]);
  });

  it('says false when a write is refused (quota) and keeps reading', () => {
    const m = memory();
    m.data.set('old', 'x');
    const s = safeStore(() => ({ ...m, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } }));
    expect(s.write('k', 'v')).toBe(false);
    expect(s.read('old')).toBe('x');
  });

  it('asks for the store on every call, so blocking mid-visit is survived', () => {
    const m = memory();
    let blocked = false;
    const s = safeStore(() => {
      if (blocked) throw securityError();
      return m;
    });
    expect(s.write('k', 'v')).toBe(true);
    blocked = true;
    expect(s.read('k')).toBeNull();
  });
});

describe('readJson / writeJson', () => {
  const isCount = (v: unknown) => (Number.isInteger(v) ? (v as number) : null);

  it('round-trips a value that passes its validator', () => {
    const m = memory();
    const store = safeStore(() => m);
    expect(writeJson(store, 'n', 3)).toBe(true);
    expect(m.data.get('n')).toBe('3');
    expect(readJson(store, 'n', isCount)).toBe(3);
    expect(readJson(store, 'missing', isCount)).toBeNull();
  });

  it('drops what is not JSON or not the right shape', () => {
    const m = memory();
    const store = safeStore(() => m);
    m.data.set('bad', '{not json');
    m.data.set('shape', '"three"');
    expect(readJson(store, 'bad', isCount)).toBeNull();
    expect(readJson(store, 'shape', isCount)).toBeNull();
  });

  it('refuses a value that does not serialize instead of throwing', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(writeJson(safeStore(memory), 'c', cyclic)).toBe(false);
    expect(writeJson(safeStore(memory), 'b', 10n)).toBe(false);
  });
});
