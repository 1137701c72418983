/**
 * @fileoverview Switching datasets keeps the model, training, defense and attack settings, but
 * resets what belongs to the old dataset (noise, classes, sizes) so the new one starts valid.
 */
import { DATASET_INFO, type DatasetName } from '../data/generate';
import { mergeConfig, type ExperimentConfig } from './config';

/** `config` with dataset `name` and a split sized to it. Throws ConfigError if it still clashes. */
export function switchDataset(config: ExperimentConfig, name: DatasetName): ExperimentConfig {
  const info = DATASET_INFO[name];
  const n = info.n.default;
  // Members, as many non-members, and a pool twice the members: 4 × members rows in all.
  const members = Math.min(1000, Math.floor(n / 4));
  const image = info.kind === 'image';
  return mergeConfig(config, {
    data: { name, n: null, noise: null, classes: null, features: null, outliers: 0 },
    split: { targetMembers: members, shadowPool: 2 * members },
    model: { type: image && config.model.type === 'cnn' ? 'cnn' : 'mlp' },
    train: { augmentation: !image && config.train.augmentation === 'shift' ? 'none' : config.train.augmentation },
  });
}
