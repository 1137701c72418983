import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/session';
import { watchPage } from './support/page-watch';

const session = useAppSession();

describe('app shell', () => {
  it('routes between Lessons and Playground by hash and saves a screenshot', async () => {
    const page = await session.browser.context.newPage();
    const watch = watchPage(page, session.server.url);
    await page.goto(`${session.server.url}/?backend=wasm#/lessons`);
    await expect.poll(() => page.locator('h1').textContent()).toContain('remember');
    await page.getByRole('link', { name: 'Playground', exact: true }).click();
    expect(page.url()).toContain('#/playground');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Playground');
    await page.getByRole('link', { name: 'Lessons', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('remember');
    await page.locator('.chip[data-status="ready"]').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: 'test-results/shell-lessons.png' });
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });

  it('keeps the Content-Security-Policy and runs under it', async () => {
    const page = await session.browser.context.newPage();
    const response = await page.goto(`${session.server.url}/#/lessons`);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    // The page's policy arrives as a header too, and the <meta> copy says the same.
    expect(response?.headers()['content-security-policy']).toBe(csp);
    // Only the worker compiles wasm (its own header, tests/browser/privacy.test.ts).
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);
    await page.close();
  });
});

for (const backend of ['webgpu', 'wasm'] as const) {
  describe(`worker on ${backend}`, () => {
    it(`trains a tiny model inside the worker on ${backend}`, async () => {
      const page = await session.browser.context.newPage();
      const watch = watchPage(page, session.server.url);
      await page.goto(`${session.server.url}/?backend=${backend}#/playground`);
      const chip = page.locator('.chip');
      await page.locator('.chip[data-status="ready"]').waitFor({ timeout: 120_000 });
      expect(await chip.getAttribute('data-backend')).toBe(backend);
      await chip.hover();
      await expect.poll(() => page.locator('#backend-details').textContent()).toContain('Forced by the URL');
      if (backend === 'webgpu') {
        // SwiftShader is the only adapter on these machines; the chip must say it is a software one.
        await expect.poll(() => page.locator('#backend-details').textContent()).toMatch(/adapter/i);
      }
      // The engine check lives on the diagnostics page, linked from the chip.
      await page.evaluate(() => (location.hash = '#/diagnostics'));
      await page.getByTestId('self-test').click();
      const result = page.getByTestId('self-test-result');
      await result.waitFor({ timeout: 240_000 });
      expect(await result.getAttribute('data-backend')).toBe(backend);
      expect(Number(await result.getAttribute('data-accuracy'))).toBeGreaterThan(0.85);
      expect(await result.getAttribute('data-leaked')).toBe('0');
      await page.screenshot({ path: `test-results/shell-playground-${backend}.png` });
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
      await page.close();
    });
  });
}

describe('default backend choice', () => {
  it('prefers wasm over the software WebGPU adapter and says why', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(`${session.server.url}/#/playground`);
    await page.locator('.chip[data-status="ready"]').waitFor({ timeout: 120_000 });
    const chip = page.locator('.chip');
    const chosen = await chip.getAttribute('data-backend');
    await chip.hover();
    const details = (await page.locator('#backend-details').textContent()) ?? '';
    // On a machine with a hardware GPU this would legitimately be webgpu; here it is SwiftShader.
    if (chosen === 'wasm') expect(details).toMatch(/software/);
    else expect(chosen).toBe('webgpu');
    await page.close();
  });
});
