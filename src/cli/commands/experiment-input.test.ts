/**
 * @fileoverview `experiment` with careless or hostile input: files that are missing, folders,
 * unreadable or too big are refused before they are read; `--scores` is checked before training;
 * config files with a byte-order mark or prototype keys; strict numbers; `--set` pairs that only
 * fit together; CSV files in other encodings. And through the real entry point: every user error
 * exits 2 with one line on stderr, training that diverges included.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFlags, UsageError } from '../args';
import { experimentCommand } from './experiment';
import { ConfigError } from '../../core/experiment/config';

let dir: string;
const at = (name: string) => join(dir, name);
const run = (argv: string[]) => experimentCommand.run(parseFlags(argv, experimentCommand.flags), () => {});

/** The UsageError `argv` fails with (fails the test on success or another error). */
async function usageError(argv: string[]): Promise<string> {
  const err = await run(argv).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UsageError);
  const message = (err as Error).message;
  expect(message).not.toContain('\n');
  return message;
}

/** A tiny, fast experiment (about a second on wasm). */
const TINY = {
  seed: 2,
  data: { name: 'purchases', n: 200 },
  split: { targetMembers: 50, shadowPool: 100 },
  model: { width: 8 },
  train: { epochs: 1 },
  attack: { shadows: 1, names: ['gap'] },
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mia-cli-input-'));
  writeFileSync(at('tiny.json'), JSON.stringify(TINY));
  mkdirSync(at('folder'));
  const rows = 'city,age,label\nZürich,34,yes\nGenève,41,no\nBern,29,no\nZürich,52,yes\n';
  writeFileSync(at('utf16.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rows, 'utf16le')]));
  writeFileSync(at('latin1.csv'), Buffer.from(rows, 'latin1'));
  writeFileSync(at('binary.csv'), Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 8, 0]));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('input files are checked before they are read', () => {
  it.each([
    [['--config', 'MISSING'], /^cannot read --config \S+missing\.json: no such file$/],
    [['--config', 'FOLDER'], /^cannot read --config \S+folder: it is a folder, not a file$/],
    [['--config', 'TINY', '--data', 'MISSING', '--label', 'x'], /^cannot read --data \S+missing\.json: no such file$/],
    [['--config', 'TINY', '--data', 'FOLDER', '--label', 'x'], /^cannot read --data \S+folder: it is a folder, not a file$/],
  ])('%j', async (argv, message) => {
    const paths: Record<string, string> = { MISSING: at('missing.json'), FOLDER: at('folder'), TINY: at('tiny.json') };
    expect(await usageError(argv.map((a) => paths[a] ?? a))).toMatch(message);
  });

  it('a 600 MB CSV is refused from its size, without reading it', async () => {
    const big = at('big.csv');
    writeFileSync(big, '');
    truncateSync(big, 600 * 1024 * 1024); // sparse: takes no disk
    const t0 = performance.now();
    expect(await usageError(['--config', at('tiny.json'), '--data', big, '--label', 'label'])).toBe(
      `--data ${big} is 600.0 MB; the limit is 20.0 MB`,
    );
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('a config file over 1 MB is refused', async () => {
    writeFileSync(at('huge.json'), `{"seed": 1, "pad": "${'x'.repeat(1.5 * 1024 * 1024)}"}`);
    expect(await usageError(['--config', at('huge.json')])).toMatch(/^--config \S+huge\.json is 1\.5 MB; the limit is 1\.0 MB$/);
  });

  it('an unreadable file is reported (root reads anything, so as root it is read)', async () => {
    const locked = at('locked.json');
    writeFileSync(locked, JSON.stringify({ train: { batchSize: -4 } }));
    chmodSync(locked, 0o000);
    const message = await usageError(['--config', locked]);
    if (process.getuid?.() === 0) expect(message).toMatch(/train\.batchSize must be an integer/);
    else expect(message).toBe(`cannot read --config ${locked}: permission denied`);
  });
});

describe('config files', () => {
  it('with a UTF-8 byte-order mark are read', async () => {
    writeFileSync(at('bom.json'), '\uFEFF' + JSON.stringify({ train: { batchSize: -4 } }));
    expect(await usageError(['--config', at('bom.json')])).toMatch(/^train\.batchSize must be an integer in 1\.\.4096, got -4\.$/);
  });

  it.each([
    ['{"__proto__":{"nullable":true},"train":{"epochs":null}}', 'The config may not contain the key "__proto__".'],
    ['{"constructor":{"prototype":{"x":1}}}', 'The config may not contain the key "constructor".'],
  ])('with %s are refused, naming the key, and pollute nothing', async (json, message) => {
    writeFileSync(at('evil.json'), json);
    expect(await usageError(['--config', at('evil.json')])).toBe(message);
    expect(({} as Record<string, unknown>).nullable).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('that are not an object are refused', async () => {
    writeFileSync(at('list.json'), '[1, 2]');
    expect(await usageError(['--config', at('list.json')])).toBe('The config must be a JSON object.');
  });
});

describe('numbers and --set', () => {
  it.each([
    [['--set', 'train.epochs=0x10'], 'train.epochs must be an integer in 1..500, got "0x10".'],
    [['--set', 'model.width=1e400'], 'model.width must be an integer in 1..1024, got "1e400".'],
    [['--set', 'seed=-0'], 'seed must be an integer in 0..2147483647, got "-0".'],
    [['--set', 'train.learningRate=NaN'], 'train.learningRate must be a number in (0, 10], got "NaN".'],
    [['--set', 'train.epochs= 5'], 'train.epochs must be an integer in 1..500, got " 5".'],
    [['--seed', '0x10'], 'flag --seed must be a number, got "0x10"'],
    [['--shadows', '0b101'], 'flag --shadows must be a number, got "0b101"'],
    [['--seed', 'Infinity'], 'flag --seed must be a number, got "Infinity"'],
  ])('%j is refused with the range', async (argv, message) => {
    expect(await usageError(['--config', at('tiny.json'), ...argv])).toBe(message);
  });

  it('pairs are validated together, whatever their order', async () => {
    const argv = ['--set', 'data.n=120', '--set', 'split.targetMembers=30', '--set', 'split.shadowPool=60'];
    // data.n=120 first does not fit the file's split (50 + 50 + 100) on its own.
    const out = (await run(['--config', at('tiny.json'), ...argv])) as { config: { data: { n: number }; split: unknown } };
    expect(out.config.data.n).toBe(120);
    expect(out.config.split).toEqual({ targetMembers: 30, shadowPool: 60, oneRunAudit: false });
  }, 60_000);

  it('--scores is checked before training: a missing folder or a folder as the file', async () => {
    for (const [path, message] of [
      [at('no/such/dir/s.json'), /^cannot write --scores \S+s\.json: the folder \S+dir does not exist$/],
      [at('folder'), /^cannot write --scores \S+folder: it is a folder; give a file name$/],
    ] as const) {
      const t0 = performance.now();
      expect(await usageError(['--config', at('tiny.json'), '--scores', path])).toMatch(message);
      expect(performance.now() - t0).toBeLessThan(1000);
    }
  });
});

describe('CSV files through the CLI read like the page reads them', () => {
  it('UTF-16 with a byte-order mark is decoded (4 rows), and a split too big for it is a config error', async () => {
    // Known only once the file is read, so it comes from the run as a ConfigError (main: exit 2).
    const err = await run(['--config', at('tiny.json'), '--data', at('utf16.csv'), '--label', 'label']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toBe('The split needs 200 rows (2 × split.targetMembers 50 + split.shadowPool 100) but the CSV has 4 rows.');
  });

  it.each([
    ['latin1.csv', 'This file is not UTF-8 (line 2); save it as UTF-8.'],
    ['binary.csv', 'This is not a text CSV file: it holds binary data (is it a spreadsheet or an archive?).'],
  ])('%s is refused with its reason', async (file, message) => {
    expect(await usageError(['--config', at('tiny.json'), '--data', at(file), '--label', 'label'])).toBe(`${at(file)}: ${message}`);
  });

  it('data.name=csv without --data says what to give', async () => {
    expect(await usageError(['--config', at('tiny.json'), '--set', 'data.name=csv'])).toBe('data.name is csv: give the file with --data FILE.csv --label COLUMN');
  });
});

describe('the real entry point', () => {
  /** Runs `npm run cli -- experiment …` as a user would. */
  const cli = (...argv: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'experiment', ...argv], { encoding: 'utf8', timeout: 120_000 });

  it.each([
    ['a polluting config', () => ['--config', at('evil.json')], /^error: The config may not contain the key "constructor"\.$/],
    ['a split too big for the CSV (exited 1 before)', () => ['--config', at('tiny.json'), '--data', at('utf16.csv'), '--label', 'label'], /^error: The split needs 200 rows/],
    ['a missing --data file', () => ['--config', at('tiny.json'), '--data', at('nope.csv'), '--label', 'label'], /^error: cannot read --data \S+nope\.csv: no such file$/],
    [
      'training that diverges',
      () => ['--config', at('tiny.json'), '--set', 'train.optimizer=sgd', '--set', 'train.learningRate=10', '--set', 'model.layers=3', '--set', 'model.width=256', '--set', 'train.epochs=5'],
      /^error: Training diverged at epoch [1-5] \(the loss is no longer a finite number\); lower train\.learningRate\.$/,
    ],
  ])('%s exits 2 with one line', (_, argv, message) => {
    const r = cli(...argv());
    expect(r.status, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('error:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  }, 120_000);
});
