/**
 * @fileoverview The job runner in the real app, in headless Chromium: overlapping runs (a lesson's
 * run during a playground run, and two playground runs requested at once) give each the numbers
 * it gives alone and leave the workers at their baseline tensor count once freed; and a run shows
 * a preview after the target and first shadow model, which sharpens into the finished result; and
 * the pool's numbers equal the sequential training stage's (the CLI's) for the same config.
 * The page is opened with `?faults=test` for `window.__miaTest` (src/state/test-hooks.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppSession } from './support/session';
import { watchPage } from './support/page-watch';
import { initNodeBackend } from '../../src/cli/tf-node';
import { presetConfig } from '../../src/lessons/presets';
import { withField } from '../../src/core/experiment/config';
import { runExperiment } from '../../src/engine/experiment/run';

interface RunNumbers {
  testAccuracy: number;
  attacks: { name: string; auc: number; tprAt1: number }[];
  backend: string;
}

/** The part of `window.__miaTest` used here (declared so the Node type check skips the app's Vite-only imports). */
interface TestHooks {
  memory(): Promise<{ numTensors: number; numBytes: number } | null>;
  set(path: string, raw: string): void;
  run(): Promise<void>;
  runAs(owner: string, sets: Record<string, string>): Promise<RunNumbers>;
  release(owner: string): Promise<void>;
  shown(): RunNumbers | null;
  state(): { status: string; running: boolean; error: string | null; poolSize: number; result: 'partial' | 'done' | null };
}
type Hooks = { __miaTest: TestHooks };

const session = useAppSession();

/** Small, with all three model groups: 2 shadows, 4 references; a few seconds a run on wasm. */
const SMALL =
  'preset=moons-2d&data.n=600&split.targetMembers=120&split.shadowPool=240&train.epochs=8' +
  '&attack.shadows=2&attack.references=4&attack.names=gap,loss-threshold,lira-online';

async function open(query: string): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.url}/?faults=test&backend=wasm&${query}#/playground`);
  await expect.poll(() => page.evaluate(() => (window as unknown as Hooks).__miaTest?.state().status), { timeout: 120_000 }).toBe('ready');
  return page;
}

const memory = (page: Page) => page.evaluate(() => (window as unknown as Hooks).__miaTest.memory());

describe('overlapping runs', () => {
  it('never mix results and leave the workers at their baseline tensor count', async () => {
    const t0 = Date.now();
    const page = await open(SMALL);
    const watch = watchPage(page, session.server.url);
    expect((await page.evaluate(() => (window as unknown as Hooks).__miaTest.state())).poolSize).toBeGreaterThanOrEqual(2);
    const baseline = (await memory(page))!;

    // Each config alone, one after the other.
    const alone = await page.evaluate(async () => {
      const h = (window as unknown as Hooks).__miaTest;
      const a = await h.runAs('alone', { seed: '11' });
      const kept = await h.memory();
      const b = await h.runAs('alone', { seed: '12' });
      await h.release('alone');
      return { a, b, kept: kept!.numTensors };
    });
    expect(alone.a.attacks.map((x) => x.name)).toEqual(['gap', 'loss-threshold', 'lira-online']);
    expect(alone.a.attacks[1].auc).not.toBe(alone.b.attacks[1].auc);
    expect(alone.kept).toBeGreaterThan(baseline.numTensors);
    expect(await memory(page)).toEqual(baseline);

    // Together: two playground runs requested at once (seed 11), and a lesson's run (seed 12)
    // started while the playground trains.
    const together = await page.evaluate(async () => {
      const h = (window as unknown as Hooks).__miaTest;
      h.set('seed', '11');
      const runs = [h.run(), h.run()];
      await new Promise((r) => setTimeout(r, 300));
      const lesson = await h.runAs('lesson:overlap', { seed: '12' });
      await Promise.all(runs);
      return { playground: h.shown(), lesson, state: h.state() };
    });
    expect(together.state.error).toBeNull();
    expect(together.state.result).toBe('done');
    expect(together.playground).toEqual(alone.a);
    expect(together.lesson).toEqual(alone.b);

    // Freed owner by owner: the lesson's models first, then the playground's, back to the baseline.
    const held = (await memory(page))!.numTensors;
    await page.evaluate(() => (window as unknown as Hooks).__miaTest.release('lesson:overlap'));
    const afterLesson = (await memory(page))!.numTensors;
    expect(afterLesson).toBe(alone.kept);
    await page.evaluate(() => (window as unknown as Hooks).__miaTest.release('playground'));
    const end = (await memory(page))!;
    expect(end).toEqual(baseline);
    expect(watch.consoleErrors).toEqual([]);
    console.log(`overlap test: ${Date.now() - t0} ms; tensors: baseline ${baseline.numTensors}, one run held ${alone.kept}, both held ${held}, lesson freed ${afterLesson}, all freed ${end.numTensors}`);
    await page.close();
  });
});

