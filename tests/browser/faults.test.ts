/**
 * @fileoverview Faults in the real app, in headless Chromium: a worker crash restarts the worker
 * with a message and keeps the settings; a GPU device loss on WebGPU reruns on wasm; Stop in each
 * phase of a run leaves no tensors behind and exactly the pool's workers; 50 experiments in a row
 * keep the workers' tf.memory() flat. The page is opened with `?faults=test`, which installs
 * `window.__miaTest` (src/state/test-hooks.ts); without it the hooks do not exist.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppSession } from './support/session';
import { watchPage, type PageWatch } from './support/page-watch';

/** The part of `window.__miaTest` (src/state/test-hooks.ts) these tests use; declared here so the
 * Node type check does not pull in the worker's Vite-only imports. */
interface TestHooks {
  crashWorker(): Promise<void> | undefined;
  failNextRun(message: string): Promise<void> | undefined;
  crashNextRun(): Promise<void> | undefined;
  memory(): Promise<{ numTensors: number; numBytes: number } | null>;
  phase(): string | null;
  set(path: string, raw: string): void;
  run(): Promise<void>;
  state(): { status: string; backend: string | null; generation: number; running: boolean; error: string | null; notice: string | null; engineNotice: string | null; resultBackend: string | null; seed: number; poolSize: number };
}

const session = useAppSession();

/** Two moons, 40 members, 5 epochs, one shadow: well under a second a run on wasm. */
const TINY = 'preset=moons-2d&data.n=200&split.targetMembers=40&split.shadowPool=80&train.epochs=5&attack.shadows=1&attack.names=gap,loss-threshold';
/** Long enough in every phase to press Stop in it: data, target, shadows (4, so two per worker), references, attacks. */
const PHASED =
  // Purchases: 600-item baskets take long enough to generate that the data phase can be stopped too.
  'data.name=purchases&data.n=3000&split.targetMembers=400&split.shadowPool=800&train.epochs=10&model.width=64' +
  '&attack.shadows=4&attack.references=4&attack.queries=16&attack.names=loss-threshold,shadow-model,lira-online,label-only';

type Hooks = { __miaTest: TestHooks };

async function open(query: string): Promise<{ page: Page; watch: PageWatch }> {
  const page = await session.browser.context.newPage();
  const watch = watchPage(page, session.server.url);
  await page.goto(`${session.server.url}/?faults=test&${query}#/playground`);
  await waitReady(page);
  return { page, watch };
}

async function waitReady(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => (window as unknown as Hooks).__miaTest.state().status), { timeout: 120_000 }).toBe('ready');
}

const state = (page: Page) => page.evaluate(() => (window as unknown as Hooks).__miaTest.state());
const memory = (page: Page) => page.evaluate(() => (window as unknown as Hooks).__miaTest.memory());
const experimentWorkers = (page: Page) => page.workers().filter((w) => w.url().includes('experiment.worker')).length;
/** Workers the pool should have: a crash or Stop replaces workers, never adds or loses one. */
const poolSize = async (page: Page) => (await state(page)).poolSize;

/** Clicks Run and waits until the run summary shows a new finished run. */
async function runAndWait(page: Page, timeout = 120_000): Promise<void> {
  const summary = page.getByTestId('run-summary');
  const before = await summary.textContent();
  await page.getByTestId('run').click();
  await expect.poll(async () => (await summary.getAttribute('data-state')) === 'done' && (await summary.textContent()) !== before, { timeout }).toBe(true);
}

describe('a worker crash', () => {
  it('restarts the worker with a message and keeps the settings, idle or mid-run', async () => {
    const t0 = Date.now();
    const { page } = await open(`backend=wasm&${TINY}`);
    await page.locator('#field-train-epochs').fill('7');
    await page.locator('#field-train-epochs').dispatchEvent('change');
    const generation = (await state(page)).generation;

    // Idle: the worker throws an uncaught error.
    await page.evaluate(() => (window as unknown as Hooks).__miaTest.crashWorker());
    await expect.poll(() => page.locator('[role="status"]', { hasText: 'The engine crashed' }).count(), { timeout: 30_000 }).toBe(1);
    await waitReady(page);
    expect((await state(page)).generation).toBe(generation + 1);
    expect(await page.locator('#field-train-epochs').inputValue()).toBe('7');
    expect(page.url()).toContain('train.epochs=7');
    await expect.poll(() => experimentWorkers(page), { timeout: 20_000 }).toBe(await poolSize(page));

    // Mid-run (while the target trains): the run ends with the message instead of hanging or
    // showing a result, and the next run works.
    await page.evaluate(() => (window as unknown as Hooks).__miaTest.crashNextRun());
    await page.getByTestId('run').click();
    await expect.poll(() => state(page).then((s) => s.running), { timeout: 30_000 }).toBe(false);
    expect(await page.getByTestId('run-summary').getAttribute('data-state')).toBe('empty');
    expect((await state(page)).error).toBeNull();
    expect((await state(page)).engineNotice).toMatch(/The engine crashed \(.*simulated crash.*\) and was restarted; your settings are kept\./);
    await waitReady(page);
    expect(await page.locator('#field-train-epochs').inputValue()).toBe('7');
    await runAndWait(page);
    expect((await state(page)).engineNotice).toBeNull();
    console.log(`crash test: ${Date.now() - t0} ms`);
    await page.close();
  });
});

