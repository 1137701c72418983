import { describe, expect, it } from 'vitest';
import { formatEta, percentDone } from './progress';

describe('progress text', () => {
  it('clamps and rounds the percentage', () => {
    expect(percentDone(0.426)).toBe(43);
    expect(percentDone(1.2)).toBe(100);
    expect(percentDone(-1)).toBe(0);
    expect(percentDone(Number.NaN)).toBe(0);
  });

  it('writes the time left in seconds, then minutes', () => {
    expect(formatEta(null)).toBe('');
    expect(formatEta(0.2)).toBe('about 1 s left');
    expect(formatEta(12.4)).toBe('about 12 s left');
    expect(formatEta(200)).toBe('about 3 min left');
  });
});
