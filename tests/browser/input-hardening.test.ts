/**
 * @fileoverview Issue 15's input cases through the real page: CSV files in other encodings, with
 * tabs, or with a 5 MB header name (clipped in the menu, and quick), read exactly as the CLI reads
 * them; and training that diverges shows its message while the settings stay.
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
  tmp = mkdtempSync(join(tmpdir(), 'mia-input-'));
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** Chooses `path`; presses Load when the page offers it. Returns ms until Load or a refusal showed. */
async function upload(page: Page, path: string, loadName = basename(path)): Promise<number> {
  const t0 = Date.now();
  await page.locator('input[type="file"]').setInputFiles(path);
  const load = page.getByRole('button', { name: `Load ${loadName}`, exact: true });
  const refused = page.locator('.csv .error');
  await expect.poll(async () => (await load.count()) + (await refused.count()), { timeout: 30_000 }).toBeGreaterThan(0);
  const ms = Date.now() - t0;
  if (await load.count()) await load.click();
  return ms;
}

describe('CSV encodings and shapes through the page', () => {
  it('decodes UTF-16, refuses Latin-1 and binary with their reason, reads tabs, and clips a 5 MB header name', async () => {
    const page = await session.browser.context.newPage();
    const watch = watchPage(page, session.server.url);
    await page.goto(`${session.server.url}/?backend=wasm&train.epochs=7#/playground`);
    await page.locator('.chip[data-status="ready"]').waitFor({ timeout: 120_000 });
    await page.locator('#field-data-name').selectOption('csv');

    await upload(page, join(CORPUS, 'utf16le-bom.csv'));
    await expect.poll(() => page.getByTestId('csv-summary').textContent()).toMatch(/utf16le-bom\.csv: 4 rows, 4 features, 2 classes/);

    for (const [file, message] of [
      ['latin1.csv', 'latin1.csv: This file is not UTF-8 (line 3); save it as UTF-8.'],
      ['binary.csv', 'binary.csv: This is not a text CSV file: it holds binary data (is it a spreadsheet or an archive?).'],
    ]) {
      await upload(page, join(CORPUS, file));
      await expect.poll(() => page.locator('.csv .error').first().textContent()).toBe(message);
      expect(await page.locator('#field-train-epochs').inputValue()).toBe('7');
    }

    await upload(page, join(CORPUS, 'tabs.csv'));
    await expect.poll(() => page.getByTestId('csv-summary').textContent()).toMatch(/tabs\.csv: 4 rows, 2 features, 2 classes/);
    expect(await page.locator('.csv .warn').allTextContents()).toContain('The columns are separated by tabs, so the file was read as tab-separated.');

    const long = join(tmp, 'long-header.csv');
    const rows = Array.from({ length: 80 }, (_, i) => `${i % 9},${(i * 7) % 11},${i % 2 ? 'yes' : 'no'}`);
    writeFileSync(long, [`${'n'.repeat(5 * 1024 * 1024)},income,label`, ...rows].join('\n'));
    const ms = await upload(page, long);
    await expect.poll(() => page.getByTestId('csv-summary').textContent()).toMatch(/long-header\.csv: 80 rows, 2 features, 2 classes/);
    const options = await page.locator('.csv select option').allTextContents();
    expect(options).toEqual([`${'n'.repeat(59)}…`, 'income', 'label']);
    console.log(`5 MB header name: menu ready in ${ms} ms`);
    expect(ms).toBeLessThan(3000);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('training that diverges', () => {
  it('says so, and keeps the settings', async () => {
    const page = await session.browser.context.newPage();
    const query = 'backend=wasm&train.optimizer=sgd&train.learningRate=10&model.layers=3&model.width=256&train.epochs=3&attack.shadows=1&attack.names=gap';
    await page.goto(`${session.server.url}/?${query}#/playground`);
    await page.locator('.chip[data-status="ready"]').waitFor({ timeout: 120_000 });
    await page.getByTestId('run').click();
    await expect
      .poll(() => page.getByTestId('error').textContent(), { timeout: 120_000 })
      .toMatch(/^Training diverged at epoch [1-3] \(the loss is no longer a finite number\); lower train\.learningRate\.$/);
    expect(await page.locator('#field-train-learningRate').inputValue()).toBe('10');
    expect(await page.locator('#field-model-width').inputValue()).toBe('256');
    await page.close();
  });
});
