/**
 * @fileoverview `experiment`: run a preset or a config file end to end and print the results JSON
 * of the CLI's output contract (names and keys never change); `--scores` writes per-record attack scores.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from './types';
import { numberFlag, UsageError, type ParsedFlags } from '../args';
import { assertWritable, readInputFile } from '../files';
import { repeatCount, repeatSeeds } from './repeat';
import { summarizeRepeats } from '../../core/experiment/repeat';
import { initNodeBackend } from '../tf-node';
import { ConfigError, defaultConfig, mergeConfig, runExperiment, type ExperimentConfig, type ExperimentResult } from '../../engine/experiment/index';
import { presetConfig } from '../../lessons/presets';
import type { FieldString } from '../../core/experiment/config';
import { CSV_MAX_BYTES, CsvError, parseCsvBytes } from '../../core/data/csv';
import type { Dataset } from '../../core/data/types';

/** A config file larger than this is not a config (the full default config is about 1.5 KB). */
const CONFIG_MAX_BYTES = 1024 * 1024;

/**
 * The config the flags name: a preset, a config file over the defaults, or, with neither, the
 * playground's default experiment (defaultConfig(), the page's config before any URL setting).
 */
export async function loadConfig(flags: ParsedFlags): Promise<ExperimentConfig> {
  const { base, patch } = await configParts(flags);
  return mergeConfig(base, patch);
}

/**
 * The base config and the file's JSON patch, unmerged, so the run can lay the file and every
 * override over the base in one validated step.
 */
async function configParts(flags: ParsedFlags): Promise<{ base: ExperimentConfig; patch: unknown }> {
  const preset = flags.preset as string | undefined;
  const file = flags.config as string | undefined;
  if (preset && file) throw new UsageError('give at most one of --preset NAME or --config FILE.json');
  if (!preset && !file) return { base: defaultConfig(), patch: {} };
  if (preset) {
    try {
      return { base: presetConfig(preset), patch: {} };
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
  const bytes = await readInputFile('config', file!, CONFIG_MAX_BYTES);
  try {
    // A byte-order mark (Windows editors write one) is not part of the JSON.
    return { base: defaultConfig(), patch: JSON.parse(Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, '')) };
  } catch (err) {
    throw new UsageError(`cannot read --config ${file}: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** `--data`/`--seed`/`--shadows`/`--set` as field pairs, in the order they apply (a later pair wins). */
function overridePairs(flags: ParsedFlags, csv: boolean): FieldString[] {
  const pairs: FieldString[] = csv ? [['data.name', 'csv']] : [];
  // numberFlag refuses what is not a plain decimal number; the field checks the range.
  if (numberFlag(flags, 'seed') !== undefined) pairs.push(['seed', flags.seed as string]);
  if (numberFlag(flags, 'shadows') !== undefined) pairs.push(['attack.shadows', flags.shadows as string]);
  for (const pair of (flags.set as string[] | undefined) ?? []) {
    const eq = pair.indexOf('=');
    if (eq < 1) throw new UsageError(`--set needs FIELD=VALUE, got "${pair}"`);
    pairs.push([pair.slice(0, eq), pair.slice(eq + 1)]);
  }
  return pairs;
}

async function loadCsv(flags: ParsedFlags, log: (s: string) => void): Promise<Dataset | undefined> {
  const path = flags.data as string | undefined;
  if (!path) return undefined;
  const label = flags.label as string | undefined;
  if (!label) throw new UsageError('--data needs --label COLUMN (the column to predict)');
  // Stat first: a file over the cap is refused from its size, not read whole.
  const bytes = await readInputFile('data', path, CSV_MAX_BYTES);
  try {
    // The page reads files through the same decoder and parser (csv-decode.ts), so both agree.
    const parsed = parseCsvBytes(bytes, { labelColumn: label, name: path });
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
    attacks: r.attacks.map(({ scores: _s, ...rest }) => rest),
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
    { name: 'repeat', description: 'run N seeds (seed, seed+1, …) and add a "repeat" block with each figure\'s mean ± std' },
  ],
  async run(flags, log) {
    const { base, patch } = await configParts(flags);
    const pairs = overridePairs(flags, !!flags.data);
    // Before the CSV and long before training: a finished run must not be lost to an unwritable path.
    const repeat = repeatCount(flags);
    if (flags.scores) await assertWritable('scores', flags.scores as string);
    let config: ExperimentConfig;
    try {
      // The file and every override at once: their order never matters, only the result is checked.
      config = mergeConfig(base, patch, pairs);
    } catch (err) {
      if (err instanceof ConfigError) throw new UsageError(err.message);
      throw err;
    }
    const seeds = repeatSeeds(config.seed, repeat);
    const csv = await loadCsv(flags, log);
    if (config.data.name === 'csv' && !csv) throw new UsageError('data.name is csv: give the file with --data FILE.csv --label COLUMN');
    const backend = (flags.backend as string | undefined) ?? 'wasm';
    if (backend !== 'wasm' && backend !== 'cpu') throw new UsageError(`--backend must be cpu or wasm, got "${backend}"`);
    await initNodeBackend(backend);
    let lastLine = '';
    const results: ExperimentResult[] = [];
    for (const seed of seeds) {
      const prefix = repeat > 1 ? `seed ${seed} (${results.length + 1} of ${repeat}): ` : '';
      results.push(await runExperiment({ ...config, seed }, {
        csv,
        onProgress: (e) => {
          const line = `${prefix}${e.label} ${Math.round(e.fraction * 100)}%`;
          if (line !== lastLine) log((lastLine = line));
        },
      }));
    }
    const result = results[0];
    if (flags.scores) {
      const rows = Array.from(result.isMember, (member, index) => ({
        index,
        member: member === 1,
        scores: Object.fromEntries(result.attacks.map((a) => [a.name, a.scores[index]])),
      }));
      await writeFile(flags.scores as string, JSON.stringify(rows));
      log(`wrote ${rows.length} rows of scores to ${flags.scores as string}`);
    }
    return repeat > 1 ? { ...(resultJson(result) as object), repeat: summarizeRepeats(results) } : resultJson(result);
  },
};
