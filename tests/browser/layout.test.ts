/**
 * @fileoverview Layout on phones, tablets and projectors: no route scrolls sideways at 390 px or
 * 768 px, the header folds behind a Menu button, the playground's settings open as a drawer,
 * charts answer touch (pointer events), and in presenter mode at 1024×768 the confidence-gap chart
 * is on screen after a run, no chart's texts overlap, and the presenter buttons sit in the header.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppSession } from './support/session';
import { watchPage } from './support/page-watch';

const session = useAppSession({ width: 390, height: 844 });

/** A run of a few seconds on wasm: 60 members, one shadow model, no reference models. */
const TINY = 'split.targetMembers=60&split.shadowPool=120&train.epochs=5&attack.shadows=1&attack.names=gap,loss-threshold,shadow-model';

/** Every lesson page: each has its own widgets and tables. */
const LESSONS = readdirSync(new URL('../../lessons', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory() && /^\d\d-/.test(d.name))
  .map((d) => `#/lessons/${d.name}`);

const ROUTES = [
  '#/lessons',
  ...LESSONS,
  '#/playground',
  // Appended to ?backend=wasm: presenter mode on the playground.
  '&present#/playground',
  '#/cheatsheet',
  '#/diagnostics',
  '?embed=histogram&preset=moons-2d',
  '?embed=playground&preset=moons-2d',
  '?embed=playground&preset=moons-2d&controls=dropout,epsilon,epochs',
  '?embed=roc&preset=moons-2d',
  '?embed=curves&preset=moons-2d',
  '?embed=scoreboard&preset=lesson-remembers',
];

/** How far the page scrolls sideways: scrollWidth beyond the viewport, in pixels. */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Elements that stick out past the right edge, for a readable failure. */
const overflowing = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${String((e as HTMLElement).className).slice(0, 40)}`),
  );

async function runAndWait(page: Page): Promise<void> {
  const summary = page.getByTestId('run-summary');
  const runs = Number(await summary.getAttribute('data-runs'));
  await page.getByTestId('run').click();
  await expect.poll(async () => Number(await summary.getAttribute('data-runs')), { timeout: 180_000 }).toBe(runs + 1);
  await page.getByTestId('run').waitFor({ timeout: 60_000 });
}

/** Pairs of texts whose boxes intersect (by more than 1 px) inside each chart of the page. */
const overlappingTexts = (page: Page) =>
  page.evaluate(() => {
    const clashes: string[] = [];
    for (const svg of document.querySelectorAll('[data-chart-plot] > svg')) {
      const boxes = [...svg.querySelectorAll('text')]
        .filter((t) => (t.textContent ?? '').trim() !== '' && getComputedStyle(t).visibility !== 'hidden')
        .map((t) => ({ text: (t.textContent ?? '').trim(), r: t.getBoundingClientRect() }))
        .filter((b) => b.r.width > 0 && b.r.height > 0);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i].r;
          const b = boxes[j].r;
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > 1 && h > 1) clashes.push(`"${boxes[i].text}" × "${boxes[j].text}"`);
        }
      }
    }
    return clashes;
  });

/** Axes whose tick labels repeat (a format too coarse for the tick spacing, e.g. 0.1, 0.1, 0.2). */
const repeatedTicks = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-chart-plot] > svg .axis')]
      .map((axis) => [...axis.querySelectorAll('text.tick-label')].map((t) => t.textContent ?? ''))
      .filter((labels) => new Set(labels).size !== labels.length)
      .map((labels) => labels.join(' ')),
  );

describe('phones and tablets', () => {
  it('no route scrolls sideways at 390 px or at 768 px', async () => {
    const page = await session.browser.context.newPage();
    const watch = watchPage(page, session.server.url);
    for (const size of [{ width: 390, height: 844 }, { width: 768, height: 1024 }]) {
      await page.setViewportSize(size);
      for (const route of ROUTES) {
        const url = route.startsWith('?') ? `${session.server.url}/${route}&backend=wasm` : `${session.server.url}/?backend=wasm${route}`;
        await page.goto(url);
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(300);
        expect(await sidewaysOverflow(page), `${route} at ${size.width} px: ${(await overflowing(page)).join(', ')}`).toBeLessThanOrEqual(0);
      }
    }
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('folds the header and the settings on a phone; a run fits; charts answer a tap', async () => {
    const page = await session.browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${session.server.url}/?backend=wasm&${TINY}#/playground`);
    await page.locator('.chip[data-status="ready"]').waitFor({ timeout: 120_000 });
    // The navigation sits behind the Menu button until it is opened.
    expect(await page.getByRole('link', { name: 'Cheat sheet', exact: true }).isVisible()).toBe(false);
    await page.getByTestId('menu-toggle').click();
    expect(await page.getByRole('link', { name: 'Cheat sheet', exact: true }).isVisible()).toBe(true);
    await page.getByTestId('menu-toggle').click();
    // The settings are a closed drawer until the learner opens them.
    const drawer = page.getByTestId('settings-drawer');
    expect(await drawer.getAttribute('data-open')).toBe('false');
    expect(await page.locator('#field-model-dropout').isVisible()).toBe(false);
    await page.getByTestId('settings-toggle').click();
    expect(await drawer.getAttribute('data-open')).toBe('true');
    await expect.poll(() => page.locator('#field-model-dropout').isVisible()).toBe(true);
    // Slid fully in (after its 0.2 s transition), within the screen.
    await expect.poll(async () => (await drawer.boundingBox())?.x).toBeGreaterThanOrEqual(0);
    const box = await drawer.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await page.keyboard.press('Escape');
    expect(await drawer.getAttribute('data-open')).toBe('false');
    await runAndWait(page);
    expect(await sidewaysOverflow(page), (await overflowing(page)).join(', ')).toBeLessThanOrEqual(0);
    // Every option of the "Scoreboard shows" menu fits the closed menu (it was clipped at 390 px):
    // its text width, measured in the menu's font, plus the padding, border and arrow.
    const clipped = await page.getByTestId('featured-attack').evaluate((sel: HTMLSelectElement) => {
      const cs = getComputedStyle(sel);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const room = sel.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20;
      return [...sel.options].filter((o) => ctx.measureText(o.text).width > room).map((o) => o.text);
    });
    expect(clipped).toEqual([]);
    // Charts fit their cards and answer touch: a tap (a touch pointerdown) shows the histogram's tooltip.
    const plot = page.getByTestId('gap-chart').locator('[data-chart-plot] > svg');
    const svgBox = await plot.boundingBox();
    expect(svgBox && svgBox.width <= 390).toBe(true);
    await plot.evaluate((svg) => {
      const r = svg.getBoundingClientRect();
      const at = { clientX: r.left + r.width * 0.9, clientY: r.top + r.height / 2, pointerType: 'touch', bubbles: true };
      svg.dispatchEvent(new PointerEvent('pointerdown', at));
      svg.dispatchEvent(new PointerEvent('pointerup', at));
      svg.dispatchEvent(new PointerEvent('pointerleave', at));
    });
    await expect.poll(() => page.getByTestId('gap-chart').locator('[role=tooltip], .tooltip').count()).toBeGreaterThan(0);
    await page.screenshot({ path: 'test-results/playground-390x844.png', fullPage: true });
    await page.close();
  });
});

