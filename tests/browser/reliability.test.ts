/**
 * @fileoverview No blank page in the built app: a browser that blocks site storage, saved progress
 * of the wrong shape, a full store, malformed and prototype-named hashes; and lesson links that a
 * browser would resolve off the app's origin are never rendered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useAppSession } from './support/session';
import { launchChromium, type LaunchedBrowser } from './support/chromium';
import { safeHref } from '../../src/lessons/markdown';
import { SAFE_HREFS, UNSAFE_HREFS } from '../fixtures/href-cases';

const session = useAppSession();

// A fast config, so a live run in an embed finishes in seconds.
const TINY = 'backend=wasm&preset=moons-2d&data.n=200&split.targetMembers=40&split.shadowPool=80&train.epochs=5&attack.shadows=1&attack.names=gap,loss-threshold';
const PROGRESS_KEY = 'mia-playground:lesson-progress';
const THEME_KEY = 'mia-playground:theme';

/** A new page that collects uncaught errors (what blanks a Svelte app). */
async function watchedPage(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

describe('with site storage blocked (a profile that blocks cookies)', () => {
  let blocked: LaunchedBrowser;
  beforeAll(async () => {
    blocked = await launchChromium(undefined, { blockSiteData: true });
  });
  afterAll(async () => {
    await blocked?.close();
  });

  it('storage really is blocked: reading localStorage throws a SecurityError', async () => {
    const { page } = await watchedPage(blocked.context);
    await page.goto(`${session.server.url}/#/lessons`);
    const outcome = await page.evaluate(() => {
      try {
        void window.localStorage;
        return 'readable';
      } catch (e) {
        return (e as DOMException).name;
      }
    });
    expect(outcome).toBe('SecurityError');
    await page.close();
  });

  it('renders the table of contents, a lesson (progress kept for the visit) and the playground', async () => {
    const { page, errors } = await watchedPage(blocked.context);
    await page.goto(`${session.server.url}/?backend=wasm#/lessons`);
    await expect.poll(() => page.locator('.lessons > li').count()).toBe(11);
    await page.goto(`${session.server.url}/?backend=wasm#/lessons/01-remembers`);
    await expect.poll(() => page.locator('#lesson-title').textContent()).toContain('remember');
    const checkpoint = page.getByTestId('checkpoint').first();
    await checkpoint.locator('button.option').first().click();
    await expect.poll(() => checkpoint.locator('.feedback').count()).toBe(1);
    await page.goto(`${session.server.url}/?backend=wasm#/playground`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Playground');
    await page.locator('.chip[data-status="ready"]').waitFor({ timeout: 120_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders an embed and trains in it', async () => {
    const { page, errors } = await watchedPage(blocked.context);
    await page.goto(`${session.server.url}/?embed=histogram&${TINY}`);
    await page.getByTestId('embed').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('run-summary').getAttribute('data-state'), { timeout: 120_000 }).toBe('done');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches the theme for this visit and says the choice will not be kept', async () => {
    const { page, errors } = await watchedPage(blocked.context);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${session.server.url}/#/lessons`);
    const toggle = page.getByTestId('theme-toggle');
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await toggle.getAttribute('data-remembered')).toBe('false');
    expect(await toggle.textContent()).toContain('Theme: dark (this visit only)');
    expect(await toggle.getAttribute('title')).toContain('blocks site storage');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('with a full store (every write refused)', () => {
  it('keeps the lesson working and the theme honest', async () => {
    const { page, errors } = await watchedPage(session.browser.context);
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${session.server.url}/?backend=wasm#/lessons/01-remembers`);
    await expect.poll(() => page.locator('#lesson-title').textContent()).toContain('remember');
    const toggle = page.getByTestId('theme-toggle');
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await toggle.getAttribute('data-remembered')).toBe('false');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('saved data of the wrong shape', () => {
  /** Stores `values` on the app's origin (from a static file, so the app runs only after), then opens `hash`. */
  async function withStored(values: Record<string, string>, hash: string) {
    const { page, errors } = await watchedPage(session.browser.context);
    await page.goto(`${session.server.url}/favicon.svg`);
    await page.evaluate((v) => {
      localStorage.clear();
      for (const [k, x] of Object.entries(v)) localStorage.setItem(k, x);
    }, values);
    await page.goto(`${session.server.url}/?backend=wasm${hash}`);
    return { page, errors };
  }

  it.each([
    ['a number where a lesson entry belongs', '{"01-remembers": 5}'],
    ['a number for the whole value', '5'],
    ['fields of the wrong type', '{"01-remembers": {"visited": "yes", "predictions": [1], "checkpoints": {"c1": "x"}}}'],
    ['text that is not JSON', '{"01-remem'],
  ])('%s: lesson 1 opens as new, and the stored value is repaired', async (_, saved) => {
    const { page, errors } = await withStored({ [PROGRESS_KEY]: saved, [THEME_KEY]: '{"not":"a theme"}' }, '#/lessons/01-remembers');
    await expect.poll(() => page.locator('#lesson-title').textContent()).toContain('remember');
    // Every prediction waits for the reader again; nothing is stuck on "Loading".
    await expect.poll(() => page.getByTestId('predict').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="predict"][data-committed="true"]').count()).toBe(0);
    expect(await page.getByText('Loading the lesson').count()).toBe(0);
    const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)!), PROGRESS_KEY);
    expect(stored['01-remembers']).toMatchObject({ visited: true, predictions: {}, checkpoints: {} });
    expect(await page.getByTestId('theme-toggle').textContent()).toContain('Theme: system');
    // The table of contents reads the same progress.
    await page.goto(`${session.server.url}/#/lessons`);
    await expect.poll(() => page.locator('.lessons > li').count()).toBe(11);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('malformed and prototype-named hashes', () => {
  const HASHES = ['#/lessons/%', '#/lessons/%E0%A4%A', '#/lessons/constructor', '#/lessons/__proto__', '#/lessons/toString', '#/lessons/hasOwnProperty'];

  it.each(HASHES)('%s shows "No such lesson" with a way back to the lessons', async (hash) => {
    const { page, errors } = await watchedPage(session.browser.context);
    await page.goto(`${session.server.url}/${hash}`);
    const missing = page.getByTestId('lesson-missing');
    await missing.waitFor({ timeout: 30_000 });
    expect(await missing.locator('h1').textContent()).toBe('No such lesson');
    expect(await missing.textContent()).toContain('There is no lesson called');
    await missing.getByRole('link', { name: 'All lessons' }).click();
    await expect.poll(() => page.locator('.lessons > li').count()).toBe(11);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('survives a malformed hash reached by navigation within the app', async () => {
    const { page, errors } = await watchedPage(session.browser.context);
    await page.goto(`${session.server.url}/#/lessons/01-remembers`);
    await expect.poll(() => page.locator('#lesson-title').textContent()).toContain('remember');
    for (const hash of ['#/%', '#/lessons/%', '#/constructor']) {
      await page.evaluate((h) => (location.hash = h), hash);
      await page.waitForTimeout(300);
    }
    await page.getByRole('link', { name: 'Lessons', exact: true }).click();
    await expect.poll(() => page.locator('.lessons > li').count()).toBe(11);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('lesson links', () => {
  it('the link check agrees with Chromium: what it keeps stays on the origin; what it refuses, Chromium sends elsewhere or runs', async () => {
    const { page } = await watchedPage(session.browser.context);
    await page.goto(`${session.server.url}/#/lessons/01-remembers`);
    const resolved = await page.evaluate((hrefs) =>
      hrefs.map((h) => {
        try {
          const u = new URL(h, location.href);
          return { href: h, sameOrigin: u.origin === location.origin, scheme: u.protocol };
        } catch {
          return { href: h, sameOrigin: false, scheme: 'invalid' };
        }
      }), [...SAFE_HREFS, ...UNSAFE_HREFS]);
    for (const r of resolved) {
      const kept = safeHref(r.href) !== null;
      if (kept) expect(r.sameOrigin && r.scheme === 'http:', JSON.stringify(r)).toBe(true);
    }
    // The two forms from the report: relative-looking, yet off the origin in a real browser.
    for (const href of ['/\\evil.example', '\\\\evil.example']) {
      expect(resolved.find((r) => r.href === href)?.sameOrigin).toBe(false);
      expect(safeHref(href)).toBeNull();
    }
    await page.close();
  });

  it('every link in every lesson stays on the app’s origin', async () => {
    const { page } = await watchedPage(session.browser.context);
    await page.goto(`${session.server.url}/#/lessons`);
    const slugs = await page.locator('main a[href^="#/lessons/"]').evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')!.split('/')[2]))]);
    expect(slugs.length).toBe(11);
    for (const slug of slugs) {
      await page.goto(`${session.server.url}/#/lessons/${slug}`);
      await page.locator('#lesson-title').waitFor();
      const offOrigin = await page.locator('article a[href]').evaluateAll((as) =>
        as.map((a) => (a as HTMLAnchorElement).href).filter((h) => new URL(h).origin !== location.origin),
      );
      expect(offOrigin, slug).toEqual([]);
    }
    await page.close();
  });
});
