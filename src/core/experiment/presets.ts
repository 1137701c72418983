/**
 * @fileoverview Named experiment presets. Each is a partial config laid over the defaults.
 */

export interface Preset {
  readonly name: string;
  readonly description: string;
}

/** Every preset, in display order. Filled in by the engine. */
export const PRESETS: readonly Preset[] = [];
