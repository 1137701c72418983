/**
 * @fileoverview Accessibility in the built app, in headless Chromium: axe-core finds no serious or
 * critical violation on any route (lessons, every lesson page, the playground before and after a
 * run, with its data tables open, in the dark theme), every playground control is reached with
 * Tab and a select, a slider and the Run button work from the keyboard, every chart has a summary
 * and a data table on demand, and prefers-reduced-motion turns animation off.
 *
 * axe is injected with page.evaluate (DevTools evaluation), since the page's CSP rightly blocks
 * inline script tags.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppSession } from './support/session';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const session = useAppSession();

const TINY = 'backend=wasm&preset=moons-2d&data.n=200&split.targetMembers=40&split.shadowPool=80&train.epochs=5&attack.shadows=1&attack.names=gap,loss-threshold,shadow-model';

interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: string[];
}

/** Runs axe on the page as it is now; returns every violation (any impact). */
async function axe(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const api = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: any[] }> } }).axe;
    const result = await api.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id as string,
      impact: v.impact as string | null,
      help: v.help as string,
      nodes: (v.nodes as { target: string[]; failureSummary?: string }[]).slice(0, 4).map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
    }));
  });
}

/** Checks a page state: prints every violation, fails on serious and critical ones. */
async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await axe(page);
  for (const v of violations) console.log(`[${where}] ${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.join('\n    ')}`);
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${v.id} (${v.impact}): ${v.nodes[0]}`), where).toEqual([]);
}

async function waitReady(page: Page): Promise<void> {
  await page.locator('.chip[data-status="ready"]').waitFor({ timeout: 120_000 });
}

async function runAndWait(page: Page): Promise<void> {
  const summary = page.getByTestId('run-summary');
  await page.getByTestId('run').click();
  await expect.poll(() => summary.getAttribute('data-state'), { timeout: 120_000 }).toBe('done');
  await page.getByTestId('run').waitFor({ timeout: 60_000 });
}

/** Expands every chart's data table (keyboard: Enter on each "Show data" button). */
async function openAllTables(page: Page): Promise<number> {
  const buttons = page.getByRole('button', { name: 'Show data' });
  const count = await buttons.count();
  for (let i = 0; i < count; i++) {
    await buttons.first().focus();
    await page.keyboard.press('Enter');
  }
  return count;
}

describe('axe-core on every route', () => {
  it('the lessons index and every lesson page', async () => {
    const t0 = Date.now();
    const page = await session.browser.context.newPage();
    await page.goto(`${session.server.url}/?backend=wasm#/lessons`);
    await page.locator('h1').first().waitFor();
    await expectAccessible(page, '#/lessons');
    const lessons = await page.locator('main a[href^="#/lessons/"]').evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')!))]);
    expect(lessons.length).toBeGreaterThan(0);
    for (const href of lessons) {
      await page.goto(`${session.server.url}/?backend=wasm${href}`);
      await expect.poll(() => page.locator('main h1').count(), { timeout: 30_000 }).toBeGreaterThan(0);
      // Let the lesson's cached figures render before checking.
      await page.waitForTimeout(500);
      await expectAccessible(page, href);
    }
    console.log(`lessons: ${lessons.length} pages in ${Date.now() - t0} ms`);
    await page.close();
  });

  it('the other top-level routes', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(`${session.server.url}/?backend=wasm#/lessons`);
    const routes = await page.locator('header nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    for (const href of routes.filter((h) => h !== '#/lessons' && h !== '#/playground')) {
      await page.goto(`${session.server.url}/?backend=wasm${href}`);
      await page.waitForTimeout(500);
      await expectAccessible(page, href);
    }
    await page.close();
  });

  it('the playground before and after a run, with data tables open, in both themes', async () => {
    const t0 = Date.now();
    const page = await session.browser.context.newPage();
    await page.goto(`${session.server.url}/?${TINY}#/playground`);
    await waitReady(page);
    await expectAccessible(page, '#/playground before a run');
    await runAndWait(page);
    await expectAccessible(page, '#/playground after a run');
    expect(await openAllTables(page)).toBeGreaterThan(0);
    await expectAccessible(page, '#/playground with data tables open');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await waitReady(page);
    await runAndWait(page);
    await expectAccessible(page, '#/playground dark theme after a run');
    console.log(`playground axe: ${Date.now() - t0} ms`);
    await page.close();
  });
});