describe('a GPU device loss on WebGPU', () => {
  it('reruns the experiment on wasm with a visible notice and the same settings', async () => {
    const t0 = Date.now();
    const { page, watch } = await open(`backend=webgpu&${TINY}`);
    expect((await state(page)).backend).toBe('webgpu');
    const seed = (await state(page)).seed;
    await page.evaluate(() => (window as unknown as Hooks).__miaTest.failNextRun('GPUDevice was lost: simulated device loss (?faults=test)'));
    await runAndWait(page, 240_000);
    const notice = page.locator('[role="status"]', { hasText: 'WebGPU failed during the run' });
    expect(await notice.textContent()).toMatch(/device loss.*Rerunning on WebAssembly with the same settings/);
    const after = await state(page);
    expect(after.backend).toBe('wasm');
    expect(after.resultBackend).toBe('wasm');
    expect(after.seed).toBe(seed);
    expect(after.error).toBeNull();
    expect(await page.locator('.chip').getAttribute('data-backend')).toBe('wasm');
    await expect.poll(() => experimentWorkers(page), { timeout: 20_000 }).toBe(await poolSize(page));
    expect(watch.foreignRequests).toEqual([]);
    console.log(`device-loss test: ${Date.now() - t0} ms`);
    await page.close();
  });
});

describe('Stop', () => {
  it('in every phase leaves the workers at their baseline tensor count, with the pool’s workers alive', async () => {
    const t0 = Date.now();
    const { page } = await open(`backend=wasm&${PHASED}`);
    const baseline = (await memory(page))!;
    const caught: Record<string, boolean> = {};
    for (const phase of ['data', 'target', 'shadows', 'references', 'attacks']) {
      // Press Stop from inside the page the moment the phase shows, so a short phase is not missed.
      caught[phase] = await page.evaluate(async (wanted) => {
        const hooks = (window as unknown as Hooks).__miaTest;
        (document.querySelector('[data-testid="run"]') as HTMLButtonElement).click();
        const deadline = performance.now() + 90_000;
        while (performance.now() < deadline && hooks.state().running) {
          const stop = document.querySelector<HTMLButtonElement>('button.stop');
          if (hooks.phase() === wanted && stop) {
            stop.click();
            return true;
          }
          await new Promise((r) => setTimeout(r, 2));
        }
        return false;
      }, phase);
      await waitReady(page);
      // A run that finished before Stop keeps its models, as any finished run does: say so plainly.
      expect(caught[phase], `the run finished before Stop could be pressed in phase ${phase}`).toBe(true);
      expect((await state(page)).running).toBe(false);
      // The cancelled job's models are freed by a message to the workers that hold them, which may
      // still be on its way when the page is ready again (Stop in the attack stage restarts no worker).
      await expect.poll(() => memory(page), { timeout: 10_000 }).toEqual(baseline);
      await expect.poll(() => experimentWorkers(page), { timeout: 20_000 }).toBe(await poolSize(page));
      // The settings survive the restart.
      expect(page.url()).toContain('train.epochs=10');
    }
    console.log(`Stop caught phases: ${JSON.stringify(caught)}`);
    expect(caught).toEqual({ data: true, target: true, shadows: true, references: true, attacks: true });
    console.log(`stop test: ${Date.now() - t0} ms`);
    await page.close();
  });
});

describe('50 experiments in a row', () => {
  it('keep the worker tf.memory() flat and the page heap bounded', async () => {
    const t0 = Date.now();
    const { page, watch } = await open(`backend=wasm&${TINY}`);
    const cdp = await page.context().newCDPSession(page);
    const heapAfterGc = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const series: { numTensors: number; numBytes: number; heap: number }[] = [];
    for (let i = 1; i <= 50; i++) {
      const m = await page.evaluate(async (seed) => {
        const hooks = (window as unknown as Hooks).__miaTest;
        // A new seed changes the trained models, so every run trains from scratch.
        hooks.set('seed', String(seed));
        await hooks.run();
        const s = hooks.state();
        if (s.error || s.resultBackend !== 'wasm') throw new Error(`run ${seed} failed: ${s.error}`);
        return hooks.memory();
      }, i);
      series.push({ ...m!, heap: i % 10 === 0 ? await heapAfterGc() : 0 });
    }
    const tensors = series.map((s) => s.numTensors);
    const bytes = series.map((s) => s.numBytes);
    console.log(`50 runs in ${Date.now() - t0} ms; tensors ${tensors[0]}→${tensors[49]}, bytes ${bytes[0]}→${bytes[49]}, ` +
      `page heap after GC ${series.filter((s) => s.heap).map((s) => Math.round(s.heap / 1e5) / 10).join(', ')} MB`);
    // The worker keeps the latest run's models: the same count after every run.
    expect(new Set(tensors.slice(1)).size).toBe(1);
    expect(Math.max(...bytes) - Math.min(...bytes)).toBeLessThanOrEqual(0.1 * Math.min(...bytes));
    const heap10 = series[9].heap, heap50 = series[49].heap;
    expect(heap50).toBeLessThan(heap10 * 1.5 + 5e6);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});
