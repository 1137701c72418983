/**
 * @fileoverview The `epsilon` and `noise` commands: the RDP accountant for DP-SGD from the shell.
 * `epsilon` turns (σ, q, T, δ) into ε; `noise` finds the σ that meets a target ε.
 */
import { numberFlag, UsageError, type FlagSpec, type ParsedFlags } from '../args';
import { computeEpsilon, InvalidParameterError, noiseForEpsilon } from '../../core/privacy/index';
import type { Command } from './types';

/** Maps a core parameter name to the CLI flag that sets it, so errors name what the user typed. */
const FLAG_FOR: Record<string, string> = {
  noiseMultiplier: 'noise-multiplier',
  sampleRate: 'sample-rate',
  steps: 'steps',
  delta: 'delta',
  targetEpsilon: 'epsilon',
};

const SHARED_FLAGS: readonly FlagSpec[] = [
  { name: 'sample-rate', description: 'Poisson sampling rate q = batch size / dataset size, in (0, 1]' },
  { name: 'steps', description: 'number of DP-SGD steps T, an integer ≥ 0 (≥ 1 for noise)' },
  { name: 'delta', description: 'target δ, in (0, 1); usually below 1 / dataset size' },
];

/** Runs `fn`, turning a core InvalidParameterError into a UsageError that names the CLI flag. */
function withFlagErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof InvalidParameterError) {
      const flag = FLAG_FOR[err.parameter];
      const label = flag ? `--${flag}` : err.parameter;
      throw new UsageError(`${label} must be ${err.requirement}, got ${String(err.value)}`);
    }
    throw err;
  }
}

function sharedValues(flags: ParsedFlags): { sampleRate: number; steps: number; delta: number } {
  return {
    sampleRate: numberFlag(flags, 'sample-rate', true),
    steps: numberFlag(flags, 'steps', true),
    delta: numberFlag(flags, 'delta', true),
  };
}

/** `epsilon`: prints {epsilon, delta, order, accountant: "rdp", infinite} (plus a note when infinite). */
export const epsilonCommand: Command = {
  name: 'epsilon',
  summary: 'ε of DP-SGD (RDP accountant) for a noise multiplier, sampling rate, step count and δ.',
  flags: [
    { name: 'noise-multiplier', description: 'noise multiplier σ = noise std / clipping norm, ≥ 0' },
    ...SHARED_FLAGS,
  ],
  async run(flags) {
    const noiseMultiplier = numberFlag(flags, 'noise-multiplier', true);
    const shared = sharedValues(flags);
    const spent = withFlagErrors(() => computeEpsilon({ noiseMultiplier, ...shared }));
    if (spent.infinite) {
      // JSON has no Infinity; say so explicitly rather than let it become a bare null.
      return {
        epsilon: null,
        delta: spent.delta,
        order: null,
        accountant: spent.accountant,
        infinite: true,
        note:
          noiseMultiplier === 0
            ? 'epsilon is infinite: without noise (noise multiplier 0) DP-SGD gives no privacy guarantee'
            : 'epsilon is infinite: the noise multiplier is too small for the accountant to certify any guarantee',
      };
    }
    return {
      epsilon: spent.epsilon,
      delta: spent.delta,
      order: Number.isNaN(spent.order) ? null : spent.order,
      accountant: spent.accountant,
      infinite: false,
    };
  },
};

/** `noise`: prints {noiseMultiplier, epsilon, targetEpsilon, delta, sampleRate, steps, order, accountant}. */
export const noiseCommand: Command = {
  name: 'noise',
  summary: 'Smallest DP-SGD noise multiplier that meets a target ε (RDP accountant).',
  flags: [{ name: 'epsilon', description: 'target ε, > 0' }, ...SHARED_FLAGS],
  async run(flags) {
    const targetEpsilon = numberFlag(flags, 'epsilon', true);
    const shared = sharedValues(flags);
    const found = withFlagErrors(() => noiseForEpsilon({ targetEpsilon, ...shared }));
    return {
      noiseMultiplier: found.noiseMultiplier,
      epsilon: found.epsilon,
      targetEpsilon: found.targetEpsilon,
      delta: found.delta,
      sampleRate: found.sampleRate,
      steps: found.steps,
      order: found.order,
      accountant: found.accountant,
    };
  },
};
