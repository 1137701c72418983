/**
 * @fileoverview DP-SGD: each example's gradient is clipped to a norm C and Gaussian noise of std σ·C
 * is added to every step's sum, with examples drawn by Poisson sampling; the accountant turns σ,
 * the sampling rate and the steps into (ε, δ). recipe.ts solves σ for a target ε (privacyFor); the
 * trainers clip and add noise from `TrainOptions.dp`.
 */
import { bool, num } from '../experiment/field-spec';
import type { ExperimentConfig } from '../experiment/config';
import type { Defense } from './types';

/** The config fields this defense owns. */
export interface DpSgdSettings {
  readonly dp: {
    readonly enabled: boolean;
    readonly noiseMultiplier: number;
    readonly targetEpsilon: number | null;
    readonly clipNorm: number;
    readonly delta: number | null;
    readonly sampleRate: number | null;
  };
}

/** e^ε · 1% ≥ 100% from here on: the DP bound on TPR at 1% FPR allows every member to be found. */
export const VACUOUS_AT_1PCT_EPSILON = Math.log(100);

/**
 * Why DP-SGD refuses mixup. DP-SGD's ε assumes that removing one record removes at most one
 * clipped gradient (norm ≤ C) from a step. Mixup blends two records of the same Poisson batch into
 * one training row, so a record enters its own row and its partner's: removing it changes at least
 * two clipped rows, a sensitivity of at least 2C, and the ε shown would be too small. Noise and
 * shift augmentation transform one record at a time with randomness that does not depend on the
 * other records, so each clipped row still comes from exactly one record and the accounting holds.
 */
export const DP_MIXUP_PROBLEM =
  'dp.enabled cannot be combined with train.augmentation mixup: mixup blends two records into one training row, ' +
  'so one record reaches at least two clipped gradients (sensitivity ≥ 2 × dp.clipNorm) and the ε shown, which assumes ' +
  'one clipped gradient per record, would not hold. Turn one of them off (noise or shift augmentation work with DP-SGD).';

/** The DP settings other than the switch apply only with DP on; σ only when no target ε sets it. */
const withDp = (c: ExperimentConfig) => c.dp.enabled;

const note = (name: string, how: string, pros: string, cons: string, bestFor: string) => ({ name, how, pros, cons, bestFor });

export const dpSgd: Defense = {
  key: 'dp',
  title: 'DP-SGD',
  fields: [
    { spec: { path: 'dp.enabled', kind: bool, default: false, help: 'Train with DP-SGD: per-example clipping plus Gaussian noise.' }, label: 'DP-SGD' },
    {
      spec: { path: 'dp.noiseMultiplier', kind: num(0, 100), default: 1, help: 'Noise std as a multiple of the clip norm (ignored when targetEpsilon is set).' },
      label: 'Noise multiplier σ',
      help: 'How much Gaussian noise each training step adds, as a multiple of the clip norm. More noise: stronger privacy, lower accuracy.',
      slider: { min: 0, max: 10, step: 0.1 },
      applies: (c) => c.dp.enabled && c.dp.targetEpsilon === null,
    },
    {
      spec: { path: 'dp.targetEpsilon', kind: num(0, 1000, true), default: 2, nullable: true, help: 'Solve for the noise that reaches this ε (null: use noiseMultiplier).' },
      label: 'Target ε',
      help: 'The privacy budget ε to reach; the noise is set to meet it. Smaller ε: stronger privacy.',
      slider: { min: 0.5, max: 20, step: 0.5 },
      applies: withDp,
    },
    {
      spec: { path: 'dp.clipNorm', kind: num(0, 100, true), default: 1, help: "Each example's gradient is clipped to this L2 norm." },
      label: 'Clip norm C',
      slider: { min: 0.1, max: 5, step: 0.1 },
      applies: withDp,
    },
    {
      spec: { path: 'dp.delta', kind: num(0, 0.1, true), default: null, nullable: true, help: 'δ of the guarantee (null: the largest power of ten below 1/n, at most 1e-5).' },
      label: 'δ',
      applies: withDp,
    },
    {
      spec: { path: 'dp.sampleRate', kind: num(0, 1, true), default: null, nullable: true, help: 'Poisson sampling rate q (null: batch size / training rows).' },
      label: 'Sampling rate',
      applies: withDp,
    },
  ],
  controls: ['dp.enabled', 'dp.targetEpsilon', 'dp.noiseMultiplier', 'dp.clipNorm'],
  isOn: (c) => c.dp.enabled,
  trainOptions: (_c, o, dp) => ({ ...o, dp }),
  problems: (c) => (c.dp.enabled && c.train.augmentation === 'mixup' ? [DP_MIXUP_PROBLEM] : []),
  sweep: [
    {
      key: 'dp8',
      label: 'DP-SGD, ε = 8',
      short: 'DP ε=8',
      patch: { dp: { enabled: true, targetEpsilon: 8, clipNorm: 1 } },
      note: note(
        'DP-SGD, loose ε',
        'Clips each example\'s gradient and adds Gaussian noise at every step; ε accounts for the total.',
        'A provable bound on every attack, with the smallest accuracy cost of the DP settings.',
        'A loose bound at this ε; training is slower.',
        'A first guarantee where accuracy matters most.',
      ),
    },
    {
      key: 'dp2',
      label: 'DP-SGD, ε = 2',
      short: 'DP ε=2',
      patch: { dp: { enabled: true, targetEpsilon: 2, clipNorm: 1 } },
      note: note(
        'DP-SGD, moderate ε',
        'The same recipe with more noise, so each record can move the model less.',
        'A meaningful bound: few members can be singled out at low FPR.',
        'Costs accuracy on small datasets; σ and the clip norm need tuning.',
        'Sensitive data (health, finance) that needs a guarantee.',
      ),
    },
    {
      key: 'dp1',
      label: 'DP-SGD, ε = 1',
      short: 'DP ε=1',
      patch: { dp: { enabled: true, targetEpsilon: 1, clipNorm: 1 } },
      note: note(
        'DP-SGD, strict ε',
        'The same recipe with still more noise per step.',
        'The strongest guarantee of the sweep.',
        'The largest accuracy cost; may need more data or epochs to stay useful.',
        'Highly sensitive data and regulated settings.',
      ),
    },
  ],
  reportLine: (_c, { privacy: p, formatEpsilon }) =>
    p ? `DP-SGD (ε = ${formatEpsilon(p.epsilon)}, δ = ${p.delta}, σ = ${p.noiseMultiplier.toFixed(2)}, clip ${p.clipNorm})` : null,
  caveat: (c) => {
    if (!c.dp.enabled) return null;
    if (c.dp.targetEpsilon === null && c.dp.noiseMultiplier === 0) {
      return 'DP-SGD with noise multiplier 0 only clips gradients: without noise there is no guarantee (ε = ∞). Set a target ε instead.';
    }
    const eps = c.dp.targetEpsilon;
    if (eps !== null && eps >= VACUOUS_AT_1PCT_EPSILON) {
      return (
        `At ε = ${eps} the guarantee says nothing at a 1% false-positive rate: TPR ≤ e^ε × 1% is above 100%. ` +
        `Clipping and noise may still weaken the attack, but only ε below ${VACUOUS_AT_1PCT_EPSILON.toFixed(1)} limits it there.`
      );
    }
    return null;
  },
};
