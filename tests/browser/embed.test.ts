/**
 * @fileoverview Embeds with sliders (issue 14, item 6), on a 390 px phone: the controls named in
 * `?controls=` appear (aliases, the DP switch with ε, a note for unknown names, none, the default
 * set), a saved result shows at once, moving a slider retrains and shows a new result, a tap moves
 * a slider, the embed code keeps `controls`, nothing scrolls sideways, and the demo page's three
 * iframes load.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppSession } from './support/session';
import { watchPage } from './support/page-watch';

const session = useAppSession({ width: 390, height: 844 });

const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const fieldIds = (page: Page) => page.evaluate(() => [...document.querySelectorAll('[data-testid=embed-controls] :is(input, select)[id^="field-"]')].map((e) => e.id));
const summary = (page: Page) => page.getByTestId('run-summary');
const runsDone = async (page: Page) => ((await summary(page).getAttribute('data-state')) === 'done' ? Number(await summary(page).getAttribute('data-runs')) : -1);

describe('an embed with sliders', () => {
  it('shows the chosen slider, retrains when it moves, and never scrolls sideways at 390 px', async () => {
    const page = await session.browser.context.newPage();
    const watch = watchPage(page, session.server.url);
    await page.goto(`${session.server.url}/?embed=histogram&preset=patients-gap&controls=dropout&backend=wasm`);
    const slider = page.getByRole('slider', { name: 'Dropout slider' });
    await slider.waitFor();
    expect(await fieldIds(page)).toEqual(['field-model-dropout']);
    // The saved result for the preset draws the gap before live training ends.
    await page.getByTestId('embed-cached').waitFor({ timeout: 30_000 });
    await expect.poll(() => runsDone(page), { timeout: 180_000 }).toBe(1);
    expect(await page.getByTestId('embed-cached').count()).toBe(0);
    const medians = () => page.locator('.median text').allTextContents();
    const before = { auc: await summary(page).getAttribute('data-auc'), medians: await medians() };
    expect(before.medians.join(' ')).toMatch(/members' median 0\.9/);
    expect(await sidewaysOverflow(page)).toBe(0);

    await slider.focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    expect(await slider.inputValue()).toBe('0.3');
    // Six key presses are one change: one run, with its progress bar.
    await page.locator('[role=progressbar]').waitFor({ timeout: 30_000 });
    await expect.poll(() => runsDone(page), { timeout: 180_000 }).toBe(2);
    expect(await summary(page).getAttribute('data-auc')).not.toBe(before.auc);
    expect(await medians()).not.toEqual(before.medians);
    await page.waitForTimeout(1000);
    expect(Number(await summary(page).getAttribute('data-runs'))).toBe(2);
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.screenshot({ path: 'test-results/embed-sliders-390x844.png', fullPage: true });

    // The embed code reopens this embed: preset, the reader's dropout and the controls.
    await session.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.server.url });
    await page.getByTestId('copy-embed').click();
    await expect.poll(() => page.getByTestId('copy-embed').textContent()).toBe('Copied');
    const code = await page.evaluate(() => navigator.clipboard.readText());
    expect(code).toMatch(/^<iframe src="[^"]*\?embed=histogram&amp;preset=patients-gap&amp;model\.dropout=0\.3&amp;controls=dropout&amp;backend=wasm"/);
    expect(Number(/height="(\d+)"/.exec(code)?.[1])).toBeGreaterThanOrEqual(800);
    expect(watch.consoleErrors, watch.consoleErrors.join('\n')).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });

  it('reads controls: ε brings the DP switch, unknown names get a note, none hides them, the default set', async () => {
    const page = await session.browser.context.newPage();
    const watch = watchPage(page, session.server.url);
    await page.goto(`${session.server.url}/?embed=histogram&preset=patients-gap&controls=epsilon,warp-speed&backend=wasm`);
    await page.getByTestId('embed-controls').waitFor();
    expect(await fieldIds(page)).toEqual(['field-dp-enabled', 'field-dp-targetEpsilon']);
    expect(await page.getByTestId('embed-controls-note').textContent()).toContain('“warp-speed”');
    expect(await page.locator('#field-dp-targetEpsilon').isDisabled()).toBe(true);
    await page.locator('#field-dp-enabled').check();
    expect(await page.locator('#field-dp-targetEpsilon').isDisabled()).toBe(false);
    // DP-SGD at ε = 2 has a saved result: it shows at once, before training starts.
    await page.getByTestId('embed-cached').waitFor({ timeout: 5_000 });
    // The saved histogram is a quantile sample; its summary still names the real group sizes.
    expect(await page.getByText('(300 members, 300 non-members)').count()).toBe(1);
    expect(await sidewaysOverflow(page)).toBe(0);

    await page.goto(`${session.server.url}/?embed=histogram&preset=patients-gap&controls=none&backend=wasm`);
    await page.getByTestId('embed').waitFor();
    expect(await page.getByTestId('embed-controls').count()).toBe(0);

    await page.goto(`${session.server.url}/?embed=playground&preset=patients-gap&backend=wasm`);
    await page.getByTestId('embed-controls').waitFor();
    expect(await fieldIds(page)).toEqual(['field-model-dropout', 'field-dp-enabled', 'field-dp-targetEpsilon', 'field-train-epochs']);
    expect(await sidewaysOverflow(page)).toBe(0);
    expect(watch.consoleErrors, watch.consoleErrors.join('\n')).toEqual([]);
    await page.close();
  });

  it('moves a slider by touch', async () => {
    const browser = session.browser.context.browser();
    if (!browser) throw new Error('No browser behind the test context to open a touch context from.');
    const touch = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await touch.newPage();
    await page.goto(`${session.server.url}/?embed=histogram&preset=patients-gap&controls=dropout&backend=wasm`);
    const slider = page.getByRole('slider', { name: 'Dropout slider' });
    await slider.waitFor();
    const box = (await slider.boundingBox())!;
    await page.touchscreen.tap(box.x + box.width * 0.6, box.y + box.height / 2);
    await expect.poll(async () => Number(await slider.inputValue())).toBeGreaterThan(0.2);
    expect(await page.locator('#field-model-dropout').inputValue()).toBe(await slider.inputValue());
    await touch.close();
  });

  it('the demo page loads its three embeds, the slider one with its controls, on a phone', async () => {
    const page = await session.browser.context.newPage();
    const watch = watchPage(page, session.server.url);
    await page.goto(`${session.server.url}/embed-demo.html`);
    for (const id of ['embed-histogram', 'embed-roc', 'embed-sliders']) {
      const iframe = page.locator(`[data-testid="${id}"]`);
      await iframe.scrollIntoViewIfNeeded();
      await page.frameLocator(`[data-testid="${id}"]`).getByTestId('embed').waitFor({ timeout: 60_000 });
    }
    const sliders = page.frameLocator('[data-testid="embed-sliders"]');
    expect(await sliders.getByTestId('embed-controls').getByRole('slider').count()).toBe(2);
    await expect.poll(() => sliders.getByTestId('run-summary').getAttribute('data-state'), { timeout: 180_000 }).toBe('done');
    // Each iframe is tall enough for its embed (no inner scroll bar) and nothing scrolls sideways.
    for (const id of ['embed-histogram', 'embed-roc', 'embed-sliders']) {
      const inner = await page.locator(`[data-testid="${id}"]`).evaluate((f) => {
        const doc = (f as HTMLIFrameElement).contentDocument!;
        return { content: doc.querySelector('[data-testid=embed]')!.getBoundingClientRect().height, frame: doc.documentElement.clientHeight, sideways: doc.documentElement.scrollWidth - doc.documentElement.clientWidth };
      });
      expect(inner.content, id).toBeLessThanOrEqual(inner.frame);
      expect(inner.sideways, id).toBe(0);
    }
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.screenshot({ path: 'test-results/embed-demo-390x844.png', fullPage: true });
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors, watch.consoleErrors.join('\n')).toEqual([]);
    await page.close();
  });
});

describe('the ROC embed', () => {
  it('draws the DP bound of a live DP run, as the playground does', async () => {
    const page = await session.browser.context.newPage();
    const watch = watchPage(page, session.server.url);
    const small = 'preset=moons-2d&data.n=600&split.targetMembers=120&split.shadowPool=240&train.epochs=4&attack.shadows=1&attack.references=2&attack.names=loss-threshold';
    await page.goto(`${session.server.url}/?embed=roc&${small}&dp.enabled=true&dp.targetEpsilon=2&backend=wasm`);
    await expect.poll(() => runsDone(page), { timeout: 180_000 }).toBe(1);
    const embed = page.getByTestId('embed');
    // Before issue 13 the live ROC embed drew no bound; it now reads boundFigure like every ROC.
    await expect.poll(() => embed.locator('.bound-label').textContent()).toMatch(/^DP bound \(ε = 2(\.0+)?\)$/);
    expect(await embed.locator('path.bound').count()).toBe(1);
    expect(await embed.locator('path.bound-region').count()).toBe(1);
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.screenshot({ path: 'test-results/embed-roc-dp-390x844.png', fullPage: true });
    expect(watch.consoleErrors, watch.consoleErrors.join('\n')).toEqual([]);
    await page.close();
  });
});
