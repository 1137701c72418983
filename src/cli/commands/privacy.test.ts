import { describe, expect, it } from 'vitest';
import { parseFlags, UsageError } from '../args';
import { computeEpsilon } from '../../core/privacy/index';
import { COMMANDS } from './index';
import { epsilonCommand, noiseCommand } from './privacy';
import type { Command } from './types';

const silent = () => {};

/** Parses argv against the command's own flag specs, then runs it, as main does. */
function run(command: Command, argv: string[]): Promise<unknown> {
  return command.run(parseFlags(argv, command.flags), silent);
}

const shared = ['--sample-rate', '0.01', '--steps', '10000', '--delta', '1e-5'];

describe('epsilon command', () => {
  it('prints epsilon, delta, order and the accountant', async () => {
    const out = await run(epsilonCommand, ['--noise-multiplier', '1.1', ...shared]);
    const want = computeEpsilon({ noiseMultiplier: 1.1, sampleRate: 0.01, steps: 10000, delta: 1e-5 });
    expect(out).toEqual({ epsilon: want.epsilon, delta: 1e-5, order: want.order, accountant: 'rdp', infinite: false });
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });

  it('says so explicitly when epsilon is infinite (σ = 0)', async () => {
    const out = (await run(epsilonCommand, ['--noise-multiplier', '0', ...shared])) as Record<string, unknown>;
    expect(out).toMatchObject({ epsilon: null, order: null, infinite: true, accountant: 'rdp' });
    expect(out.note).toMatch(/infinite/);
  });

  /** The four flags with one of them replaced (or removed, for value undefined). */
  const args = (flag: string, value?: string): string[] => {
    const base: Record<string, string> = { 'noise-multiplier': '1', 'sample-rate': '0.1', steps: '10', delta: '1e-5' };
    const merged = { ...base, [flag]: value };
    return Object.entries(merged).flatMap(([k, v]) => (v === undefined ? [] : [`--${k}`, v]));
  };

  it.each([
    [args('sample-rate', '2'), '--sample-rate must be in (0, 1], got 2'],
    [args('steps', '1.5'), '--steps must be an integer ≥ 0, got 1.5'],
    [args('noise-multiplier', '-1'), '--noise-multiplier must be a finite number ≥ 0, got -1'],
    [args('delta', '0'), '--delta must be in (0, 1), got 0'],
    [args('noise-multiplier', 'x'), 'flag --noise-multiplier must be a number, got "x"'],
    [args('noise-multiplier'), 'missing required flag --noise-multiplier'],
  ])('rejects %j with a one-line usage error', async (argv, message) => {
    const err = await run(epsilonCommand, argv).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toBe(message);
    expect((err as Error).message).not.toContain('\n');
  });
});

describe('noise command', () => {
  it('finds the noise multiplier for a target epsilon', async () => {
    const out = (await run(noiseCommand, ['--epsilon', '3', ...shared])) as Record<string, number>;
    expect(out).toMatchObject({ targetEpsilon: 3, delta: 1e-5, sampleRate: 0.01, steps: 10000, accountant: 'rdp' });
    expect(out.epsilon).toBeLessThanOrEqual(3);
    const back = computeEpsilon({ noiseMultiplier: out.noiseMultiplier, sampleRate: 0.01, steps: 10000, delta: 1e-5 });
    expect(back.epsilon).toBeCloseTo(3, 4);
  });

  it('names the --epsilon flag when the target is out of reach', async () => {
    const err = await run(noiseCommand, ['--epsilon', '0.01', ...shared]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(/^--epsilon must be greater than 0\.1\d+ \(the smallest epsilon/);
  });

  it('requires at least one step', async () => {
    const argv = ['--epsilon', '1', '--sample-rate', '0.1', '--steps', '0', '--delta', '1e-5'];
    const err = await run(noiseCommand, argv).catch((e: unknown) => e);
    expect((err as Error).message).toBe('--steps must be an integer ≥ 1, got 0');
  });
});

it('registers both commands', () => {
  expect(COMMANDS).toContain(epsilonCommand);
  expect(COMMANDS).toContain(noiseCommand);
});
