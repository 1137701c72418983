/**
 * @fileoverview Which settings apply under the rest of the config (a width only for an MLP, ε only
 * with DP-SGD on). Shared by the playground's panel, which hides the others, and by embeds, which
 * keep a chosen control on screen but switch it off with the reason.
 */
import type { ExperimentConfig } from '../core/experiment/config';
import { attackField, ATTACKS } from '../core/attacks/registry';
import { defenseField } from '../core/defenses/registry';

/** Whether the field at `path` has an effect given the rest of `config`. Pure. */
export function fieldApplies(path: string, c: ExperimentConfig): boolean {
  if (path === 'model.layers' || path === 'model.activation') return c.model.type === 'mlp';
  if (path === 'model.filters') return c.model.type === 'cnn';
  const defense = defenseField(path);
  if (defense) return defense.applies?.(c) ?? true;
  if (path === 'api.topK') return c.api.output === 'top-k';
  if (path === 'api.decimals') return c.api.output === 'rounded';
  if (path === 'attack.references') return c.attack.names.some((n) => ATTACKS[n].usesReferenceModels);
  // An attack's own setting applies when that attack is chosen, unless its plugin says otherwise.
  const attack = attackField(path);
  if (attack) return attack.applies?.(c) ?? c.attack.names.includes(attack.owner);
  if (path === 'attack.knowsAugmentation') return c.train.augmentation !== 'none';
  if (c.data.name === 'csv' && (path === 'data.noise' || path === 'data.outliers' || path === 'data.classes')) return false;
  // Real data comes as published: no size, noise, outlier or class knobs.
  if (c.data.name === 'wdbc' && (path === 'data.n' || path === 'data.noise' || path === 'data.outliers' || path === 'data.classes')) return false;
  if (path === 'data.classes') return c.data.name === 'blobs' || c.data.name === 'purchases' || c.data.name === 'patients' || c.data.name === 'circles';
  return true;
}
