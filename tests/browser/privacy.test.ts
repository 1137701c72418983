/**
 * @fileoverview The learner's privacy in the built app: every request the page and its worker make,
 * across every route, a lesson and a live experiment, is a GET for one of the app's own static
 * files; the Content-Security-Policy is sent as a header, blocks inline scripts and eval, and the
 * app (wasm backend included) runs under it without a violation; the worker gets its own policy,
 * which blocks requests to other origins and eval from inside it; an uploaded CSV is kept in
 * memory only.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { preview } from 'vite';
import { useAppSession } from './support/session';

const session = useAppSession();

const TINY = 'backend=wasm&preset=moons-2d&data.n=200&split.targetMembers=40&split.shadowPool=80&train.epochs=5&attack.shadows=1&attack.names=gap,loss-threshold';

/** Records every request, and CSP violations reported to the page (registered before any script). */
async function recordedPage(): Promise<{ page: Page; requests: Request[] }> {
  const page = await session.browser.context.newPage();
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { page, requests };
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

const parsePolicy = (csp: string) => Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));

/** Why a request is not a plain GET for a file the built app ships, or null if it is one. */
function problemWith(r: Request): string | null {
  const url = r.url();
  if (url.startsWith('data:') || url.startsWith('blob:')) return null;
  if (!url.startsWith(session.server.url + '/')) return `leaves the origin: ${url}`;
  if (r.method() !== 'GET') return `${r.method()} ${url}`;
  if (r.postData()) return `sends a body: ${url}`;
  const path = decodeURIComponent(new URL(url).pathname);
  const file = path === '/' ? 'index.html' : path.slice(1);
  return existsSync(join(process.env.MIA_DIST ?? 'dist', file)) ? null : `not a static file of the app: ${url}`;
}

describe('network', () => {
  it('every request is a GET for one of the app’s own static files', async () => {
    const t0 = Date.now();
    const { page, requests } = await recordedPage();
    await page.goto(`${session.server.url}/?${TINY}#/lessons`);
    await page.locator('.chip[data-status="ready"]').waitFor({ timeout: 120_000 });
    const routes = await page.locator('header nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    const lesson = await page.locator('main a[href^="#/lessons/"]').first().getAttribute('href');
    for (const href of [...routes, lesson!]) {
      await page.goto(`${session.server.url}/?${TINY}${href}`);
      await page.waitForTimeout(800);
    }
    await page.goto(`${session.server.url}/?${TINY}#/playground`);
    await page.locator('.chip[data-status="ready"]').waitFor({ timeout: 120_000 });
    await page.getByTestId('run').click();
    await expect.poll(() => page.getByTestId('run-summary').getAttribute('data-state'), { timeout: 120_000 }).toBe('done');
    expect(await page.getByTestId('run-summary').getAttribute('data-backend')).toBe('wasm');
    // The worker's own fetches (its script, the .wasm binary) are among the recorded requests.
    const urls = requests.map((r) => r.url());
    expect(urls.some((u) => u.includes('experiment.worker'))).toBe(true);
    expect(urls.some((u) => u.endsWith('.wasm'))).toBe(true);
    expect(requests.map(problemWith).filter(Boolean)).toEqual([]);
    expect(await violations(page)).toEqual([]);
    console.log(`${requests.length} requests, all static, in ${Date.now() - t0} ms`);
    await page.close();
  });
});

describe('Content-Security-Policy', () => {
  it('is strict, blocks inline scripts and eval, and the app runs under it', async () => {
    const { page } = await recordedPage();
    const response = await page.goto(`${session.server.url}/?${TINY}#/playground`);
    const csp = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
    // Sent as a header (what binds the worker too); the <meta> copy is the same policy.
    expect(response?.headers()['content-security-policy']).toBe(csp);
    const directives = parsePolicy(csp);
    expect(directives['default-src']).toEqual(["'self'"]);
    // The page compiles no wasm and needs no inline style: only the worker gets 'wasm-unsafe-eval'.
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['style-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    // The built page has no inline script for the policy to have to allow.
    expect(await page.locator('script:not([src])').count()).toBe(0);

    // Inline script and eval are refused, and the refusals are reported.
    const outcome = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.append(s);
      // DevTools evaluation itself is exempt from the policy, so eval is tried in a later task,
      // where page code would run.
      const evalResult = await new Promise<string>((resolve) =>
        setTimeout(() => {
          try {
            (0, eval)('1 + 1');
            resolve('ran');
          } catch {
            resolve('blocked');
          }
        }, 0),
      );
      return { inline: (window as unknown as { __inline?: number }).__inline ?? null, evalResult };
    });
    expect(outcome).toEqual({ inline: null, evalResult: 'blocked' });
    await expect.poll(() => violations(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src/)]));

    // The app still trains on wasm, in the worker, under the worker's own policy.
    const before = (await violations(page)).length;
    await page.locator('.chip[data-status="ready"]').waitFor({ timeout: 120_000 });
    await page.getByTestId('run').click();
    await expect.poll(() => page.getByTestId('run-summary').getAttribute('data-state'), { timeout: 120_000 }).toBe('done');
    expect(await page.getByTestId('run-summary').getAttribute('data-backend')).toBe('wasm');
    expect((await violations(page)).length).toBe(before);
    await page.close();
  });
});

