/**
 * @fileoverview Dropout: a random share of hidden units is switched off at every training step,
 * so no single unit can carry one record. The trainers apply `TrainOptions.dropout`.
 */
import { num } from '../experiment/field-spec';
import type { Defense } from './types';

/** The config fields this defense owns. */
export interface DropoutSettings {
  readonly model: { readonly dropout: number };
}

export const dropout: Defense = {
  key: 'dropout',
  title: 'Dropout',
  fields: [
    {
      spec: { path: 'model.dropout', kind: num(0, 0.9), default: 0, help: 'Dropout rate on hidden units during training (defense).' },
      label: 'Dropout',
      slider: { min: 0, max: 0.8, step: 0.05 },
    },
  ],
  controls: ['model.dropout'],
  isOn: (c) => c.model.dropout > 0,
  trainOptions: (c, o) => ({ ...o, dropout: c.model.dropout }),
  sweep: [
    {
      key: 'dropout',
      label: 'Dropout (0.5)',
      short: 'Dropout',
      patch: { model: { dropout: 0.5 } },
      note: {
        name: 'Dropout',
        how: 'Switches off a random share of hidden units at every training step.',
        pros: 'Cheap and built into every framework; discourages memorizing single records.',
        cons: 'No guarantee; the effect on leakage is often modest.',
        bestFor: 'Wide networks that overfit.',
      },
    },
  ],
  reportLine: (c) => `dropout ${c.model.dropout}`,
  remedy: { step: 'add dropout (0.2–0.5)' },
  caveat: (c) =>
    c.model.dropout > 0 && c.model.type === 'mlp' && c.model.layers === 0
      ? 'Dropout does nothing here: with 0 hidden layers the model is a logistic regression, and dropout only silences hidden units. Add a hidden layer, or try L2 or DP-SGD.'
      : null,
};
