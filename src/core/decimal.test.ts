import { describe, expect, it } from 'vitest';
import { parseDecimal } from './decimal';

describe('parseDecimal', () => {
  it.each([
    ['10', 10], ['0', 0], ['-3', -3], ['0.25', 0.25], ['.5', 0.5], ['2.', 2], ['1e-3', 0.001], ['1E2', 100], ['007', 7], ['-1.5e+2', -150],
  ])('reads %j as %d', (raw, value) => expect(parseDecimal(raw)).toBe(value));

  it.each(['0x10', '0b101', '0o7', '1e400', '-1e400', 'NaN', 'Infinity', '-Infinity', '', ' ', ' 5', '5 ', '+5', '1_000', '1,5', '1e', '.', '-', '-0', '-0.0', '-0e3', '5px'])(
    'refuses %j',
    (raw) => expect(parseDecimal(raw)).toBeNull(),
  );
});
