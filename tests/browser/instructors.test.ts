import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/session';
import { watchPage } from './support/page-watch';

const session = useAppSession({ width: 1024, height: 768 });

const TINY = 'split.targetMembers=60&split.shadowPool=120&train.epochs=5&attack.shadows=1&attack.names=gap,loss-threshold';

describe('presenter mode', () => {
  it('enlarges type and answers the shortcuts: ?, number keys, arrows, space, reset', async () => {
    const page = await session.browser.context.newPage();
    const watch = watchPage(page, session.server.url);
    await page.goto(`${session.server.url}/?present&backend=wasm&preset=lesson-remembers#/playground`);
    await page.locator('.chip[data-status="ready"]').waitFor({ timeout: 120_000 });
    const rootSize = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(rootSize).toBeGreaterThan(16);
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('?');
    await page.getByTestId('shortcut-help').waitFor();
    await page.screenshot({ path: 'test-results/presenter-1024x768-help.png' });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('shortcut-help').count()).toBe(0);
    await page.keyboard.press('4');
    await expect.poll(() => page.locator('#field-data-name').inputValue()).toBe('moons');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator('#field-data-name').inputValue()).toBe('glyphs');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('#field-data-name').inputValue()).toBe('moons');
    await page.keyboard.press(' ');
    await expect.poll(() => page.locator('[role=progressbar]').count()).toBeGreaterThan(0);
    await page.keyboard.press(' ');
    await expect.poll(() => page.getByTestId('run').count(), { timeout: 30_000 }).toBe(1);
    // Reopen the tiny demo: reset returns to the config the page opened with.
    await page.goto(`${session.server.url}/?present&backend=wasm&preset=lesson-remembers&${TINY}#/playground`);
    await page.locator('.chip[data-status="ready"]').waitFor({ timeout: 120_000 });
    await page.getByTestId('reset-demo').click();
    await expect.poll(async () => page.getByTestId('run-summary').getAttribute('data-state'), { timeout: 180_000 }).toBe('done');
    const first = await page.getByTestId('run-summary').getAttribute('data-auc');
    const runs = Number(await page.getByTestId('run-summary').getAttribute('data-runs'));
    await page.getByTestId('reset-demo').click();
    await expect.poll(async () => Number(await page.getByTestId('run-summary').getAttribute('data-runs')), { timeout: 180_000 }).toBe(runs + 1);
    // Same preset, same seed: the replayed demo gives the same numbers.
    expect(await page.getByTestId('run-summary').getAttribute('data-auc')).toBe(first);
    await page.screenshot({ path: 'test-results/presenter-1024x768.png' });
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('classroom links', () => {
  it('shows exactly the chosen controls, also after a reload', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(`${session.server.url}/?backend=wasm#/playground`);
    await page.getByRole('button', { name: 'Make a classroom link…' }).click();
    const dialog = page.getByTestId('classroom-dialog');
    await dialog.locator('select').selectOption('moons-2d');
    for (const path of ['train.epochs', 'model.dropout', 'train.l2', 'attack.names']) await dialog.locator(`input[data-path="${path}"]`).uncheck();
    for (const path of ['model.width', 'train.earlyStopping']) await dialog.locator(`input[data-path="${path}"]`).check();
    const link = await page.getByTestId('classroom-link').inputValue();
    expect(link).toContain('show=model.width,train.earlyStopping');
    const student = await session.browser.context.newPage();
    await student.goto(link);
    const visible = async () =>
      student.evaluate(() => [...document.querySelectorAll('form :is(input, select)[id^="field-"]')].map((e) => e.id).sort());
    await expect.poll(visible).toEqual(['field-model-width', 'field-train-earlyStopping']);
    expect(await student.getByTestId('classroom-note').count()).toBe(1);
    await student.locator('#field-model-width').fill('32');
    await student.locator('#field-model-width').dispatchEvent('change');
    await student.reload();
    await expect.poll(visible).toEqual(['field-model-width', 'field-train-earlyStopping']);
    expect(await student.locator('#field-model-width').inputValue()).toBe('32');
    await student.close();
    await page.close();
  });
});

describe('embeds', () => {
  it('shows one widget without page chrome and offers the embed code', async () => {
    const page = await session.browser.context.newPage();
    const watch = watchPage(page, session.server.url);
    await page.goto(`${session.server.url}/?embed=scoreboard&backend=wasm&preset=lesson-remembers&${TINY}`);
    await page.getByTestId('embed').waitFor();
    expect(await page.locator('header').count()).toBe(0);
    expect(await page.locator('footer').count()).toBe(0);
    await expect.poll(() => page.getByTestId('run-summary').getAttribute('data-state'), { timeout: 120_000 }).toBe('done');
    expect(await page.getByTestId('copy-embed').textContent()).toContain('Copy embed code');
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });

  it('the demo page embeds two working widgets the way a blog would', async () => {
    const page = await session.browser.context.newPage();
    const watch = watchPage(page, session.server.url);
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(`${session.server.url}/embed-demo.html`);
    for (const id of ['embed-histogram', 'embed-roc']) {
      const frame = page.frameLocator(`[data-testid="${id}"]`);
      await frame.getByTestId('embed').waitFor({ timeout: 60_000 });
      await expect.poll(() => frame.getByTestId('run-summary').getAttribute('data-state'), { timeout: 180_000 }).toBe('done');
    }
    await page.screenshot({ path: 'test-results/embed-demo.png', fullPage: true });
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors, watch.consoleErrors.join('\n')).toEqual([]);
    await page.close();
  });
});

describe('themes', () => {
  it('follows the system and toggles dark and light', async () => {
    const page = await session.browser.context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${session.server.url}/?backend=wasm#/lessons`);
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const dark = await bg();
    await page.getByTestId('theme-toggle').click(); // system → dark
    expect(await bg()).toBe(dark);
    await page.getByTestId('theme-toggle').click(); // dark → light
    expect(await bg()).not.toBe(dark);
    await page.close();
  });
});
