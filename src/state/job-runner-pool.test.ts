import { describe, expect, it } from 'vitest';
import { forcedPoolSizeFromSearch, poolSize } from './job-runner-pool';

describe('poolSize', () => {
  it('is one worker per spare core, at least 2 and at most 4', () => {
    expect(poolSize(1)).toBe(2);
    expect(poolSize(2)).toBe(2);
    expect(poolSize(4)).toBe(3);
    expect(poolSize(5)).toBe(4);
    expect(poolSize(64)).toBe(4);
    expect(poolSize(undefined)).toBe(2);
  });

  it('takes ?workers=N from 1 to 8, and ignores anything else', () => {
    expect(poolSize(16, forcedPoolSizeFromSearch('?workers=1'))).toBe(1);
    expect(poolSize(2, forcedPoolSizeFromSearch('?a=b&workers=8'))).toBe(8);
    expect(poolSize(2, forcedPoolSizeFromSearch('?workers=0'))).toBe(2);
    expect(poolSize(2, forcedPoolSizeFromSearch('?workers=9'))).toBe(2);
    expect(forcedPoolSizeFromSearch('?workers=two')).toBeNull();
    expect(forcedPoolSizeFromSearch('')).toBeNull();
  });
});
