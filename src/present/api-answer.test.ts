import { describe, expect, it } from 'vitest';
import { apiAnswer } from './api-answer';

const probs = [0.1, 0.6, 0.25, 0.05];
const names = ['flu', 'cold', 'covid'];

describe('apiAnswer', () => {
  it('full API: every class revealed, predicted first, then by value', () => {
    const a = apiAnswer(probs, names, { kind: 'full' });
    expect(a.label).toBe('cold');
    expect(a.rows.map((r) => r.name)).toEqual(['cold', 'covid', 'flu', 'class 3']);
    expect(a.revealed.map((r) => r.shown)).toEqual(['0.600', '0.250', '0.100', '0.050']);
    expect(a.rows[0].predicted).toBe(true);
  });

  it('top-k API: the left-out classes are hidden, not zero', () => {
    const a = apiAnswer(probs, names, { kind: 'top-k', k: 2 });
    expect(a.revealed.map((r) => r.name)).toEqual(['cold', 'covid']);
    expect(a.rows.slice(2).map((r) => [r.value, r.shown])).toEqual([[null, '—'], [null, '—']]);
  });

  it('rounded API: values printed with its decimals', () => {
    const a = apiAnswer(probs, names, { kind: 'rounded', decimals: 1 });
    expect(a.revealed[0].shown).toBe('0.6');
    expect(a.revealed.length).toBe(4);
  });

  it('label-only API: only the label, nothing revealed', () => {
    const a = apiAnswer(probs, names, { kind: 'label' });
    expect(a.label).toBe('cold');
    expect(a.revealed).toEqual([]);
    expect(a.rows.every((r) => r.value === null)).toBe(true);
  });
});
