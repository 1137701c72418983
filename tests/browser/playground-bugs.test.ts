/**
 * @fileoverview Playground bugs found by using it as a new learner would, each pinned: the
 * featured attack after an API round trip, the preset menu, lesson presets in the menu, raw ids
 * and developer wording on screen, the pipeline naming the phase really running, the gap label
 * inside its card, the ROC's log axis starting near 1/N non-members, and ROC line strength.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppSession } from './support/session';
import { watchPage } from './support/page-watch';

const session = useAppSession();

/** Overfits in a few seconds on wasm; 250 non-members; shadow and reference models both train. */
const SMALL =
  'data.n=1200&split.targetMembers=250&split.shadowPool=500&train.epochs=25&model.width=64&attack.shadows=2&attack.references=4' +
  '&attack.names=gap,loss-threshold,shadow-model,lira-online';

const ATTACK_IDS = ['loss-threshold', 'confidence-threshold', 'entropy-threshold', 'mentropy-threshold', 'shadow-model', 'lira-online', 'lira-offline', 'label-only', 'gradient-norm'];
const DEVELOPER_WORDS = ['null:', 'noiseMultiplier', 'targetEpsilon', 'undefined', 'NaN'];

async function open(query: string): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.url}/?backend=wasm&${query}#/playground`);
  await page.locator('.chip[data-status="ready"]').waitFor({ timeout: 120_000 });
  return page;
}

const summary = (page: Page) => page.getByTestId('run-summary').evaluate((el) => ({ ...(el as HTMLElement).dataset }) as Record<string, string>);

async function runAndWait(page: Page): Promise<Record<string, string>> {
  const runs = Number((await summary(page)).runs);
  await page.getByTestId('run').click();
  await expect.poll(async () => Number((await summary(page)).runs), { timeout: 180_000 }).toBe(runs + 1);
  await page.getByTestId('run').waitFor({ timeout: 60_000 });
  return summary(page);
}

/** The text under a scoreboard tile's number, including its "vs last run" line. */
const tileText = (page: Page, name: string) => page.locator('.scoreboard li', { hasText: name }).first().innerText();

