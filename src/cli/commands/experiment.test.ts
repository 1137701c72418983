/**
 * @fileoverview The `experiment` command against the CLI's output contract: the JSON shape, `--scores`
 * rows, flags that override the config, CSV input, and one-line usage errors that name the field.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFlags, UsageError } from '../args';
import { experimentCommand } from './experiment';

let dir: string;
let configPath: string;

/** A small purchases run (~1–2 s on wasm). */
const SMALL = {
  seed: 3,
  data: { name: 'purchases', n: 800 },
  split: { targetMembers: 150, shadowPool: 300 },
  model: { width: 32 },
  train: { epochs: 8, batchSize: 64, learningRate: 0.001 },
  attack: { shadows: 2, references: 4, names: ['gap', 'loss-threshold', 'shadow-model', 'lira-online'] },
};

const lines: string[] = [];
const run = (argv: string[]) => experimentCommand.run(parseFlags(argv, experimentCommand.flags), (l) => lines.push(l));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mia-cli-'));
  configPath = join(dir, 'small.json');
  await writeFile(configPath, JSON.stringify(SMALL));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Json = Record<string, unknown>;

describe('experiment command', () => {
  let out: Json;
  let scoresPath: string;

  beforeAll(async () => {
    scoresPath = join(dir, 'scores.json');
    out = (await run(['--config', configPath, '--scores', scoresPath, '--set', 'train.epochs=10', '--shadows', '3'])) as Json;
  }, 60_000);

  it('prints the contract: config, backend, timingsMs, target, privacy, attacks', () => {
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['config', 'backend', 'timingsMs', 'target', 'privacy', 'attacks']));
    expect(out.backend).toBe('wasm');
    expect(out.privacy).toBeNull();
    const target = out.target as Json;
    for (const k of ['trainAccuracy', 'testAccuracy', 'trainLoss', 'testLoss']) expect(typeof target[k], k).toBe('number');
    const timings = out.timingsMs as Record<string, number>;
    for (const k of ['data', 'target', 'shadows', 'references', 'attacks', 'total']) expect(Number.isInteger(timings[k]), k).toBe(true);
  });

  it('reports every attack with the contract fields and TPR at the three FPRs', () => {
    const attacks = out.attacks as Json[];
    expect(attacks.map((a) => a.name)).toEqual(SMALL.attack.names);
    for (const a of attacks) {
      for (const k of ['auc', 'accuracy', 'balancedAccuracy', 'advantage']) {
        expect(a[k], `${String(a.name)}.${k}`).toBeGreaterThanOrEqual(0);
        expect(a[k], `${String(a.name)}.${k}`).toBeLessThanOrEqual(1);
      }
      expect(Object.keys(a.tprAtFpr as Json).sort()).toEqual(['0.001', '0.01', '0.1']);
      // Per-record arrays stay out of the summary.
      expect(a).not.toHaveProperty('scores');
      expect(a).not.toHaveProperty('rocLog');
    }
  });

  it('applies the config file, then --set and --shadows over it', () => {
    const config = out.config as { seed: number; train: { epochs: number }; attack: { shadows: number }; split: Json };
    expect(config.seed).toBe(3);
    expect(config.train.epochs).toBe(10);
    expect(config.attack.shadows).toBe(3);
    expect(config.split).toEqual({ ...SMALL.split, oneRunAudit: false });
  });

  it('is plain JSON that survives a round trip', () => {
    expect(JSON.parse(JSON.stringify(out))).toEqual(JSON.parse(JSON.stringify(out)));
    expect(JSON.stringify(out)).not.toMatch(/NaN/);
  });

  it('--scores writes one row per candidate with a score per attack', async () => {
    const rows = JSON.parse(await readFile(scoresPath, 'utf8')) as { index: number; member: boolean; scores: Record<string, number> }[];
    expect(rows).toHaveLength(300);
    expect(rows.filter((r) => r.member)).toHaveLength(150);
    rows.forEach((r, i) => expect(r.index).toBe(i));
    for (const r of rows) {
      expect(Object.keys(r.scores)).toEqual(SMALL.attack.names);
      for (const v of Object.values(r.scores)) expect(typeof v).toBe('number');
    }
    // Higher means "more likely a member": members score higher on average for the loss attack.
    const mean = (member: boolean) => {
      const s = rows.filter((r) => r.member === member).map((r) => r.scores['loss-threshold']);
      return s.reduce((a, b) => a + b, 0) / s.length;
    };
    expect(mean(true)).toBeGreaterThan(mean(false));
    expect(lines.some((l) => l.startsWith('wrote 300 rows'))).toBe(true);
  });

  it('reports DP accounting when DP is on', async () => {
    const dp = (await run(['--config', configPath, '--set', 'dp.enabled=true', '--set', 'dp.targetEpsilon=2', '--set', 'attack.names=gap'])) as Json;
    const privacy = dp.privacy as Json;
    expect(privacy.epsilon).toBeCloseTo(2, 1);
    expect(privacy.delta).toBe(1e-5);
    expect(privacy.noiseMultiplier).toBeGreaterThan(0);
  }, 60_000);

  it('trains on a CSV with --data and --label', async () => {
    const rows = ['age,score,kind'];
    for (let i = 0; i < 120; i++) rows.push(`${20 + (i % 50)},${((i * 37) % 100) / 10},${i % 3 === 0 ? 'a' : 'b'}`);
    const csvPath = join(dir, 'tiny.csv');
    await writeFile(csvPath, rows.join('\n'));
    const tinyConfig = join(dir, 'tiny.json');
    await writeFile(tinyConfig, JSON.stringify({ split: { targetMembers: 30, shadowPool: 40 }, train: { epochs: 3 }, attack: { shadows: 1, names: ['gap', 'loss-threshold'] } }));
    const result = (await run(['--config', tinyConfig, '--data', csvPath, '--label', 'kind'])) as Json;
    expect((result.config as { data: Json }).data.name).toBe('csv');
    expect(result.attacks as Json[]).toHaveLength(2);
  }, 60_000);
});

describe('experiment command errors', () => {
  it.each([
    [['--config', 'CONFIG', '--set', 'train.epochs=0'], /train\.epochs must be an integer in 1\.\.500, got "0"/],
    [['--config', 'CONFIG', '--set', 'train.epochz=3'], /Unknown config field "train\.epochz"/],
    [['--config', 'CONFIG', '--set', 'dp.enabled'], /--set needs FIELD=VALUE, got "dp\.enabled"/],
    [['--config', 'CONFIG', '--set', 'model.type=cnn'], /model\.type cnn needs an image dataset/],
    [['--config', 'CONFIG', '--seed', 'abc'], /flag --seed must be a number, got "abc"/],
    [['--config', 'CONFIG', '--backend', 'webgl'], /--backend must be cpu or wasm, got "webgl"/],
    [['--config', 'CONFIG', '--data', 'x.csv'], /--data needs --label/],
    [['--preset', 'overfit-purchases', '--config', 'CONFIG'], /at most one of --preset/],
    [['--config', '/nonexistent/c.json'], /cannot read --config \/nonexistent\/c\.json/],
  ])('%j fails with a one-line UsageError naming the problem', async (argv, message) => {
    const err = await run(argv.map((a) => (a === 'CONFIG' ? configPath : a))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain('\n');
  });

  it('a bad config file names the field', async () => {
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ train: { batchSize: -4 } }));
    const err = await run(['--config', bad]).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/train\.batchSize must be an integer in 1\.\.4096, got -4/);
  });
});
