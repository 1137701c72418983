/**
 * @fileoverview `experiment` with neither --preset nor --config runs exactly the playground's
 * default experiment: the config a fresh playground holds after reading a URL with no settings.
 */
import { describe, expect, it } from 'vitest';
import { parseFlags } from '../args';
import { experimentCommand, loadConfig } from './experiment';
import { Playground } from '../../state/playground.svelte';
import type { Engine } from '../../state/engine.svelte';
import { defaultConfig, validateConfig } from '../../core/experiment/config';

const flags = (argv: string[]) => parseFlags(argv, experimentCommand.flags);

describe("experiment's default config", () => {
  it("is the playground's default, field for field", async () => {
    // The playground never touches its engine until a run.
    const pg = new Playground({} as Engine);
    const before = pg.config;
    pg.loadFromUrl('');
    const cli = await loadConfig(flags([]));
    expect(cli).toEqual(before);
    expect(cli).toEqual(pg.config);
    expect(JSON.stringify(cli)).toBe(JSON.stringify(pg.config));
  });

  it('is a valid config, also with early stopping on (its validation rows fit the data)', () => {
    const c = defaultConfig();
    expect(validateConfig(c)).toEqual(c);
    expect(() => validateConfig({ ...c, train: { ...c.train, earlyStopping: true } })).not.toThrow();
  });
});
