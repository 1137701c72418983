/**
 * @fileoverview Budgets of the built app: the main JS chunk's gzipped size, TensorFlow.js kept out
 * of the main thread's chunks (it lives in the worker, which starts after the page), the time to
 * the first figure drawn from cached results, and the playground's speed on wasm in headless
 * Chromium through the worker pool (app-runner.ts). The app is built into a temporary folder (dist/ is left alone, as
 * the browser tests use it) and served with Vite's preview server on localhost.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, preview, type Rollup } from 'vite';
import type { Page } from 'playwright-core';
import { launchChromium } from '../browser/support/chromium';
import { atMost, report, type BenchContext, type Figure, type Measure } from './figure';
import { playgroundSpeed } from './app-runner';

const KB = 1000;

type Output = Rollup.OutputChunk | Rollup.OutputAsset;

/** Builds the app into `outDir` and returns what Rollup wrote. */
async function buildApp(outDir: string): Promise<Output[]> {
  const result = await build({ logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  return outputs.flatMap((o) => o.output);
}

/** The chunks index.html loads before anything runs: the entry and its static imports. */
function initialChunks(outputs: Output[]): Rollup.OutputChunk[] {
  const chunks = new Map(outputs.filter((o): o is Rollup.OutputChunk => o.type === 'chunk').map((c) => [c.fileName, c]));
  const entry = [...chunks.values()].find((c) => c.isEntry && c.facadeModuleId?.endsWith('index.html'))
    ?? [...chunks.values()].find((c) => c.isEntry);
  if (!entry) throw new Error('The build has no entry chunk.');
  const seen = new Map<string, Rollup.OutputChunk>();
  const visit = (c: Rollup.OutputChunk) => {
    if (seen.has(c.fileName)) return;
    seen.set(c.fileName, c);
    c.imports.forEach((f) => chunks.get(f) && visit(chunks.get(f)!));
  };
  visit(entry);
  return [...seen.values()];
}

const gz = (code: string | Uint8Array) => gzipSync(code, { level: 9 }).length;

/** Bundle figures: main chunk size, and where TensorFlow.js ended up. */
function bundleFigures(outputs: Output[], ctx: BenchContext): Figure[] {
  const initial = initialChunks(outputs);
  const [entry] = initial;
  // Modules that contribute code (a tree-shaken one is listed with renderedLength 0).
  const tfIn = (chunks: Rollup.OutputChunk[]) =>
    chunks.flatMap((c) => Object.entries(c.modules).filter(([id, m]) => id.includes('@tensorflow') && m.renderedLength > 0).map(([id]) => id));
  const pageChunks = outputs.filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
  const worker = outputs.find((o) => o.fileName.includes('experiment.worker'));
  const workerCode = worker ? (worker.type === 'chunk' ? worker.code : String(worker.source)) : '';
  // The worker bundle is its own build; tfjs-core's kernel registry is a reliable fingerprint.
  const tfInWorker = /registerKernel|tfjs-core|setWasmPaths/.test(workerCode);
  ctx.note(`app.mainChunk is ${entry.fileName}; the page loads ${initial.length} chunk(s) before it runs: ${initial.map((c) => c.fileName).join(', ')}; ` +
    `its chunks in all: ${pageChunks.map((c) => c.fileName).join(', ')}; the worker is ${worker?.fileName ?? 'missing'}, a separate bundle.`);
  return [
    atMost('app.mainChunk.gzipKB', gz(entry.code) / KB, 'KB gzipped', 200),
    report('app.initialJs.gzipKB', initial.reduce((s, c) => s + gz(c.code), 0) / KB, 'KB gzipped (entry + static imports)'),
    atMost('app.mainChunk.tensorflowModules', tfIn(initial).length, 'modules of @tensorflow in the page’s initial chunks', 0),
    atMost('app.pageChunks.tensorflowModules', tfIn(pageChunks).length, `modules of @tensorflow in any of the page’s ${pageChunks.length} chunks (lazy ones too)`, 0),
    report('app.workerChunk.hasTensorflow', tfInWorker ? 'yes' : 'no', 'TensorFlow.js in the worker chunk'),
    report('app.workerChunk.gzipKB', gz(workerCode) / KB, 'KB gzipped (fetched when the worker starts)'),
  ];
}

/** Milliseconds from navigation start until `ready()` holds on the page, polled every frame. */
async function timeUntil(page: Page, url: string, ready: () => unknown, timeoutMs: number): Promise<number> {
  await page.goto(url);
  const handle = await page.waitForFunction(ready, null, { polling: 'raf', timeout: timeoutMs });
  return (await handle.jsonValue()) as number;
}

/** The first lesson chart with real marks: time it if drawn, else null. Runs in the page. */
function firstChartDrawn(): number | null {
  const svg = [...document.querySelectorAll('main [data-testid="widget"] svg')].find((s) => s.querySelectorAll('rect, path, circle').length > 5);
  return svg ? performance.now() : null;
}

/** Time to the first figure of a lesson drawn from cached results (public/cache), cold and warm. */
async function firstFigure(base: string, ctx: BenchContext): Promise<Figure[]> {
  const syllabus = JSON.parse(readFileSync('lessons/syllabus.json', 'utf8')) as { lessons: (string | { slug: string })[] };
  const slugs = syllabus.lessons.map((l) => (typeof l === 'string' ? l : l.slug));
  // The first lesson whose opening chart shows without a prediction or a live run.
  let found: { slug: string; url: string } | null = null;
  const scout = await launchChromium();
  try {
    for (const slug of slugs) {
      const page = await scout.context.newPage();
      const url = `${base}/?backend=wasm#/lessons/${slug}`;
      const cachedRequests: string[] = [];
      page.on('request', (r) => r.url().includes('/cache/') && cachedRequests.push(r.url()));
      const ms = await timeUntil(page, url, firstChartDrawn, 8000).catch(() => null);
      const badge = ms === null ? '' : ((await page.locator('[data-testid="source-badge"]').first().textContent()) ?? '');
      const ran = await page.getByTestId('run-summary').count();
      await page.close();
      if (ms !== null && /cached/i.test(badge) && cachedRequests.length > 0 && ran === 0) {
        found = { slug, url };
        break;
      }
    }
  } finally {
    await scout.close();
  }
  if (!found) throw new Error('No lesson drew a chart from cached results without interaction.');
  const cold: number[] = [];
  const warm: number[] = [];
  const browser = await launchChromium();
  try {
    // Cold: the HTTP cache is cleared over DevTools before the load (the browser process itself
    // stays started). Warm: reloads with the files cached, as a returning reader has them.
    for (let i = 0; i < 3; i++) {
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Network.clearBrowserCache');
      cold.push(await timeUntil(page, found.url, firstChartDrawn, 15_000));
      for (let j = 0; j < 2; j++) warm.push(await timeUntil(page, `${found.url.replace('?', `?r=${i}${j}&`)}`, firstChartDrawn, 15_000));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  ctx.note(`app.firstFigure: the first chart of lesson ${found.slug}, drawn from its cached JSON; cold = HTTP cache cleared, best of ${cold.length}; warm = best of ${warm.length} reloads.`);
  return [
    atMost('app.firstFigure.coldMs', Math.min(...cold), `ms to the first cached figure (lesson ${found.slug}, cold)`, 1000),
    atMost('app.firstFigure.warmMs', Math.min(...warm), `ms to the first cached figure (lesson ${found.slug}, HTTP-cached)`, 1000),
  ];
}

export const APP_MEASURES: Measure[] = [
  {
    name: 'app: bundle, first figure, default experiment in the browser',
    async run(ctx) {
      const outDir = mkdtempSync(join(tmpdir(), 'mia-bench-dist-'));
      try {
        const outputs = await buildApp(outDir);
        const figures = bundleFigures(outputs, ctx);
        const server = await preview({ logLevel: 'silent', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
        try {
          const base = server.resolvedUrls!.local[0].replace(/\/$/, '');
          figures.push(...(await firstFigure(base, ctx)));
          figures.push(...(await playgroundSpeed(base, ctx)));
        } finally {
          await server.close();
        }
        return figures;
      } finally {
        rmSync(outDir, { recursive: true, force: true });
      }
    },
  },
];