describe('presenter mode', () => {
  it('at 1024×768 shows the gap chart without scrolling, overlaps no text and keeps its buttons in the header', async () => {
    const page = await session.browser.context.newPage();
    const watch = watchPage(page, session.server.url);
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`${session.server.url}/?present&backend=wasm&${TINY}#/playground`);
    await page.locator('.chip[data-status="ready"]').waitFor({ timeout: 120_000 });
    await runAndWait(page);
    await page.waitForTimeout(500);
    const chart = await page.getByTestId('gap-chart').boundingBox();
    expect(chart).not.toBeNull();
    expect(chart!.y).toBeGreaterThanOrEqual(0);
    expect(chart!.y + chart!.height).toBeLessThanOrEqual(768);
    expect(chart!.x + chart!.width).toBeLessThanOrEqual(1024);
    // The presenter buttons live in the header, so they can never cover a card.
    expect(await page.locator('header').getByTestId('reset-demo').count()).toBe(1);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('[data-testid=reset-demo]')!.parentElement!).position)).not.toBe('fixed');
    expect(await overlappingTexts(page)).toEqual([]);
    expect(await repeatedTicks(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/presenter-playground-1024x768.png' });
    for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
      await page.setViewportSize(size);
      await page.waitForTimeout(400);
      const box = await page.getByTestId('gap-chart').boundingBox();
      expect(box!.y + box!.height, `gap chart at ${size.width}×${size.height}`).toBeLessThanOrEqual(size.height);
      expect(await overlappingTexts(page)).toEqual([]);
      expect(await repeatedTicks(page)).toEqual([]);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `test-results/presenter-playground-${size.width}x${size.height}.png` });
    }
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('diagnostics', () => {
  it('the engine check lives on its own page, linked from the backend chip', async () => {
    const page = await session.browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${session.server.url}/?backend=wasm#/playground`);
    await page.locator('.chip[data-status="ready"]').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('self-test').count()).toBe(0);
    await page.locator('.chip').click();
    await page.getByTestId('diagnostics-link').click();
    await expect.poll(() => page.url()).toContain('#/diagnostics');
    await page.getByTestId('self-test').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Diagnostics');
    await page.close();
  });
});