describe('keyboard', () => {
  it('reaches every playground control with Tab and operates a select, a slider and Run', async () => {
    const t0 = Date.now();
    const page = await session.browser.context.newPage();
    await page.goto(`${session.server.url}/?${TINY}#/playground`);
    await waitReady(page);
    // Tag every visible, enabled control in the settings form, then Tab through the whole page.
    const total = await page.evaluate(() => {
      const form = document.querySelector('form[aria-label="Experiment settings"]')!;
      const controls = [...form.querySelectorAll<HTMLElement>('input, select, button, a[href], [tabindex]')].filter(
        (el) => !(el as HTMLInputElement).disabled && el.tabIndex >= 0 && el.getClientRects().length > 0,
      );
      controls.forEach((el, i) => (el.dataset.kbd = String(i)));
      return controls.length;
    });
    expect(total).toBeGreaterThan(20);
    const reached = new Set<string>();
    for (let i = 0; i < 400 && reached.size < total; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.kbd ?? null);
      if (id !== null) reached.add(id);
    }
    const missed = await page.evaluate((ids) => [...document.querySelectorAll<HTMLElement>('[data-kbd]')]
      .filter((el) => !ids.includes(el.dataset.kbd!)).map((el) => el.outerHTML.slice(0, 120)), [...reached]);
    expect(missed).toEqual([]);

    /** Presses Tab until `selector` has focus (keyboard only); fails after a full cycle. */
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 400; i++) {
        if (await page.evaluate((s) => document.activeElement === document.querySelector(s), selector)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    await tabTo('#field-model-activation');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.url()).toContain('model.activation=tanh');
    await tabTo('input[aria-label="Width slider"]');
    const width = Number(await page.locator('#field-model-width').inputValue());
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('#field-model-width').inputValue()).not.toBe(String(width));
    expect(page.url()).toMatch(/model\.width=\d+/);
    await tabTo('[data-testid="run"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('run-summary').getAttribute('data-state'), { timeout: 120_000 }).toBe('done');
    // The run used the settings chosen from the keyboard.
    expect(await page.locator('#field-model-activation').inputValue()).toBe('tanh');
    console.log(`keyboard: ${total} controls reached in ${Date.now() - t0} ms`);
    await page.close();
  });
});

describe('charts and motion', () => {
  it('every chart has a summary line and a data table on demand; reduced motion stops animation', async () => {
    const page = await session.browser.context.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${session.server.url}/?${TINY}#/playground`);
    await waitReady(page);
    await runAndWait(page);
    const figures = page.locator('main figure');
    const n = await figures.count();
    expect(n).toBeGreaterThan(1);
    for (let i = 0; i < n; i++) {
      const summary = await figures.nth(i).evaluate((f) => {
        const id = f.getAttribute('aria-describedby');
        return id ? document.getElementById(id)?.textContent?.trim() ?? '' : '';
      });
      expect(summary.length, `figure ${i} summary`).toBeGreaterThan(10);
    }
    expect(await openAllTables(page)).toBe(n);
    const rows = await page.locator('main [role="region"] table').evaluateAll((ts) => ts.map((t) => t.querySelectorAll('tbody tr').length));
    expect(rows.length).toBe(n);
    expect(Math.min(...rows)).toBeGreaterThan(0);
    // Every element's transitions and animations are (near) instant.
    const longest = await page.evaluate(() => {
      const ms = (v: string) => Math.max(...v.split(',').map((s) => (s.trim().endsWith('ms') ? parseFloat(s) : parseFloat(s) * 1000)));
      let max = 0;
      for (const el of document.querySelectorAll('*')) {
        const cs = getComputedStyle(el);
        max = Math.max(max, ms(cs.transitionDuration), ms(cs.animationDuration));
      }
      return max;
    });
    expect(longest).toBeLessThanOrEqual(0.01);
    await page.close();
  });
});
