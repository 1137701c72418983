/**
 * @fileoverview The threshold in the learner's hand, and what changed between runs (issue 14,
 * items 3 and 4), in real Chromium on wasm: dragging the handle with the mouse moves the ROC
 * markers and the TPR/FPR readout together, the keyboard moves it too, the record inspector follows,
 * and a second run with one setting changed leaves a ghost, a what-changed sentence and a history
 * strip whose first entry brings the first run back without retraining.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppSession } from './support/session';
import { watchPage } from './support/page-watch';

const session = useAppSession();

/** A small overfitting setup that trains in a few seconds on wasm, with threshold attacks only. */
const SMALL = 'data.n=1200&split.targetMembers=250&split.shadowPool=500&train.epochs=25&model.width=64&attack.shadows=2&attack.names=gap,loss-threshold,confidence-threshold';

async function runAndWait(page: Page, timeout = 240_000): Promise<Record<string, string>> {
  const summary = page.getByTestId('run-summary');
  const runs = Number((await summary.getAttribute('data-runs')) ?? 0);
  await page.getByTestId('run').click();
  await expect.poll(async () => Number(await summary.getAttribute('data-runs')), { timeout }).toBe(runs + 1);
  await page.getByTestId('run').waitFor({ timeout });
  return summary.evaluate((el) => ({ ...(el as HTMLElement).dataset }) as Record<string, string>);
}

interface Reading {
  threshold: number;
  tpr: number;
  fpr: number;
  tp: number;
  fp: number;
  /** Every ROC marker on the page (the explorer's and the main ROC's): [fpr, tpr, cx]. */
  markers: [number, number, number][];
}

async function read(page: Page): Promise<Reading> {
  return page.evaluate(() => {
    const readout = document.querySelector<HTMLElement>('[data-testid="threshold-readout"]')!;
    const handle = document.querySelector<SVGGElement>('[data-testid="threshold-handle"]')!;
    const markers = [...document.querySelectorAll<SVGGElement>('[data-testid="roc-marker"]')].map(
      (g) => [Number(g.dataset.fpr), Number(g.dataset.tpr), Number(g.querySelector('circle')!.getAttribute('cx'))] as [number, number, number],
    );
    return {
      threshold: Number(handle.dataset.value),
      tpr: Number(readout.dataset.tpr),
      fpr: Number(readout.dataset.fpr),
      tp: Number(readout.dataset.tp),
      fp: Number(readout.dataset.fp),
      markers,
    };
  });
}

/** The ROC markers (two on the playground, one in a lesson) sit at the readout's rates. */
function expectTogether(r: Reading, markers = 2): void {
  expect(r.markers.length).toBe(markers);
  for (const [fpr, tpr] of r.markers) {
    expect(fpr).toBeCloseTo(r.fpr, 12);
    expect(tpr).toBeCloseTo(r.tpr, 12);
  }
}

/** Drags the handle with the mouse to `share` of the plot's width (press, move in steps, release). */
async function dragTo(page: Page, share: number): Promise<void> {
  const grip = await page.getByTestId('threshold-handle').locator('.grip').boundingBox();
  const track = await page.locator('[data-testid="threshold-explorer"] .track').boundingBox();
  if (!grip || !track) throw new Error('The threshold handle is not on screen.');
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(track.x + track.width * share, grip.y + grip.height / 2, { steps: 8 });
  await page.mouse.up();
}