describe('playground bugs', () => {
  it('after the API goes to label and back, the scoreboard features the strongest attack again and compares like with like', async () => {
    const page = await open(SMALL);
    const first = await runAndWait(page);
    const strongest = first.attack;
    expect(strongest).not.toBe('gap');
    await page.locator('#field-api-output').selectOption('label');
    await expect.poll(async () => (await summary(page)).attacks, { timeout: 60_000 }).toBe('gap');
    await page.locator('#field-api-output').selectOption('full');
    await expect.poll(async () => (await summary(page)).attacks, { timeout: 60_000 }).toContain('loss-threshold');
    const back = await summary(page);
    // Old behaviour: stuck on the gap attack (the only one the label API allowed), "= no change".
    expect(back.attack).toBe(strongest);
    expect(Number(back.auc)).toBeCloseTo(Number(first.auc), 6);
    // The run before had no such attack, so there is no change to claim for it.
    expect(await tileText(page, 'Attack AUC')).not.toMatch(/no change/);
    // The learner can still pick an attack, and the menu states how the default is chosen.
    const menu = page.getByTestId('featured-attack');
    expect(await menu.locator('option').first().textContent()).toBe('Strongest attack');
    expect(await page.getByTestId('featured-criterion').textContent()).toContain('most members caught at 1% FPR');
    await menu.selectOption('gap');
    await expect.poll(async () => (await summary(page)).attack).toBe('gap');
    await page.close();
  });

  it('names the pipeline phase really running, with counts', async () => {
    const page = await open(SMALL);
    // Record every state the strip goes through during a run.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __stages: string[] }).__stages = seen;
      const strip = document.querySelector('[data-testid=pipeline]')!;
      const snap = () => {
        const active = [...strip.querySelectorAll('[data-state=active]')].map((li) => `${li.getAttribute('data-stage')}${li.querySelector('[data-testid=stage-count]')?.textContent ? ':' + li.querySelector('[data-testid=stage-count]')?.textContent : ''}`);
        seen.push(`${strip.getAttribute('data-phase')}|${active.join(',')}`);
      };
      new MutationObserver(snap).observe(strip, { subtree: true, attributes: true, childList: true, characterData: true });
    });
    await runAndWait(page);
    const seen = await page.evaluate(() => (window as unknown as { __stages: string[] }).__stages);
    const during = seen.filter((s) => !s.startsWith('done') && !s.startsWith('idle'));
    expect(during.length).toBeGreaterThan(3);
    for (const s of during) {
      const [phase, active] = s.split('|');
      const stages = active.split(',').filter(Boolean).map((a) => a.split(':')[0]);
      // While the target trains, the data stage is never lit (a pool may train attacker models beside the target).
      if (phase === 'target') for (const st of stages) expect(['target', 'shadows', 'references'], s).toContain(st);
      // Shadow and reference models may train side by side; a group that finished is no longer lit.
      if (phase === 'shadows' || phase === 'references') for (const st of stages) expect(['shadows', 'references'], s).toContain(st);
      if (phase === 'attacks' || phase === 'queries') expect(stages, s).toEqual(['attacks']);
      // Counts are k/K of the planned total: 25 epochs, 2 shadow models, 4 reference models.
      for (const a of active.split(',').filter((x) => x.includes(':'))) {
        const [stage, count] = a.split(':');
        const [k, total] = count.split('/').map(Number);
        expect(total, s).toBe({ target: 25, shadows: 2, references: 4 }[stage]);
        expect(k).toBeLessThanOrEqual(total);
      }
    }
    expect(seen.some((s) => s.startsWith('target|target:'))).toBe(true);
    // Each attacker group was lit with its own count at some point (in whichever phase led).
    expect(seen.some((s) => /shadows:\d\/2/.test(s))).toBe(true);
    expect(seen.some((s) => /references:\d\/4/.test(s))).toBe(true);
    expect(seen.at(-1)).toMatch(/^done\|$/);
    await page.close();
  });

  it('keeps the gap label in its card, starts the log ROC near 1/N and draws strong ROC lines', async () => {
    const page = await open(SMALL);
    await runAndWait(page);
    // The "gap NN pts" label stays inside its chart card.
    const label = await page.getByTestId('gap-label').boundingBox();
    const card = await page.locator('.chart', { has: page.getByTestId('gap-label') }).boundingBox();
    expect(label && card).toBeTruthy();
    expect(label!.x).toBeGreaterThanOrEqual(card!.x);
    expect(label!.x + label!.width).toBeLessThanOrEqual(card!.x + card!.width);
    // 250 non-members: the lowest measurable FPR is 0.4%, so the axis starts at 0.1%, not 0.001%.
    const roc = page.locator('.chart', { hasText: 'ROC: members caught' });
    const xTicks = await roc.locator('.axis').nth(1).locator('text.tick-label').allTextContents();
    expect(xTicks[0]).toBe('0.1%');
    expect(xTicks).not.toContain('0.001%');
    expect(await roc.getByTestId('roc-unmeasurable').textContent()).toContain('not measurable with 250 non-members');
    // Lines: at least 2.5 px, at least 70% opaque, colours ≥ 3:1 against the card.
    const lines = await roc.locator('path.curve').evaluateAll((paths) =>
      paths.map((p) => {
        const cs = getComputedStyle(p);
        return { width: parseFloat(cs.strokeWidth), opacity: parseFloat(cs.opacity), stroke: cs.stroke };
      }),
    );
    expect(lines.length).toBe(4);
    const lum = (rgb: string) => {
      const [r, g, b] = (rgb.match(/\d+/g) ?? []).slice(0, 3).map((v) => Number(v) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const bg = await roc.evaluate((el) => getComputedStyle(el).backgroundColor);
    for (const l of lines) {
      expect(l.width).toBeGreaterThanOrEqual(2.5);
      expect(l.opacity).toBeGreaterThanOrEqual(0.7);
      const [hi, lo] = [lum(l.stroke), lum(bg)].sort((a, b) => b - a);
      expect((hi + 0.05) / (lo + 0.05), l.stroke).toBeGreaterThanOrEqual(3);
    }
    await page.close();
  });

  it('shows no attack ids or developer wording on screen, nor in help lines and tooltips', async () => {
    const page = await open(SMALL);
    const watch = watchPage(page, session.server.url);
    await runAndWait(page);
    const visible = await page.evaluate(() => document.body.innerText);
    const hidden = await page.evaluate(() =>
      [...document.querySelectorAll('.help, [title], [role=tooltip]')].map((e) => `${e.textContent ?? ''} ${e.getAttribute('title') ?? ''}`).join('\n'),
    );
    for (const word of [...ATTACK_IDS, ...DEVELOPER_WORDS]) {
      expect(visible, word).not.toContain(word);
      expect(hidden, word).not.toContain(word);
    }
    // Options show names, not ids.
    const apiOptions = await page.locator('#field-api-output option').allTextContents();
    expect(apiOptions).not.toContain('top-k');
    expect(apiOptions).toContain('Label only');
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('preset menu', () => {
  it('lists no lesson presets, and shows the preset a link loaded', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(`${session.server.url}/?backend=wasm#/playground`);
    const menu = page.getByTestId('preset-menu');
    const values = await menu.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(values.filter((v) => v.startsWith('lesson-'))).toEqual([]);
    expect(values).toContain('moons-2d');
    expect(await menu.inputValue()).toBe('');
    // Opened with ?preset=…: the menu shows it (by its title) instead of "Choose a preset…".
    await page.goto(`${session.server.url}/?backend=wasm&preset=moons-2d#/playground`);
    await expect.poll(() => menu.inputValue()).toBe('moons-2d');
    expect(await menu.locator('option:checked').textContent()).toBe('Two moons in 2-D');
    // Through a lesson's "Try this in the playground": the lesson's preset shows while loaded.
    await page.goto(`${session.server.url}/?backend=wasm#/lessons/01-remembers`);
    await page.getByRole('link', { name: /Try this in the playground/ }).click();
    await expect.poll(() => menu.inputValue()).toBe('lesson-remembers');
    expect(await menu.locator('option:checked').textContent()).toMatch(/^Lesson 1/);
    // Changing a setting marks it as changed; choosing another preset shows that one.
    await page.locator('#field-train-epochs').fill('7');
    await page.locator('#field-train-epochs').dispatchEvent('change');
    await expect.poll(() => menu.locator('option:checked').textContent()).toMatch(/\(changed\)$/);
    await menu.selectOption('glyphs-cnn');
    await expect.poll(() => menu.inputValue()).toBe('glyphs-cnn');
    await page.close();
  });

  it('charts jump instead of tweening while a run streams results, and tween again after it', async () => {
    const page = await open(SMALL);
    // Tweens during a run kept the main thread busy 5.0 s of a 6.0 s default run on 2 cores.
    const barTransition = () => page.evaluate(() => {
      const bar = document.querySelector('[data-testid=gap-chart] rect.bar');
      return bar ? getComputedStyle(bar).transitionDuration : null;
    });
    const runs = Number((await summary(page)).runs);
    await page.getByTestId('run').click();
    await expect.poll(async () => (await page.locator('section.main.live').count()) > 0 && (await barTransition()) !== null, { timeout: 60_000, interval: 50 }).toBe(true);
    expect((await barTransition())!.split(',').every((d) => parseFloat(d) === 0)).toBe(true);
    await expect.poll(async () => Number((await summary(page)).runs), { timeout: 180_000 }).toBe(runs + 1);
    await expect.poll(() => page.locator('section.main.live').count()).toBe(0);
    expect((await barTransition())!.split(',').some((d) => parseFloat(d) > 0)).toBe(true);
    await page.close();
  });
});