describe('progressive results', () => {
  it('show a preview once the target and a shadow model exist, then the finished result', async () => {
    // Long enough per model (30 epochs) that reference models arrive one by one between previews.
    const page = await open(`${SMALL}&attack.references=8&train.epochs=30`);
    const seen = await page.evaluate(async () => {
      const summary = () => document.querySelector('[data-testid="run-summary"]')!;
      const states: { state: string; attacks: string; note: string }[] = [];
      const record = () => {
        const s = { state: summary().getAttribute('data-state') ?? '', attacks: summary().getAttribute('data-attacks') ?? '', note: document.querySelector('[data-testid="preview-note"]')?.textContent ?? '' };
        const last = states[states.length - 1];
        if (!last || last.state !== s.state || last.attacks !== s.attacks || last.note !== s.note) states.push(s);
      };
      const timer = setInterval(record, 10);
      await (window as unknown as Hooks).__miaTest.run();
      await new Promise((r) => setTimeout(r, 100));
      clearInterval(timer);
      record();
      return states;
    });
    const previews = seen.filter((s) => s.state === 'partial');
    console.log(`states seen: ${JSON.stringify(seen.map((s) => [s.state, s.attacks, s.note.replace(/^.*based on /, '').slice(0, 60)]))}`);
    expect(previews.length).toBeGreaterThan(0);
    // The gap and threshold attacks come before LiRA, which waits for reference models.
    expect(previews[0].attacks).not.toContain('lira-online');
    expect(previews[0].note).toMatch(/Preview while training, based on the target/);
    expect(seen.some((s) => s.state === 'partial' && /of 8 reference models/.test(s.note))).toBe(true);
    const last = seen[seen.length - 1];
    expect(last.state).toBe('done');
    expect(last.attacks).toBe('gap,loss-threshold,lira-online');
    expect(last.note).toBe('');
    await page.close();
  });
});

describe('the pool', () => {
  it('gives the numbers the sequential run in Node gives, attacks that query the models included', async () => {
    const sets: Record<string, string> = {
      // Split sizes first: each field is checked against the others as it is set.
      'split.targetMembers': '60', 'split.shadowPool': '120', 'data.n': '300', 'train.epochs': '5', 'attack.shadows': '2',
      'attack.references': '4', 'attack.names': 'gap,loss-threshold,rmia,label-only,gradient-norm,lira-offline',
    };
    const page = await open(`preset=moons-2d&${new URLSearchParams(sets)}`);
    const app = await page.evaluate(async () => {
      const h = (window as unknown as Hooks).__miaTest;
      await h.run();
      return h.shown()!;
    });
    await page.close();
    await initNodeBackend('wasm');
    const config = Object.entries(sets).reduce((c, [path, raw]) => withField(c, path, raw), presetConfig('moons-2d'));
    const node = await runExperiment(config);
    expect(app.attacks.map((a) => a.name)).toEqual(config.attack.names);
    expect(app.attacks.map((a) => [a.name, a.auc, a.tprAt1])).toEqual(node.attacks.map((a) => [a.name, a.auc, a.tprAtFpr['0.01']]));
    expect(app.testAccuracy).toBe(node.target.testAccuracy);
  });
});
