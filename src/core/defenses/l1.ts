/**
 * @fileoverview L1 penalty: loss + λ₁·Σ|w| pushes weights to exactly zero, so the model keeps fewer
 * features to memorize with. The trainers apply `TrainOptions.l1`; this plugin only sets it.
 */
import { num } from '../experiment/field-spec';
import type { Defense } from './types';

/** The config fields this defense owns. */
export interface L1Settings {
  readonly train: { readonly l1: number };
}

export const l1: Defense = {
  key: 'l1',
  title: 'L1 penalty',
  fields: [
    {
      spec: { path: 'train.l1', kind: num(0, 1), default: 0, help: 'L1 penalty on weights (defense).' },
      label: 'L1 penalty',
      slider: { min: 0, max: 0.01, step: 0.0001 },
    },
  ],
  controls: ['train.l1'],
  isOn: (c) => c.train.l1 > 0,
  trainOptions: (c, o) => ({ ...o, l1: c.train.l1 }),
  sweep: [
    {
      key: 'l1',
      label: 'L1 penalty (λ₁ = 0.001)',
      short: 'L1',
      patch: { train: { l1: 0.001 } },
      note: {
        name: 'L1 penalty',
        how: 'Adds λ₁·Σ|w| to the loss, which drives many weights to exactly zero.',
        pros: 'One line of code; a sparser model has fewer weights to memorize records with.',
        cons: 'No guarantee; λ₁ needs tuning, and too much underfits.',
        bestFor: 'Wide inputs where few features matter.',
      },
    },
  ],
  reportLine: (c) => `L1 ${c.train.l1}`,
};