describe('the threshold in your hand', () => {
  it('drags and steps the threshold, moving the ROC point and the readout together; runs leave a ghost, a sentence and a history', async () => {
    const page = await session.browser.context.newPage();
    const watch = watchPage(page, session.server.url);
    await page.goto(`${session.server.url}/?backend=wasm&${SMALL}#/playground`);
    await page.locator('.chip[data-status="ready"]').waitFor({ timeout: 120_000 });
    const first = await runAndWait(page);
    await page.getByTestId('threshold-explorer').scrollIntoViewIfNeeded();

    // The attacker's own threshold to begin with, the ROC markers at its rates.
    const start = await read(page);
    expectTogether(start);
    await expect.poll(() => page.getByTestId('threshold-readout').textContent()).toMatch(/attacker's own threshold/);

    // Mouse: drag left, then right. Moving right can only lower TPR and FPR, and here lowers both.
    await dragTo(page, 0.3);
    const left = await read(page);
    expectTogether(left);
    await dragTo(page, 0.85);
    const right = await read(page);
    expectTogether(right);
    expect(right.threshold).toBeGreaterThan(left.threshold);
    expect(right.tp).toBeLessThan(left.tp);
    expect(right.fp).toBeLessThan(left.fp);
    // The markers moved left along the curve (lower FPR) as the handle moved right.
    for (let i = 0; i < right.markers.length; i++) expect(right.markers[i][2]).toBeLessThan(left.markers[i][2]);
    const text = (await page.getByTestId('threshold-readout').textContent()) ?? '';
    expect(text).toContain(`${right.tp} of 250 members`);
    expect(text).toContain(`${right.fp} of 250 non-members`);
    expect(text).toMatch(/if 1 in 100 of those queried are members/);

    // Keyboard: the handle is focused after the drag; arrows step it, Shift+arrows step ten.
    const handle = page.getByTestId('threshold-handle');
    await handle.focus();
    await page.keyboard.press('ArrowLeft');
    const oneLeft = await read(page);
    expect(oneLeft.threshold).toBeLessThan(right.threshold);
    await page.keyboard.press('Shift+ArrowLeft');
    const tenLeft = await read(page);
    const step = right.threshold - oneLeft.threshold;
    expect(oneLeft.threshold - tenLeft.threshold).toBeCloseTo(10 * step, 6);
    expect(tenLeft.tp).toBeGreaterThanOrEqual(oneLeft.tp);
    expectTogether(tenLeft);
    expect(Number(await handle.getAttribute('aria-valuenow'))).toBeCloseTo(tenLeft.threshold, 9);
    expect(await handle.getAttribute('aria-valuetext')).toMatch(/TPR .*of 250 members.*FPR .*of 250 non-members/);

    // The record inspector's verdict follows: some record is a member at Home and not at End.
    const inspector = page.locator('.inspector');
    const picker = inspector.locator('select');
    let flipped = false;
    for (let i = 0; i < 6 && !flipped; i++) {
      await picker.selectOption(String(i));
      await handle.focus();
      await page.keyboard.press('Home');
      const low = await inspector.locator('.verdict').getAttribute('data-verdict');
      await page.keyboard.press('End');
      const high = await inspector.locator('.verdict').getAttribute('data-verdict');
      flipped = low === 'member' && high === 'non-member';
    }
    expect(flipped).toBe(true);
    expect(await inspector.textContent()).toMatch(/your threshold/);

    // Back to the attacker's threshold.
    await page.getByTestId('threshold-reset').click();
    const reset = await read(page);
    expect(reset.threshold).toBe(start.threshold);
    expect(reset.tp).toBe(start.tp);

    // A second run with dropout: a ghost, a sentence naming the change, two runs in the strip.
    expect(await page.getByTestId('what-changed').isHidden()).toBe(true);
    await page.locator('#field-model-dropout').fill('0.5');
    await page.locator('#field-model-dropout').dispatchEvent('change');
    const second = await runAndWait(page);
    await expect.poll(() => page.getByTestId('what-changed').textContent()).toMatch(/Dropout 0 → 0\.5 (cut|raised|left) the TPR at 1% FPR of .+; test accuracy/);
    expect(await page.getByTestId('histogram-ghost').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('roc-ghost').count()).toBeGreaterThanOrEqual(1);
    const entries = page.getByTestId('run-history').locator('button');
    expect(await entries.count()).toBe(2);
    expect(await entries.nth(1).textContent()).toContain('Dropout 0 → 0.5');
    expect(await entries.nth(1).getAttribute('aria-current')).toBe('true');

    // Drag once more, then take the screenshots (1280×800 and a phone).
    await dragTo(page, 0.7);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('what-changed').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/threshold-1280.png', fullPage: true });

    // Choosing the first run shows its numbers and settings again, without retraining.
    await entries.nth(0).click();
    const back = await page.getByTestId('run-summary').evaluate((el) => ({ ...(el as HTMLElement).dataset }) as Record<string, string>);
    expect(back.auc).toBe(first.auc);
    expect(back.testAccuracy).toBe(first.testAccuracy);
    expect(back.runs).toBe(second.runs);
    expect(await page.locator('#field-model-dropout').inputValue()).toBe('0');
    expect(await entries.nth(0).getAttribute('aria-current')).toBe('true');
    await expect.poll(() => page.getByTestId('what-changed').textContent()).toMatch(/Dropout 0\.5 → 0/);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('threshold-explorer').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/threshold-390.png', fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it("lesson 1's widget puts the same threshold in the reader's hand, on the cached result", async () => {
    const page = await session.browser.context.newPage();
    const watch = watchPage(page, session.server.url);
    await page.goto(`${session.server.url}/#/lessons/01-remembers`);
    const predict = page.locator('[data-testid="predict"][data-id="p1"]');
    await predict.locator('input[type="radio"]').nth(1).check();
    await predict.locator('button.commit').click();
    const widget = page.locator('[data-testid="widget"][data-id="w1"]');
    const handle = widget.getByTestId('threshold-handle');
    await handle.waitFor({ timeout: 60_000 });
    const start = await read(page);
    expectTogether(start, 1);
    // The loss attack's cut-off, shown as a confidence: e^t of the cached threshold, 200 of each group.
    expect(await widget.getByTestId('threshold-readout').textContent()).toMatch(/of 200 members.*of 200 non-members.*attacker's own threshold/s);
    await handle.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
    const lower = await read(page);
    expect(lower.threshold).toBeLessThan(start.threshold);
    expect(lower.fp).toBeGreaterThan(start.fp);
    expectTogether(lower, 1);
    await widget.getByTestId('threshold-reset').click();
    expect((await read(page)).threshold).toBe(start.threshold);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('in presenter mode the arrow keys move a focused threshold, not the preset', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(`${session.server.url}/?present&backend=wasm&${SMALL}#/playground`);
    await page.locator('.chip[data-status="ready"]').waitFor({ timeout: 120_000 });
    await runAndWait(page);
    const dataset = await page.locator('#field-data-name').inputValue();
    const handle = page.getByTestId('threshold-handle');
    await handle.focus();
    const before = await read(page);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect((await read(page)).threshold).toBeGreaterThan(before.threshold);
    expect(await page.locator('#field-data-name').inputValue()).toBe(dataset);
    await page.close();
  });

  it('drags by touch on a phone without scrolling the page', async () => {
    const browser = session.browser.context.browser();
    if (!browser) throw new Error('No browser behind the test context to open a touch context from.');
    const touch = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await touch.newPage();
    await page.goto(`${session.server.url}/#/lessons/01-remembers`);
    const predict = page.locator('[data-testid="predict"][data-id="p1"]');
    await predict.locator('input[type="radio"]').nth(1).check();
    await predict.locator('button.commit').click();
    const handle = page.getByTestId('threshold-handle');
    await handle.waitFor({ timeout: 60_000 });
    await handle.scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, -150);
    // Wait until the wheel's scroll has landed (two equal reads): on a busy machine it can land
    // after the first read, and the page would then seem to scroll during the drag.
    let lastY = -1;
    await expect.poll(async () => {
      const now = await page.evaluate(() => window.scrollY);
      const settled = now > 0 && now === lastY;
      lastY = now;
      return settled;
    }, { interval: 150 }).toBe(true);
    const before = await read(page);
    const scrollY = await page.evaluate(() => window.scrollY);
    const grip = (await handle.locator('.grip').boundingBox())!;
    const track = (await page.locator('[data-testid="threshold-explorer"] .track').boundingBox())!;
    const y = grip.y + grip.height / 2;
    const cdp = await touch.newCDPSession(page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: grip.x + grip.width / 2, y }] });
    for (let k = 1; k <= 6; k++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: grip.x + grip.width / 2 - ((grip.x - track.x) * 0.3 * k) / 6, y: y + k * 25 }] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    const after = await read(page);
    expect(after.threshold).toBeLessThan(before.threshold);
    expect(after.fp).toBeGreaterThanOrEqual(before.fp);
    expectTogether(after, 1);
    // The finger moved down too, yet the page stayed put: the grip takes the gesture.
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollY);
    await touch.close();
  });
});
