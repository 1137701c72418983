/**
 * @fileoverview The cheat sheet, reports and chart export in the built app (headless Chromium,
 * wasm): the tiny sweep (`?sweep=tiny`) fills every cell and is kept for the session; the
 * playground's Markdown, HTML and JSON reports carry the numbers the page shows, and the HTML
 * opens without a single request; a chart saves as a valid SVG and a 2× PNG.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { useAppSession } from './support/session';
import { watchPage } from './support/page-watch';
import { pngDimensions } from '../../src/components/charts/export';
import { CHEAT_SHEET_SWEEP } from '../../src/state/cheat-sheet-sweep';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const session = useAppSession();

beforeAll(() => {
  mkdirSync('test-results', { recursive: true });
});

/** As in playground.test.ts: a small overfitting setup that trains in a few seconds on wasm. */
const SMALL = 'data.n=1200&split.targetMembers=250&split.shadowPool=500&train.epochs=25&model.width=64&attack.shadows=2&attack.names=gap,loss-threshold,shadow-model';

async function open(query: string, hash: string): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.url}/?${query}${hash}`);
  await page.locator('.chip[data-status="ready"]').waitFor({ timeout: 120_000 });
  return page;
}

/** Clicks `target` and returns the download it starts, read as bytes. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer; download: Download }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path), download: d };
}

async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const api = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await api.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
  });
}

describe('the cheat sheet, live', () => {
  it('runs the tiny sweep to completion, fills every cell, draws the trade-off and keeps it for the session', async () => {
    const t0 = Date.now();
    const page = await open('backend=wasm&sweep=tiny', '#/cheatsheet');
    const watch = watchPage(page, session.server.url);
    const status = page.getByTestId('sweep-status');
    expect(await status.getAttribute('data-variant')).toBe('tiny');
    expect(await status.getAttribute('data-state')).toBe('empty');
    await page.getByTestId('run-sweep').click();
    await expect.poll(() => page.getByRole('progressbar').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 150_000, interval: 500 }).toBe('done');
    console.log(`tiny sweep finished in ${Date.now() - t0} ms`);

    const table = page.getByTestId('cheatsheet-table');
    const rows = table.locator('tbody tr');
    // One row with no defense, then each registered defense's rows (src/core/defenses).
    const steps = CHEAT_SHEET_SWEEP.steps.length;
    expect(steps).toBe(11);
    expect(await rows.count()).toBe(steps);
    const cells = await table.locator('tbody td').allTextContents();
    expect(cells).toHaveLength(steps * 8);
    for (const c of cells) expect(c.trim()).not.toMatch(/^$|…/);
    const measured = await table.locator('td[data-cell]').evaluateAll((tds) => tds.map((td) => [(td as HTMLElement).dataset.cell, td.textContent!.trim()]));
    for (const [cell, text] of measured) {
      if (cell === 'auc') expect(Number(text)).toBeGreaterThan(0.3);
      else if (cell === 'epsilon') expect(text).toMatch(/^(∞|\d+(\.\d+)?)$/);
      else expect(text).toMatch(/^\d+(\.\d+)?%$/);
    }
    const eps = await table.locator('tr[data-key^="dp"] td[data-cell="epsilon"]').allTextContents();
    expect(eps.map(Number)).toEqual([8, 2, 1]);

    const chart = page.locator('figure', { hasText: 'Privacy–utility trade-off' });
    await chart.waitFor();
    expect((await chart.locator('path.front, path[class*="front"]').first().getAttribute('d'))?.length).toBeGreaterThan(3);
    expect(await chart.locator('figcaption').textContent()).toContain('Pareto front');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/cheatsheet.png', fullPage: true });

    // The finished sweep is kept for the session: a reload shows it without measuring again.
    await page.reload();
    await page.locator('.chip[data-status="ready"]').waitFor({ timeout: 120_000 });
    expect(await status.getAttribute('data-state')).toBe('done');
    expect(await page.getByTestId('cheatsheet-table').locator('tbody td').allTextContents()).toEqual(cells);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });
});

describe('reports and chart export from the playground', () => {
  let page: Page;

  beforeAll(async () => {
    page = await open(`backend=wasm&${SMALL}`, '#/playground');
    await page.getByTestId('run').click();
    await page.locator('[data-testid="run-summary"][data-state="done"]').waitFor({ state: 'attached', timeout: 180_000 });
    await page.locator('[data-report="html"]').waitFor();
  });

  afterAll(async () => {
    await page?.close();
  });

  it('downloads Markdown, HTML and JSON reports that carry the numbers on the page', async () => {
    const summary = await page.getByTestId('run-summary').evaluate((el) => ({ ...(el as HTMLElement).dataset }));
    const tile = (name: string) => page.locator('.scoreboard li', { hasText: name }).locator('.value').textContent();
    const shown = { testAccuracy: (await tile('Utility'))!.trim(), tprAt1: (await tile('TPR @ 1% FPR'))!.trim(), auc: Number(summary.auc).toFixed(3) };
    expect(shown.testAccuracy).toMatch(/%$/);

    const md = await download(page, () => page.locator('[data-report="markdown"]').click());
    const html = await download(page, () => page.locator('[data-report="html"]').click());
    const json = await download(page, () => page.locator('[data-report="json"]').click());
    expect(md.name).toBe('mia-report-patients-seed1.md');
    expect(html.name).toBe('mia-report-patients-seed1.html');
    expect(json.name).toBe('mia-report-patients-seed1.json');

    for (const text of [md.bytes.toString('utf8'), html.bytes.toString('utf8')]) {
      expect(text).toContain(shown.testAccuracy);
      expect(text).toContain(shown.tprAt1);
      expect(text).toContain(shown.auc);
      expect(text).toContain('determined membership with');
      expect(text).toContain('Threat model');
      expect(text).toContain('Recommendations');
    }
    const doc = JSON.parse(json.bytes.toString('utf8'));
    const featured = doc.result.attacks.find((a: { name: string }) => a.name === summary.attack);
    expect(featured.auc).toBeCloseTo(Number(summary.auc), 12);
    expect(doc.result.target.testAccuracy).toBeCloseTo(Number(summary.testAccuracy), 12);
    expect(Array.isArray(doc.result.isMember)).toBe(true);
    expect(doc.result.isMember).toHaveLength(500);

    // The HTML report opens on its own, loads nothing, and shows its two figures.
    const report = await session.browser.context.newPage();
    const requests: string[] = [];
    report.on('request', (r) => requests.push(r.url()));
    // Saved under its own name: the download's temporary file has no .html extension.
    await html.download.saveAs('test-results/report.html');
    await report.goto(`file://${process.cwd()}/test-results/report.html`);
    expect(await report.locator('svg[role="img"]').count()).toBe(2);
    expect(await report.locator('h1').textContent()).toContain('Membership inference audit');
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    await report.screenshot({ path: 'test-results/report-html.png', fullPage: true });
    await report.close();
  });

  it('saves the ROC chart as a standalone SVG and a 2× PNG', async () => {
    const roc = page.locator('.chart', { hasText: 'ROC: members caught' });
    const svg = await download(page, () => roc.locator('[data-export="svg"]').click());
    const png = await download(page, () => roc.locator('[data-export="png"]').click());
    expect(svg.name).toBe('roc-members-caught-vs-non-members-falsely-flagged.svg');
    const text = svg.bytes.toString('utf8');
    expect(text).toMatch(/^<\?xml[^>]*>\s*<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(text).not.toContain('var(--');
    expect(text).toContain('<title>ROC: members caught');
    expect(text).toContain('Shadow-model attack');
    // Well-formed, and it draws: the browser parses it and renders it as an image.
    const check = await page.evaluate(async (source) => {
      const parsed = new DOMParser().parseFromString(source, 'image/svg+xml');
      const img = new Image();
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
      await img.decode();
      return { error: parsed.querySelector('parsererror')?.textContent ?? null, width: img.naturalWidth, paths: parsed.querySelectorAll('path').length };
    }, text);
    expect(check.error).toBeNull();
    expect(check.paths).toBeGreaterThan(3);
    const width = Number(/<svg [^>]*width="(\d+)"/.exec(text)![1]);
    expect(check.width).toBe(width);
    expect(png.name).toMatch(/\.png$/);
    expect(pngDimensions(new Uint8Array(png.bytes))?.width).toBe(2 * width);
  });
});