/** The part of `window.__miaTest` (src/state/test-hooks.ts, under `?faults=test`) used here. */
interface TestHooks {
  probeWorkerCsp(offOrigin: string): Promise<{ fetch: string; eval: string; violations: string[] }> | undefined;
  state(): { backend: string | null };
}

describe('the worker’s Content-Security-Policy', () => {
  /** A server on another origin that would answer anyone (CORS open), counting what reaches it. */
  let elsewhere: { url: string; hits: number; close(): Promise<void> };
  beforeAll(async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits++;
      res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/plain' });
      res.end('leaked');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    elsewhere = {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/collect`,
      get hits() {
        return hits;
      },
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  });
  afterAll(async () => {
    await elsewhere?.close();
  });

  /** Opens the app from `origin` with the test hooks, waits for the worker, and probes it. */
  async function probeWorker(origin: string) {
    const page = await session.browser.context.newPage();
    const workerHeaders: Record<string, string>[] = [];
    page.on('response', (r) => r.url().includes('experiment.worker') && workerHeaders.push(r.headers()));
    await page.goto(`${origin}/?faults=test&backend=wasm#/playground`);
    await page.locator('.chip[data-status="ready"]').waitFor({ timeout: 120_000 });
    const probe = await page.evaluate((u) => (window as unknown as { __miaTest: TestHooks }).__miaTest.probeWorkerCsp(u)!, elsewhere.url);
    const backend = await page.evaluate(() => (window as unknown as { __miaTest: TestHooks }).__miaTest.state().backend);
    await page.close();
    return { probe, workerHeaders, backend };
  }

  it('comes with the worker’s script, lets wasm compile, and blocks off-origin requests and eval inside the worker', async () => {
    const before = elsewhere.hits;
    const { probe, workerHeaders, backend } = await probeWorker(session.server.url);
    // The wasm backend compiled its .wasm files under the worker's policy.
    expect(backend).toBe('wasm');
    // One response per worker in the pool; each carries the worker's policy.
    expect(workerHeaders.length).toBeGreaterThan(0);
    for (const headers of workerHeaders) {
      const policy = parsePolicy(headers['content-security-policy'] ?? '');
      expect(policy['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(policy['connect-src']).toEqual(["'self'"]);
    }
    expect(probe.fetch).toMatch(/^blocked/);
    expect(probe.eval).toBe('blocked');
    expect(probe.violations).toEqual(expect.arrayContaining([`connect-src ${elsewhere.url}`, 'script-src eval']));
    expect(elsewhere.hits - before).toBe(0);
    console.log(`worker probe under the header: ${JSON.stringify(probe)}`);
  });

  it('(control) the same build without the header lets the worker reach the other server and eval', async () => {
    // The old set-up: the policy only as the page's <meta>, which the worker never sees.
    const bare = await preview({ configFile: false, build: { outDir: process.env.MIA_DIST ?? 'dist' }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
    try {
      const before = elsewhere.hits;
      const { probe } = await probeWorker(bare.resolvedUrls!.local[0].replace(/\/$/, ''));
      expect(probe.fetch).toBe('reached (HTTP 200)');
      expect(probe.eval).toBe('ran');
      expect(elsewhere.hits - before).toBe(1);
    } finally {
      await bare.close();
    }
  });
});

describe('an uploaded CSV', () => {
  it('stays in memory: nothing in storage, nothing sent', async () => {
    const { page, requests } = await recordedPage();
    await page.goto(`${session.server.url}/?backend=wasm#/playground`);
    await page.locator('.chip[data-status="ready"]').waitFor({ timeout: 120_000 });
    await page.locator('#field-data-name').selectOption('csv');
    const marker = 'zebra-marker-7f3a';
    const csv = ['x,note,label', ...Array.from({ length: 60 }, (_, i) => `${i},${marker}${i % 3},${i % 2 ? 'a' : 'b'}`)].join('\n');
    const sentBefore = requests.length;
    await page.locator('input[type="file"]').setInputFiles({ name: 'secret.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Load secret.csv' }).click();
    await expect.poll(() => page.getByTestId('csv-summary').textContent()).toMatch(/secret\.csv: 60 rows/);
    const stored = await page.evaluate(async () => {
      const found: string[] = [];
      const dump = (s: Storage) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`).join('\n');
      found.push(dump(localStorage), dump(sessionStorage), document.cookie);
      const dbs = (await indexedDB.databases?.()) ?? [];
      found.push(...dbs.map((d) => `indexedDB:${d.name}`));
      found.push(...(await caches.keys()).map((k) => `cache:${k}`));
      return found.join('\n');
    });
    expect(stored).not.toContain(marker);
    expect(stored).not.toMatch(/indexedDB:|cache:/);
    expect(page.url()).not.toContain(marker);
    const sent = requests.slice(sentBefore).filter((r) => r.method() !== 'GET' || (r.postData() ?? '').includes(marker) || r.url().includes(marker));
    expect(sent.map((r) => r.url())).toEqual([]);
    await page.close();
  });
});
