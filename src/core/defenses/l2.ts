/**
 * @fileoverview L2 penalty (weight decay): loss + λ·Σw² keeps weights small and the fit smooth.
 * The trainers apply `TrainOptions.l2`; this plugin only sets it.
 */
import { num } from '../experiment/field-spec';
import type { Defense } from './types';

/** The config fields this defense owns. */
export interface L2Settings {
  readonly train: { readonly l2: number };
}

export const l2: Defense = {
  key: 'l2',
  title: 'L2 penalty',
  fields: [
    {
      spec: { path: 'train.l2', kind: num(0, 1), default: 0, help: 'L2 penalty on weights (defense).' },
      label: 'L2 penalty',
      slider: { min: 0, max: 0.05, step: 0.0005 },
    },
  ],
  controls: ['train.l2'],
  isOn: (c) => c.train.l2 > 0,
  trainOptions: (c, o) => ({ ...o, l2: c.train.l2 }),
  sweep: [
    {
      key: 'l2',
      label: 'L2 penalty (λ = 0.01)',
      short: 'L2',
      patch: { train: { l2: 0.01 } },
      note: {
        name: 'L2 penalty',
        how: 'Adds λ·‖θ‖² to the loss so weights stay small and the fit stays smooth.',
        pros: 'One line of code; often improves test accuracy as well.',
        cons: 'No guarantee; λ needs tuning, and too much underfits.',
        bestFor: 'Every model, as a default.',
      },
    },
  ],
  reportLine: (c) => `L2 ${c.train.l2}`,
  remedy: { step: 'add an L2 penalty (e.g. 0.001–0.01)' },
};
