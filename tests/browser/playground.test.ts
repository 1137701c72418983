import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppSession } from './support/session';
import { watchPage, type PageWatch } from './support/page-watch';

const session = useAppSession();

/** A small overfitting setup that trains in a few seconds on wasm. */
const SMALL = 'data.n=1200&split.targetMembers=250&split.shadowPool=500&train.epochs=25&model.width=64&attack.shadows=2&attack.names=gap,loss-threshold,shadow-model';

async function open(query: string): Promise<{ page: Page; watch: PageWatch }> {
  const page = await session.browser.context.newPage();
  const watch = watchPage(page, session.server.url);
  await page.goto(`${session.server.url}/?${query}#/playground`);
  await page.locator('.chip[data-status="ready"]').waitFor({ timeout: 120_000 });
  return { page, watch };
}

async function runAndWait(page: Page, timeout = 240_000): Promise<Record<string, string>> {
  const summary = page.getByTestId('run-summary');
  const before = await summary.textContent();
  await page.getByTestId('run').click();
  await expect.poll(async () => (await summary.getAttribute('data-state')) === 'done' && (await summary.textContent()) !== before, { timeout }).toBe(true);
  await page.getByTestId('run').waitFor({ timeout });
  return readSummary(page);
}

async function readSummary(page: Page): Promise<Record<string, string>> {
  return page.getByTestId('run-summary').evaluate((el) => ({ ...(el as HTMLElement).dataset }) as Record<string, string>);
}

describe('playground on wasm', () => {
  it('runs the default experiment to completion and fills histogram, ROC and scoreboard', async () => {
    const { page, watch } = await open('backend=wasm');
    const result = await runAndWait(page);
    expect(result.backend).toBe('wasm');
    expect(Number(result.auc)).toBeGreaterThan(0.5);
    expect(Number(result.testAccuracy)).toBeGreaterThan(0.2);
    await expect.poll(() => page.locator('svg rect').count()).toBeGreaterThan(10);
    expect(await page.getByText('ROC', { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.locator('text=Attack AUC').count()).toBeGreaterThan(0);
    await page.screenshot({ path: 'test-results/playground-1280.png', fullPage: false });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: 'test-results/playground-1920.png', fullPage: false });
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });

  it('switches the attack and the API without retraining, answering fast', async () => {
    const { page, watch } = await open(`backend=wasm&${SMALL}`);
    await runAndWait(page);
    const t0 = Date.now();
    await page.locator('label.attack', { hasText: 'Confidence threshold' }).locator('input').check();
    await expect.poll(async () => (await readSummary(page)).attacks, { timeout: 30_000 }).toContain('confidence-threshold');
    const summary = await readSummary(page);
    expect(summary.reused).toBe('true');
    // Reported for the record; the budget itself (< 200 ms for the attack stage) is a benchmark, not a timed test.
    console.log(`attack switch answered in ${Date.now() - t0} ms (including UI polling)`);
    await page.locator('#field-api-output').selectOption('label');
    await expect.poll(async () => (await readSummary(page)).attacks, { timeout: 30_000 }).toBe('gap');
    await expect.poll(() => page.getByTestId('unavailable').textContent()).toMatch(/labels only/);
    expect((await readSummary(page)).reused).toBe('true');
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('turning DP on shows ε before training and lowers the attack AUC', async () => {
    const { page } = await open(`backend=wasm&${SMALL}`);
    const plain = await runAndWait(page);
    await page.locator('#field-dp-enabled').check();
    await expect.poll(() => page.getByTestId('epsilon-preview').textContent()).toMatch(/ε = \d/);
    const dp = await runAndWait(page);
    expect(Number(dp.epsilon)).toBeGreaterThan(0);
    expect(Number(dp.auc)).toBeLessThan(Number(plain.auc));
    await page.close();
  });

  it('opens a shared URL with the same config', async () => {
    const { page } = await open(`backend=wasm&${SMALL}`);
    await page.locator('#field-train-epochs').fill('17');
    await page.locator('#field-train-epochs').dispatchEvent('change');
    await page.locator('#field-model-dropout').fill('0.3');
    await page.locator('#field-model-dropout').dispatchEvent('change');
    const shared = page.url();
    expect(shared).toContain('train.epochs=17');
    const other = await session.browser.context.newPage();
    await other.goto(shared);
    expect(await other.locator('#field-train-epochs').inputValue()).toBe('17');
    expect(await other.locator('#field-model-dropout').inputValue()).toBe('0.3');
    expect(await other.locator('#field-data-name').inputValue()).toBe('patients');
    await other.close();
    await page.close();
  });

  it('shows a message for a bad link and keeps the defaults', async () => {
    const { page } = await open('backend=wasm&train.epochs=99999&%3Cscript%3Ealert(1)%3C%2Fscript%3E=1');
    const alert = page.getByRole('alert').first();
    await expect.poll(() => alert.textContent()).toContain('train.epochs');
    expect(await page.locator('#field-train-epochs').inputValue()).toBe('40');
    expect(await page.locator('script:not([src])').count()).toBe(0);
    await page.close();
  });

  it('is usable from the keyboard: every control has a label and focus is visible', async () => {
    const { page } = await open('backend=wasm');
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, button')].filter((el) => {
        const e = el as HTMLInputElement;
        return !(e.labels?.length || e.getAttribute('aria-label') || e.textContent?.trim() || e.getAttribute('aria-labelledby'));
      }).length,
    );
    expect(unlabelled).toBe(0);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
    await page.close();
  });
});

describe('playground on webgpu', () => {
  it('runs a tiny experiment on the WebGPU backend', async () => {
    const tiny = 'preset=moons-2d&split.targetMembers=40&split.shadowPool=80&data.n=200&train.epochs=5&attack.shadows=1&attack.names=gap,loss-threshold';
    const { page, watch } = await open(`backend=webgpu&${tiny}`);
    const result = await runAndWait(page, 280_000);
    expect(result.backend).toBe('webgpu');
    expect(Number(result.auc)).toBeGreaterThanOrEqual(0);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});
