/**
 * Walks through every lesson in headless Chromium: each prediction is made, each widget shows a
 * result (from the cache), each checkpoint is answered, one small widget trains live and replaces
 * its cached figure, and nothing logs an error or leaves the origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type LaunchedBrowser } from './support/chromium';
import { serveApp, type AppServer } from './support/server';
import { watchPage, type PageWatch } from './support/page-watch';
import { loadLessonsFromDisk } from '../../src/cli/commands/cache';
import type { Lesson } from '../../src/lessons/parse';

let server: AppServer;
let browser: LaunchedBrowser;
let page: Page;
let watch: PageWatch;
const { lessons } = loadLessonsFromDisk('lessons');

beforeAll(async () => {
  server = await serveApp();
  browser = await launchChromium();
  page = await browser.context.newPage();
  watch = watchPage(page, server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(hash: string): Promise<void> {
  await page.goto(`${server.url}/?backend=wasm${hash}`);
}

async function predictAll(lesson: Lesson): Promise<void> {
  for (const p of lesson.predictions) {
    const block = page.locator(`[data-testid="predict"][data-id="${p.id}"]`);
    await block.locator('input[type="radio"]').nth(p.answer ?? 0).check();
    await block.getByRole('button', { name: /Lock in my prediction/ }).click();
    await expect.poll(() => block.getAttribute('data-committed')).toBe('true');
  }
  // Numeric estimates lock their widget too: commit each at the slider's starting point.
  for (const e of lesson.estimates) {
    const block = page.locator(`[data-testid="estimate"][data-id="${e.id}"]`);
    await block.getByRole('button', { name: /Lock in my estimate/ }).click();
    await expect.poll(() => block.getAttribute('data-grade')).toMatch(/^(close|near|far)$/);
  }
}

async function answerAll(lesson: Lesson): Promise<void> {
  for (const c of lesson.checkpoints) {
    const block = page.locator(`[data-testid="checkpoint"][data-id="${c.id}"]`);
    const wrong = c.answer === 0 ? 1 : 0;
    await block.locator('button.option').nth(wrong).click();
    await expect.poll(() => block.getAttribute('data-correct')).toBe('false');
    await block.locator('button.option').nth(c.answer).click();
    await expect.poll(() => block.getAttribute('data-correct')).toBe('true');
  }
}

async function playSpecialWidgets(lesson: Lesson): Promise<void> {
  for (const w of lesson.widgets) {
    const el = page.locator(`[data-testid="widget"][data-id="${w.id}"]`);
    if (w.type === 'guessing-game') {
      const cards = el.getByTestId('game-cards').locator('li');
      await expect.poll(() => cards.count()).toBe(10);
      for (let i = 0; i < 10; i++) await cards.nth(i).getByRole('button', { name: 'Member', exact: true }).click();
      await el.getByTestId('game-reveal').click();
      await expect.poll(() => el.getByTestId('game-score').textContent()).toMatch(/You got \d+ of 10/);
    } else if (w.type === 'red-team') {
      await el.getByTestId('recon').click();
      await expect.poll(() => el.getByTestId('recon-answer').textContent()).toMatch(/3 of 20 class probabilities/);
      await el.getByTestId('use-cached').click();
      await el.getByTestId('report-attack').selectOption('lira-online');
      const row = el.locator('[data-testid="attacks-table"] tr', { hasText: 'LiRA (online)' });
      const auc = (await row.locator('td').nth(1).textContent())!.trim();
      // The cell reads "46% [38.9, 53.2]": the point value comes first, its 95% interval after it.
      const tpr = (await row.locator('td').nth(2).textContent())!.trim().split(/\s/)[0].replace('%', '');
      await el.getByTestId('report-auc').fill(auc);
      await el.getByTestId('report-tpr').fill(tpr);
      await el.getByTestId('report-reason').selectOption('tpr-low-fpr');
      await el.getByTestId('report-fpr').selectOption('0.01');
      await el.getByTestId('report-members').fill(String(Math.round((Number(tpr) / 100) * 200)));
      await el.getByTestId('report-defense').selectOption('dp');
      await el.getByTestId('report-submit').click();
      // The numbers, the reasoning (why, which FPR, how many members) and the defense all check out.
      await expect.poll(() => el.getByTestId('report-result').locator('li.ok').count()).toBe(7);
    } else if (w.type === 'api-menu') {
      await el.getByRole('radio', { name: 'Label only' }).click();
      await expect.poll(() => el.getByTestId('api-attacks').textContent()).toContain('cannot run');
    }
  }
}

describe('lessons', () => {
  it('lists eleven lessons with progress', async () => {
    await open('#/lessons');
    await expect.poll(() => page.locator('.lessons > li').count()).toBe(11);
    await expect.poll(() => page.getByTestId('course-progress').textContent()).toContain('0 of 11');
  });

  it('walks through every lesson: predictions, widgets from the cache, checkpoints', async () => {
    for (const lesson of lessons) {
      await open(`#/lessons/${lesson.slug}`);
      await expect.poll(() => page.locator('#lesson-title').textContent()).toBe(lesson.title);
      await predictAll(lesson);
      for (const w of lesson.widgets.filter((x) => x.preset && x.type !== 'epsilon-meter')) {
        const el = page.locator(`[data-testid="widget"][data-id="${w.id}"]`);
        await expect.poll(() => el.getAttribute('data-source'), { message: `${lesson.slug}#${w.id}`, timeout: 15_000 }).toBe('cached');
      }
      await playSpecialWidgets(lesson);
      await answerAll(lesson);
      await expect.poll(() => page.getByTestId('lesson-checkpoints').textContent()).toContain('lesson done');
      // Every computed number is filled in: no placeholder is left waiting.
      const pending = await page.locator('.ph').evaluateAll((els) => els.filter((e) => /^(…|–|\{\{)/.test(e.textContent ?? '')).map((e) => e.getAttribute('data-ph')));
      expect(pending, lesson.slug).toEqual([]);
      const href = await page.getByRole('link', { name: /Try this in the playground/ }).getAttribute('href');
      expect(href).toBe(`./?preset=${lesson.playground}#/playground`);
    }
    await open('#/lessons');
    await expect.poll(() => page.getByTestId('course-progress').textContent()).toContain('11 of 11');
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });

  it('trains one widget live and replaces the cached figure', async () => {
    await open('#/lessons/01-remembers');
    const w = page.locator('[data-testid="widget"][data-id="w1"]');
    await expect.poll(() => w.getAttribute('data-source')).toBe('cached');
    await w.locator('input[type="number"]').fill('3');
    await w.locator('input[type="number"]').dispatchEvent('change');
    await expect.poll(() => w.getByTestId('source-badge').textContent()).toContain('settings changed');
    await page.locator('.chip[data-status="ready"]').waitFor({ timeout: 120_000 });
    await w.getByTestId('run').click();
    await expect.poll(() => w.getAttribute('data-source'), { timeout: 120_000 }).toBe('live');
    await expect.poll(() => w.getByTestId('source-badge').textContent()).toBe('live run');
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });

  it('deep-links to a section and explains glossary terms on first use', async () => {
    await open('#/lessons/09-differential-privacy/the-bound-no-attack-can-cross');
    const heading = page.locator('#the-bound-no-attack-can-cross');
    await expect.poll(() => heading.evaluate((h) => Math.abs(h.getBoundingClientRect().top) < 200)).toBe(true);
    const term = page.locator('.gloss').first();
    await term.focus();
    await expect.poll(() => term.locator('.gloss-tip').isVisible()).toBe(true);
    await page.screenshot({ path: 'test-results/lessons-09.png' });
    expect(watch.consoleErrors).toEqual([]);
  });
});
