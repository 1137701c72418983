/**
 * @fileoverview Bad input through the real UI: CSV files from the corpus (and a 50 MB and a
 * 10,000-column file written at test time) chosen with the file input, each answered with its own
 * message while the settings stay; and links with garbage, out-of-range values and injected HTML,
 * answered with a message, the defaults, and nothing injected into the page.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppSession } from './support/session';
import { watchPage } from './support/page-watch';

const CORPUS = join(import.meta.dirname, '../fixtures/csv-corpus');

const session = useAppSession();
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'mia-csv-'));
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** Chooses `path` in the CSV file input and, if the page offers it, presses Load. */
async function upload(page: Page, path: string): Promise<void> {
  const name = basename(path);
  await page.locator('input[type="file"]').setInputFiles(path);
  const load = page.getByRole('button', { name: `Load ${name}`, exact: true });
  // The header is read on the page; a file without one (or too big) is refused before Load appears.
  const refused = page.locator('.csv .error', { hasText: name });
  await expect.poll(async () => (await load.count()) + (await refused.count()), { timeout: 30_000 }).toBeGreaterThan(0);
  if (await load.count()) await load.click();
}

/** Waits until the CSV messages shown (the page's own check or the worker's) match `expected`. */
async function expectCsvMessage(page: Page, expected: RegExp): Promise<void> {
  await expect.poll(async () => (await page.locator('.csv [role="alert"]').allTextContents()).join(' '), { timeout: 60_000 }).toMatch(expected);
}

describe('CSV files through the playground UI', () => {
  it('each bad file gets its message, and the settings and the loaded data stay', async () => {
    const t0 = Date.now();
    const page = await session.browser.context.newPage();
    const watch = watchPage(page, session.server.url);
    await page.goto(`${session.server.url}/?backend=wasm&train.epochs=7&attack.shadows=1&attack.names=gap,loss-threshold#/playground`);
    await page.locator('.chip[data-status="ready"]').waitFor({ timeout: 120_000 });
    await page.locator('#field-data-name').selectOption('csv');

    const big = join(tmp, 'big.csv');
    const row = '0.123456,0.654321,0.5,0.25,0.125,yes\n';
    writeFileSync(big, 'a,b,c,d,e,label\n' + row.repeat(Math.ceil((50 * 1024 * 1024) / row.length)));
    const wide = join(tmp, 'wide.csv');
    const names = Array.from({ length: 9_999 }, (_, j) => `f${j}`);
    writeFileSync(wide, [[...names, 'label'].join(','), [...names.map(() => '1'), 'yes'].join(','), [...names.map(() => '2'), 'no'].join(',')].join('\n'));
    const good = join(tmp, 'good.csv');
    writeFileSync(good, ['x1,x2,label', ...Array.from({ length: 240 }, (_, i) => `${(i * 37) % 100},${(i * 11) % 50},${i % 3 === 0 ? 'yes' : 'no'}`)].join('\n'));

    const cases: [string, RegExp][] = [
      [join(CORPUS, 'empty.csv'), /empty\.csv: The file is empty\./],
      [join(CORPUS, 'ragged-rows.csv'), /Line 3 has 2 fields but the header has 3\. \(line 3\)/],
      [join(CORPUS, 'non-numeric.csv'), /Line 4, column "income" \(column 2\): "abc" is not a number\./],
      [join(CORPUS, 'nan.csv'), /"NaN" is not a finite number/],
      [join(CORPUS, 'huge-numbers.csv'), /1e300 is larger than 1e15/],
      [join(CORPUS, 'duplicate-headers.csv'), /the column name "age" appears twice/],
      [join(CORPUS, 'one-class.csv'), /only one class \("yes"\); a classifier needs at least two/],
      [join(CORPUS, 'unclosed-quote.csv'), /a quoted field is never closed/],
      [big, /big\.csv is 50\.0 MB; the limit is 20 MB/],
      [wide, /The header has 10,000 columns; the limit is 1,000\./],
    ];
    for (const [file, message] of cases) {
      await upload(page, file);
      await expectCsvMessage(page, message);
      expect(await page.locator('#field-train-epochs').inputValue()).toBe('7');
      expect(await page.locator('#field-data-name').inputValue()).toBe('csv');
    }

    // Files that parse: a BOM, semicolons with decimal commas (with its warning), quoted newlines.
    await upload(page, join(CORPUS, 'semicolons.csv'));
    await expect.poll(() => page.getByTestId('csv-summary').textContent()).toMatch(/semicolons\.csv: 4 rows, 2 features, 2 classes/);
    expect(await page.locator('.csv .warn').first().textContent()).toMatch(/separated by semicolons/);
    await upload(page, join(CORPUS, 'quoted-newlines.csv'));
    await expect.poll(() => page.getByTestId('csv-summary').textContent()).toMatch(/quoted-newlines\.csv: 4 rows/);

    // A usable file, then a bad one: the message shows and the good data stays loaded and runs.
    await upload(page, good);
    await expect.poll(() => page.getByTestId('csv-summary').textContent()).toMatch(/good\.csv: 240 rows, 2 features, 2 classes/);
    await upload(page, join(CORPUS, 'one-class.csv'));
    await expectCsvMessage(page, /only one class/);
    expect(await page.getByTestId('csv-summary').textContent()).toMatch(/good\.csv/);
    await page.getByTestId('run').click();
    await expect.poll(() => page.getByTestId('run-summary').getAttribute('data-state'), { timeout: 120_000 }).toBe('done');
    expect(await page.locator('#field-train-epochs').inputValue()).toBe('7');
    expect(watch.consoleErrors).toEqual([]);
    console.log(`CSV uploads: ${Date.now() - t0} ms`);
    await page.close();
  });
});

