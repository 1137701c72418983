/**
 * @fileoverview Test support: catch the ConfigError a call throws, failing the test otherwise.
 */
import { expect } from 'vitest';
import { ConfigError } from '../../src/core/experiment/config';

/** The ConfigError `fn` throws (fails the test if it throws nothing or something else). */
export function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError, but nothing was thrown');
}
