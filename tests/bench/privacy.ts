/**
 * @fileoverview Accountant figures: the RDP accountant must stay instant even for long runs, since
 * the UI recomputes ε on every slider move.
 */
import { computeEpsilon, noiseForEpsilon } from '../../src/core/privacy/index';
import { atMost, now, type Measure } from './figure';

/** The fastest of `reps` calls of `fn`, in ms (the machine is shared; others only add time). */
function fastest(fn: () => unknown, reps = 5): number {
  let best = Infinity;
  for (let r = 0; r < reps; r++) {
    const t0 = now();
    fn();
    best = Math.min(best, now() - t0);
  }
  return best;
}

const accountant: Measure = {
  name: 'ε accountant, 1e6 steps',
  async run() {
    const params = { sampleRate: 0.001, steps: 1_000_000, delta: 1e-6 };
    const epsMs = fastest(() => computeEpsilon({ noiseMultiplier: 1.1, ...params }));
    const solveMs = fastest(() => noiseForEpsilon({ targetEpsilon: 3, ...params }));
    return [
      atMost('accountant.epsilon1e6StepsMs', epsMs, 'ms', 20),
      atMost('accountant.noiseForEpsilon1e6StepsMs', solveMs, 'ms', 200),
    ];
  },
};

export const PRIVACY_MEASURES: readonly Measure[] = [accountant];
