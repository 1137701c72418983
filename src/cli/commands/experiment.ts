/**
 * @fileoverview `experiment`: run a preset or a config file end to end and print the results JSON
 * of the CLI contract (DESIGN.md); `--scores` writes per-record attack scores.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from './types';
import { numberFlag, UsageError, type ParsedFlags } from '../args';
import { initNodeBackend } from '../tf-node';
import { ConfigError, defaultConfig, mergeConfig, presetConfig, runExperiment, withField, type ExperimentConfig, type ExperimentResult } from '../../core/experiment/index';
import { CsvError, parseCsv } from '../../core/data/csv';
import type { Dataset } from '../../core/data/types';

/**
 * The config the flags name: a preset, a config file over the defaults, or, with neither, the
 * playground's default experiment (defaultConfig(), the page's config before any URL setting).
 */
export async function loadConfig(flags: ParsedFlags): Promise<ExperimentConfig> {
  const preset = flags.preset as string | undefined;
  const file = flags.config as string | undefined;
  if (preset && file) throw new UsageError('give at most one of --preset NAME or --config FILE.json');
  if (!preset && !file) return defaultConfig();
  if (preset) {
    try {
      return presetConfig(preset);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file!, 'utf8'));
  } catch (err) {
    throw new UsageError(`cannot read --config ${file}: ${(err as Error).message}`);
  }
  return mergeConfig(defaultConfig(), json);
}

async function loadCsv(flags: ParsedFlags, log: (s: string) => void): Promise<Dataset | undefined> {
  const path = flags.data as string | undefined;
  if (!path) return undefined;
  const label = flags.label as string | undefined;
  if (!label) throw new UsageError('--data needs --label COLUMN (the column to predict)');
  try {
    const parsed = parseCsv(await readFile(path, 'utf8'), { labelColumn: label, name: path });
    parsed.warnings.forEach((w) => log(`warning: ${w}`));
    return parsed.dataset;
  } catch (err) {
    if (err instanceof CsvError) throw new UsageError(`${path}: ${err.message}`);
    throw err;
  }
}

/** The contract's JSON: per-attack numbers without the per-record arrays. */
export function resultJson(r: ExperimentResult): unknown {
  return {
    config: r.config,
    backend: r.backend,
    timingsMs: Object.fromEntries(Object.entries(r.timingsMs).map(([k, v]) => [k, Math.round(v)])),
    target: r.target,
    privacy: r.privacy && { ...r.privacy, epsilon: Number.isFinite(r.privacy.epsilon) ? r.privacy.epsilon : null },
    attacks: r.attacks.map(({ scores: _s, rocLog: _r, ...rest }) => rest),
    unavailable: r.unavailable,
  };
}

export const experimentCommand: Command = {
  name: 'experiment',
  summary: 'Train the target, shadow and reference models, run the attacks, print the results.',
  flags: [
    { name: 'preset', description: "a preset name (see `presets`); with neither --preset nor --config, the playground's default" },
    { name: 'config', description: 'a JSON config file (partial configs take defaults)' },
    { name: 'data', description: 'a CSV file to use as the dataset' },
    { name: 'label', description: 'the CSV column to predict' },
    { name: 'backend', description: 'cpu or wasm (default wasm)' },
    { name: 'seed', description: 'the seed (overrides the config)' },
    { name: 'shadows', description: 'the number of shadow models' },
    { name: 'set', description: 'FIELD=VALUE, e.g. dp.enabled=true (repeatable)', repeatable: true },
    { name: 'scores', description: 'write per-record attack scores to this JSON file' },
  ],
  async run(flags, log) {
    let config = await loadConfig(flags);
    const csv = await loadCsv(flags, log);
    try {
      if (csv) config = withField(config, 'data.name', 'csv');
      const seed = numberFlag(flags, 'seed');
      if (seed !== undefined) config = withField(config, 'seed', String(seed));
      const shadows = numberFlag(flags, 'shadows');
      if (shadows !== undefined) config = withField(config, 'attack.shadows', String(shadows));
      for (const pair of (flags.set as string[] | undefined) ?? []) {
        const eq = pair.indexOf('=');
        if (eq < 1) throw new UsageError(`--set needs FIELD=VALUE, got "${pair}"`);
        config = withField(config, pair.slice(0, eq), pair.slice(eq + 1));
      }
    } catch (err) {
      if (err instanceof ConfigError) throw new UsageError(err.message);
      throw err;
    }
    const backend = (flags.backend as string | undefined) ?? 'wasm';
    if (backend !== 'wasm' && backend !== 'cpu') throw new UsageError(`--backend must be cpu or wasm, got "${backend}"`);
    await initNodeBackend(backend);
    let lastLine = '';
    const result = await runExperiment(config, {
      csv,
      onProgress: (e) => {
        const line = `${e.label} ${Math.round(e.fraction * 100)}%`;
        if (line !== lastLine) log((lastLine = line));
      },
    });
    if (flags.scores) {
      const rows = Array.from(result.isMember, (member, index) => ({
        index,
        member: member === 1,
        scores: Object.fromEntries(result.attacks.map((a) => [a.name, a.scores[index]])),
      }));
      await writeFile(flags.scores as string, JSON.stringify(rows));
      log(`wrote ${rows.length} rows of scores to ${flags.scores as string}`);
    }
    return resultJson(result);
  },
};
