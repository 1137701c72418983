/**
 * @fileoverview Early stopping: after each epoch the loss on the owner's validation records
 * (held out by split-sizes.ts, never trained on) decides whether to go on, and the best epoch's
 * weights are kept. The trainers run it from `TrainOptions.earlyStopping`.
 */
import { bool, int, num } from '../experiment/field-spec';
import type { Defense } from './types';

/** The config fields this defense owns. */
export interface EarlyStoppingSettings {
  readonly train: { readonly earlyStopping: boolean; readonly patience: number; readonly validationSplit: number };
}

export const earlyStopping: Defense = {
  key: 'early-stopping',
  title: 'Early stopping',
  fields: [
    {
      spec: { path: 'train.earlyStopping', kind: bool, default: false, help: 'Stop when held-out loss stops improving, and restore the best weights (defense).' },
      label: 'Early stopping',
    },
    {
      spec: { path: 'train.patience', kind: int(1, 100), default: 3, help: 'Epochs without improvement before early stopping.' },
      label: 'Early-stopping patience',
    },
    {
      spec: {
        path: 'train.validationSplit',
        kind: num(0.05, 0.5),
        default: 0.15,
        help: "Validation rows for early stopping, as a share of split.targetMembers: the owner's own held-out records, never trained on and never counted as members.",
      },
      label: 'Validation share',
    },
  ],
  controls: ['train.earlyStopping'],
  isOn: (c) => c.train.earlyStopping,
  trainOptions: (c, o) => ({ ...o, earlyStopping: { enabled: c.train.earlyStopping, patience: c.train.patience, restoreBest: true } }),
  sweep: [
    {
      key: 'early',
      label: 'Early stopping',
      short: 'Early stopping',
      patch: { train: { earlyStopping: true, patience: 3 } },
      note: {
        name: 'Early stopping',
        how: 'Watches the loss on a held-out split and keeps the weights from the best epoch.',
        pros: 'Saves training time and skips the phase where the model memorizes.',
        cons: 'Costs a validation split; no guarantee.',
        bestFor: 'Small datasets trained for many epochs.',
      },
    },
  ],
  reportLine: (c) => `early stopping (patience ${c.train.patience})`,
  remedy: { step: 'turn on early stopping' },
};
