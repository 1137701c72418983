import { describe, expect, it } from 'vitest';
import { stepIndex } from './keyboard';

describe('stepIndex', () => {
  it('steps, jumps and clamps', () => {
    expect(stepIndex('ArrowRight', 3, 10)).toBe(4);
    expect(stepIndex('ArrowLeft', 3, 10)).toBe(2);
    expect(stepIndex('ArrowLeft', 0, 10)).toBe(0);
    expect(stepIndex('ArrowRight', 9, 10)).toBe(9);
    expect(stepIndex('PageUp', 7, 10)).toBe(9);
    expect(stepIndex('Home', 7, 10)).toBe(0);
    expect(stepIndex('End', 2, 10)).toBe(9);
  });

  it('starts at the first item and ignores other keys', () => {
    expect(stepIndex('ArrowRight', null, 10)).toBe(0);
    expect(stepIndex('ArrowLeft', null, 10)).toBe(0);
    expect(stepIndex('Tab', 3, 10)).toBeNull();
    expect(stepIndex('ArrowRight', null, 0)).toBeNull();
  });
});
