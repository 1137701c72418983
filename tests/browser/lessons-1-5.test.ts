/**
 * @fileoverview Lessons 1 and 5's widgets in real Chromium: lesson 1's guessing game deals a
 * representative hand (the confidence rule's score on the cards is the one computed from the cached
 * result, and beats guessing), its borders have a legend, and "Retrain with a new seed" really
 * trains a new model with fresh confidences; lesson 5's attack-model threshold moves under a drag
 * with its ROC point.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/session';
import { watchPage } from './support/page-watch';
import { dragThreshold, readThreshold } from './support/lesson-threshold';
import type { CacheFile } from '../../src/lessons/result';
import { dealRecords, ruleScore, RULE_THRESHOLD } from '../../src/components/lessons/game';

const session = useAppSession();
const remembers = JSON.parse(readFileSync('public/cache/lesson-remembers.json', 'utf8')) as CacheFile;
const shadows = JSON.parse(readFileSync('public/cache/lesson-shadows.json', 'utf8')) as CacheFile;

describe('lessons 1 to 5', () => {
  it('lesson 1: a representative deal, a legend, and a retrain that really retrains', async () => {
    const page = await session.browser.context.newPage();
    const watch = watchPage(page, session.server.url);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${session.server.url}/?backend=wasm#/lessons/01-remembers`);
    const game = page.locator('[data-testid="widget"][data-id="game"]');
    const cards = game.getByTestId('game-cards').locator('li');
    await expect.poll(() => cards.count(), { timeout: 60_000 }).toBe(10);
    const deal = dealRecords(remembers.result.records, 10, remembers.result.confidence);
    expect(await cards.locator('.name').allTextContents()).toEqual(deal.map((r) => r.name));
    const rule = ruleScore(deal, RULE_THRESHOLD);
    expect(rule).toBeGreaterThanOrEqual(7);
    for (let i = 0; i < 10; i++) await cards.nth(i).getByRole('button', { name: 'Member', exact: true }).click();
    await game.getByTestId('game-reveal').click();
    const scoreText = (await game.getByTestId('game-score').textContent()) ?? '';
    expect(scoreText).toContain(`You got 5 of 10`);
    expect(scoreText).toContain(`gets ${rule} of 10`);
    expect(await game.getByTestId('game-legend').textContent()).toMatch(/right.*wrong/s);
    expect(await game.locator('.card.right').count()).toBe(5);
    expect(await game.locator('.card.wrong').count()).toBe(5);

    // Retraining uses the next seed: new patients, fresh confidences, guesses cleared.
    const before = await cards.locator('.name').allTextContents();
    await game.getByRole('button', { name: /Retrain with a new seed/ }).click();
    await expect.poll(async () => (await cards.locator('.name').allTextContents()).join('|'), { timeout: 180_000 }).not.toBe(before.join('|'));
    expect(await game.getByTestId('game-reveal').isVisible()).toBe(true);
    expect(await game.textContent()).toContain(`seed ${remembers.result.config.seed + 1}`);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  }, 240_000);

  it("lesson 5: the attack model's threshold in the reader's hand", async () => {
    const page = await session.browser.context.newPage();
    const watch = watchPage(page, session.server.url);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${session.server.url}/#/lessons/05-attack-model`);
    const widget = page.locator('[data-testid="widget"][data-id="w2"]');
    const handle = widget.getByTestId('threshold-explorer').getByTestId('threshold-handle');
    await handle.waitFor({ timeout: 60_000 });
    await handle.scrollIntoViewIfNeeded();
    const attack = shadows.result.attacks.find((a) => a.name === 'shadow-model')!;
    const start = await readThreshold(widget);
    expect([start.tp, start.fp]).toEqual([attack.atThreshold.tp, attack.atThreshold.fp]);
    expect(start.markers).toEqual([[start.fpr, start.tpr]]);
    await dragThreshold(page, widget, 0.98);
    const high = await readThreshold(widget);
    expect(high.threshold).toBeGreaterThan(start.threshold);
    expect(high.fp).toBeLessThan(start.fp);
    expect(high.markers[0][0]).toBeCloseTo(high.fpr, 12);
    expect(high.markers[0][1]).toBeCloseTo(high.tpr, 12);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  }, 120_000);
});
