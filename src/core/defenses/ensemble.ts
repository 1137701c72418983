/**
 * @fileoverview Disjoint ensemble: the members are split into `train.ensemble` disjoint parts, one
 * model trains on each, and their probabilities are averaged, so each record shapes only one of the
 * averaged models. The engine splits and averages (engine/experiment/predictors.ts).
 */
import { int } from '../experiment/field-spec';
import type { Defense } from './types';

/** The config fields this defense owns. */
export interface EnsembleSettings {
  readonly train: { readonly ensemble: number };
}

export const ensemble: Defense = {
  key: 'ensemble',
  title: 'Disjoint ensemble',
  fields: [
    {
      spec: { path: 'train.ensemble', kind: int(1, 8), default: 1, help: 'Models trained on disjoint parts of the data, with averaged outputs, or combined by a second-level model when train.stacking is on (defense).' },
      label: 'Ensemble size',
      help: 'How many models train on disjoint parts of the data. Their outputs are averaged, or combined by a second-level model when model stacking is on.',
    },
  ],
  controls: ['train.ensemble'],
  isOn: (c) => c.train.ensemble > 1,
  problems: (c) =>
    c.train.ensemble > c.split.targetMembers / 10 ? [`train.ensemble ${c.train.ensemble} leaves fewer than 10 rows per model; raise split.targetMembers.`] : [],
  sweep: [
    {
      key: 'ensemble',
      label: 'Disjoint ensemble of 4',
      short: 'Ensemble ×4',
      patch: { train: { ensemble: 4 } },
      note: {
        name: 'Disjoint ensemble',
        how: 'Trains several models on disjoint parts of the data and averages their outputs.',
        pros: 'Each record influences only one model, which dilutes its trace.',
        cons: 'Several models to train and serve; each sees less data.',
        bestFor: 'Services that can afford the extra serving cost.',
      },
    },
  ],
  reportLine: (c) => `disjoint ensemble of ${c.train.ensemble}`,
  remedy: { highGapSentence: 'A disjoint ensemble also cuts leakage if serving several models is affordable.' },
};
