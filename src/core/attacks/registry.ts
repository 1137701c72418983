/**
 * @fileoverview The attacks, in the order results are reported. Each lives in its own file under
 * plugins/ (see plugin.ts); adding an attack is its file, one line in ATTACK_PLUGINS (and its
 * settings type in AttackSettings, when it has settings), and its test. The catalogue below (names,
 * titles, needs), the config type (config.ts), the schema rows of attack settings (schema.ts), the
 * controls (state/field-meta.ts, control-groups.ts, field-applies.ts) and the attack stage
 * (core/experiment/attack-stage.ts) all read this list.
 *
 * The names are part of the CLI's output contract (scripts read them), so they never change. The UI uses
 * `needs` to grey out attacks the chosen output API can't support, and the `uses*` flags to decide
 * which extra work (shadow models, reference models, perturbed queries, gradients) to schedule.
 */

import type { OutputApi } from './output-api';
import type { AttackField, AttackPlugin, AttackSettingPath, AttackVariantSettings } from './plugin';
import { gap } from './plugins/gap';
import { lossThreshold } from './plugins/loss-threshold';
import { confidenceThreshold } from './plugins/confidence-threshold';
import { entropyThreshold } from './plugins/entropy-threshold';
import { mentropyThreshold, type MentropySettings } from './plugins/mentropy-threshold';
import { shadowModel, type ShadowModelSettings } from './plugins/shadow-model';
import { liraOnline, type LiraSettings } from './plugins/lira-online';
import { liraOffline } from './plugins/lira-offline';
import { rmia, type RmiaSettings } from './plugins/rmia';
import { labelOnly, type LabelOnlySettings } from './plugins/label-only';
import { gradientNorm } from './plugins/gradient-norm';

export type { AttackVariantSettings } from './plugin';

/** Every attack, in the order results are reported. */
export const ATTACK_PLUGINS = [
  gap, lossThreshold, confidenceThreshold, entropyThreshold, mentropyThreshold, shadowModel, liraOnline, liraOffline, rmia, labelOnly, gradientNorm,
] as const;

export type AttackName = (typeof ATTACK_PLUGINS)[number]['name'];

/**
 * The config fields the attacks own, in registry order, merged into ExperimentConfig['attack']
 * (config.ts). tests/unit/attack-plugins.test.ts checks they are exactly the plugins' fields.
 */
export type AttackSettings = MentropySettings & ShadowModelSettings & LiraSettings & RmiaSettings & LabelOnlySettings;

/** The config path of every attack's own setting, as the plugins declare them (`attack.liraVariance`, ...). */
export type AttackFieldPath = NonNullable<(typeof ATTACK_PLUGINS)[number]['fields']>[number]['spec']['path'];

/** Every attack name, in the order results are reported. */
export const ATTACK_NAMES: readonly AttackName[] = ATTACK_PLUGINS.map((p) => p.name);

/** What one attack needs and how to describe it: its plugin without the settings and `run`. */
export type AttackInfo = Omit<AttackPlugin<AttackName>, 'fields' | 'variant' | 'run'>;

/** The plugin of each attack, keyed by name. */
export const ATTACK_PLUGIN: Readonly<Record<AttackName, AttackPlugin<AttackName>>> = Object.fromEntries(ATTACK_PLUGINS.map((p) => [p.name, p])) as Record<AttackName, AttackPlugin<AttackName>>;

/** The catalogue, keyed by name. */
export const ATTACKS: Readonly<Record<AttackName, AttackInfo>> = ATTACK_PLUGIN;

/** Every attack's own settings, in registry order (a field whose path AttackSettings lacks does not compile). */
export const ATTACK_FIELDS: readonly (AttackField<AttackSettingPath<AttackSettings>> & { readonly owner: AttackName })[] = ATTACK_PLUGINS.flatMap((p) => (p.fields ?? []).map((f) => ({ ...f, owner: p.name })));

/** The attack setting at `path`, or undefined when no single attack owns it (attack.names, attack.shadows, ...). */
export function attackField(path: string): (typeof ATTACK_FIELDS)[number] | undefined {
  return ATTACK_FIELDS.find((f) => f.spec.path === path);
}

/** True when `name` is one of ATTACK_NAMES. */
export function isAttackName(name: string): name is AttackName {
  return (ATTACK_NAMES as readonly string[]).includes(name);
}

/** Whether `name` can run against a target behind `api` (only 'label' APIs rule anything out). */
export function attackAvailable(name: AttackName, api: OutputApi): boolean {
  return ATTACKS[name].needs === 'label' || api.kind !== 'label';
}

/** The display title of an attack name, for the screen; an unknown name is shown as given. */
export function attackTitle(name: string, settings?: AttackVariantSettings): string {
  return isAttackName(name) ? attackInfo(name, settings).title : name;
}

/**
 * An attack's entry with its title, description and citation adjusted to the variant `settings`
 * choose, e.g. "Shadow-model attack (Shokri et al.)". Without settings: the default variants.
 * Returns a new object for a variant, the catalogue entry otherwise.
 */
export function attackInfo(name: AttackName, settings: AttackVariantSettings = {}): AttackInfo {
  const plugin = ATTACK_PLUGIN[name];
  return plugin.variant ? { ...plugin, ...plugin.variant(settings) } : plugin;
}
