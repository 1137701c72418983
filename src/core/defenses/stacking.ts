/**
 * @fileoverview Model stacking, the defense of Salem et al. (ML-Leaks, NDSS 2019): the members are
 * split into `train.ensemble` + 1 disjoint parts. One first-level model trains on each of the first
 * parts; a second-level model (a logistic regression) learns to combine their probability vectors
 * on the last part, which none of them saw. No model sees a record at both levels, and each record
 * shapes only one model. The engine trains the second level (engine/experiment/stacking.ts);
 * everything else about the defense is here.
 */
import { bool } from '../experiment/field-spec';
import type { ExperimentConfig } from '../experiment/config';
import type { Defense } from './types';

/** The config fields this defense owns. */
export interface StackingSettings {
  readonly train: { readonly stacking: boolean };
}

/** How the target's models are combined: `models` first-level models, averaged or stacked. */
export interface EnsemblePlan {
  /** First-level models, each on its own disjoint part of the members. */
  readonly models: number;
  /** A second-level model on one more disjoint part combines them (else their outputs are averaged). */
  readonly stacked: boolean;
}

/** The plan `config` asks for. Pure. */
export function ensemblePlan(config: ExperimentConfig): EnsemblePlan {
  return { models: config.train.ensemble, stacked: config.train.stacking };
}

/** How many disjoint parts the members are split into: one per first-level model, plus the second level's. Pure. */
export function disjointParts(plan: EnsemblePlan): number {
  return plan.models + (plan.stacked ? 1 : 0);
}

/**
 * The second level's input for one row: the first-level probability vectors side by side
 * (`perModel[m]` is model m's n × classes output). Returns n × (models · classes). Pure.
 */
export function stackFeatures(perModel: readonly Float32Array[], n: number, classes: number): Float32Array {
  const width = perModel.length * classes;
  const out = new Float32Array(n * width);
  perModel.forEach((p, m) => {
    for (let i = 0; i < n; i++) for (let k = 0; k < classes; k++) out[i * width + m * classes + k] = Math.log(Math.max(p[i * classes + k], 1e-4));
  });
  return out;
}

export const stacking: Defense = {
  key: 'stacking',
  title: 'Model stacking',
  fields: [
    {
      spec: {
        path: 'train.stacking',
        kind: bool,
        default: false,
        help: 'Model stacking (Salem et al. 2019): train.ensemble first-level models on disjoint parts, combined by a second-level model trained on one more part none of them saw (defense).',
      },
      label: 'Model stacking',
      help: 'The training records are split into one part per model plus one more. A second-level model learns to combine the models’ outputs on that last part, so no model sees a record at both levels.',
    },
  ],
  controls: ['train.stacking'],
  isOn: (c) => c.train.stacking,
  problems: (c) =>
    c.train.stacking && c.train.ensemble + 1 > c.split.targetMembers / 10
      ? [`train.stacking with train.ensemble ${c.train.ensemble} splits the members into ${c.train.ensemble + 1} parts, fewer than 10 rows each; raise split.targetMembers.`]
      : [],
  sweep: [
    {
      key: 'stacking',
      label: 'Stacking: 4 models + a combiner',
      short: 'Stacking',
      patch: { train: { ensemble: 4, stacking: true } },
      note: {
        name: 'Model stacking',
        how: 'Trains several models on disjoint parts, and a second-level model on their outputs over a part none of them saw.',
        pros: 'No model sees a record at both levels; the combiner can weigh the models better than an average.',
        cons: 'Each model sees even less data than in a plain ensemble; more models to train and serve.',
        bestFor: 'Services that already run an ensemble and can spare a held-out part.',
      },
    },
  ],
  reportLine: (c) => `model stacking (a second-level model on a ${ordinal(c.train.ensemble + 1)} disjoint part)`,
};

function ordinal(k: number): string {
  return ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'][k - 1] ?? `${k}th`;
}
