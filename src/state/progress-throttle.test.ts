import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProgressThrottle } from './progress-throttle';
import type { Phase } from '../core/experiment/progress';

describe('ProgressThrottle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    let phase: Phase = 'target';
    const reports: (number | undefined)[] = [];
    const t = new ProgressThrottle<number>(200, () => phase, (e) => reports.push(e));
    return { t, reports, setPhase: (p: Phase) => (phase = p) };
  }

  it('reports a new phase at once, then at most once per interval with every buffered epoch in order', () => {
    const { t, reports } = setup();
    t.emit(1);
    expect(reports).toEqual([1]);
    t.emit(2);
    t.emit(3);
    t.emit();
    expect(reports).toEqual([1]);
    vi.advanceTimersByTime(199);
    expect(reports).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(reports).toEqual([1, 2, 3]);
  });

  it('a change of phase flushes what is buffered without waiting', () => {
    const { t, reports, setPhase } = setup();
    t.emit();
    t.emit(4);
    setPhase('shadows');
    t.emit();
    expect(reports).toEqual([undefined, 4]);
    vi.advanceTimersByTime(1000);
    expect(reports).toEqual([undefined, 4]);
  });

  it('reports once without an epoch when nothing is buffered', () => {
    const { t, reports } = setup();
    t.emit();
    t.emit();
    vi.advanceTimersByTime(200);
    expect(reports).toEqual([undefined, undefined]);
  });
});