describe('links with bad settings', () => {
  it('show a message, use the defaults and inject nothing', async () => {
    const page = await session.browser.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const inject = '<img src=x onerror="window.__pwned=1">';
    const params = new URLSearchParams({
      backend: 'wasm',
      'train.epochs': 'abc',
      'model.width': '1e400',
      'model.dropout': '-0.5',
      'data.name': inject,
      'attack.names': 'gap,<b id="injected">bold</b>',
      seed: '9'.repeat(400),
      [`<svg onload="window.__pwned=2">`]: '1',
    });
    await page.goto(`${session.server.url}/?${params}#/playground`);
    await page.locator('.chip[data-status="ready"]').waitFor({ timeout: 120_000 });
    const alert = page.getByRole('alert').filter({ hasText: 'were not used' });
    const text = (await alert.textContent()) ?? '';
    for (const field of ['train.epochs', 'model.width', 'model.dropout', 'data.name', 'attack.names', 'seed']) expect(text).toContain(field);
    expect(text).toContain('unknown setting');
    // The injected markup shows as text, never as elements.
    expect(text).toContain('<img');
    expect(await page.locator('img[src="x"], svg[onload], #injected').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    // The defaults are used.
    expect(await page.locator('#field-train-epochs').inputValue()).toBe('40');
    expect(await page.locator('#field-model-width').inputValue()).toBe('128');
    expect(await page.locator('#field-data-name').inputValue()).toBe('patients');

    // A settings combination that does not fit together falls back to the defaults with a message.
    await page.goto(`${session.server.url}/?backend=wasm&model.width=1024&model.layers=3&attack.shadows=64&attack.references=128&train.ensemble=8#/playground`);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/did not fit together .*the limit is 1\.0 GB.*so the defaults are used/);
    expect(await page.locator('#field-model-width').inputValue()).toBe('128');

    // A hash route with markup falls back to the lessons.
    await page.goto(`${session.server.url}/#/${encodeURIComponent(inject)}`);
    await expect.poll(() => page.locator('h1').first().textContent()).toBeTruthy();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });
});
