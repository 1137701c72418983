/**
 * @fileoverview Lessons 6 and 8's widgets in real Chromium, on their cached results: LiRA's threshold
 * in the reader's hand (drag, keys, reset, the ROC point and counts moving together), the tables
 * that compare attacks across reference-model counts, seeds and what the attacker knows (each rate
 * with its count and 95% interval), lesson 7's variants table with intervals, and lesson 8's
 * "outliers leak most" picture with its tooltip.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/session';
import { watchPage } from './support/page-watch';
import { dragThreshold, readThreshold, type ThresholdReading } from './support/lesson-threshold';
import type { CacheFile } from '../../src/lessons/result';

const session = useAppSession();
const johnDoe = JSON.parse(readFileSync('public/cache/lesson-john-doe.json', 'utf8')) as CacheFile;
const defenses = JSON.parse(readFileSync('public/cache/lesson-defenses.json', 'utf8')) as CacheFile;

/** The cached LiRA verdict on `name` in `r`, as the cards write it. */
function cachedVerdict(r: CacheFile['result'], name: string): string {
  const lira = r.attacks.find((a) => a.name === 'lira-online')!;
  const rec = r.records.find((x) => x.name === name)!;
  return lira.threshold !== null && rec.scores['lira-online'] >= lira.threshold ? 'MEMBER' : 'NON-MEMBER';
}

function together(r: ThresholdReading): void {
  expect(r.markers.length).toBe(1);
  expect(r.markers[0][0]).toBeCloseTo(r.fpr, 12);
  expect(r.markers[0][1]).toBeCloseTo(r.tpr, 12);
}

describe('lessons 6 and 8', () => {
  it("lesson 6 puts LiRA's threshold in the reader's hand, on the cached scores", async () => {
    const page = await session.browser.context.newPage();
    const watch = watchPage(page, session.server.url);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${session.server.url}/#/lessons/06-final-blow`);
    const widget = page.locator('[data-testid="widget"][data-id="w2"]');
    const handle = widget.getByTestId('threshold-explorer').getByTestId('threshold-handle');
    await handle.waitFor({ timeout: 60_000 });
    await handle.scrollIntoViewIfNeeded();
    const lira = johnDoe.result.attacks.find((a) => a.name === 'lira-online')!;
    const start = await readThreshold(widget);
    together(start);
    // The attacker's own threshold: exactly the cached verdict counts, on all 200 + 200 records.
    expect([start.tp, start.fp]).toEqual([lira.atThreshold.tp, lira.atThreshold.fp]);
    expect(await widget.getByTestId('threshold-readout').textContent()).toMatch(/of 200 members.*of 200 non-members/s);
    await dragThreshold(page, widget, 0.97);
    const high = await readThreshold(widget);
    expect(high.threshold).toBeGreaterThan(start.threshold);
    expect(high.fp).toBeLessThanOrEqual(start.fp);
    expect(high.tp).toBeLessThan(start.tp);
    together(high);
    await handle.focus();
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowLeft');
    const low = await readThreshold(widget);
    expect(low.threshold).toBeLessThan(high.threshold);
    expect(low.tp).toBeGreaterThan(high.tp);
    together(low);
    await widget.getByTestId('threshold-reset').click();
    expect((await readThreshold(widget)).threshold).toBe(start.threshold);

    // RMIA and offline LiRA with 2, 4 and 8 reference models; the seeds table with its range row.
    const refs = page.locator('[data-testid="widget"][data-id="w3"] [data-testid="variant-attacks-table"]');
    await expect.poll(() => refs.locator('tbody tr').count()).toBe(3);
    const firstRow = (await refs.locator('tbody tr').first().textContent()) ?? '';
    expect(firstRow).toMatch(/2 reference models.*\(\d+ of 200\)\s*\[[\d.]+, [\d.]+\]/s);
    expect(await page.locator('[data-testid="widget"][data-id="w3"] [data-testid="variant-attacks-note"]').textContent()).toContain('allows 2 false positives');
    const seeds = page.locator('[data-testid="widget"][data-id="w4"] [data-testid="variant-attacks-table"]');
    await expect.poll(() => seeds.locator('tbody tr').count()).toBe(3);
    expect(await seeds.locator('tfoot').textContent()).toMatch(/Range of TPR at 1% FPR.*% to .*%/s);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('follows John Doe and Jane Smith: the same two cards on lessons 6 and 7, with the cached verdicts', async () => {
    const page = await session.browser.context.newPage();
    const watch = watchPage(page, session.server.url);
    await page.goto(`${session.server.url}/#/lessons/06-final-blow`);
    const predict = page.locator('[data-testid="predict"][data-id="p1"]');
    await predict.locator('input[type="radio"]').first().check();
    await predict.locator('button.commit').click();
    const names = (pair: ReturnType<typeof page.locator>) => pair.getByTestId('pair-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-name')));
    const six = page.locator('[data-testid="widget"][data-id="jd"] [data-testid="record-pair"]');
    await six.waitFor({ timeout: 60_000 });
    expect(await names(six)).toEqual(['John Doe', 'Jane Smith']);
    // One row per attack, LiRA (the widget's attack) first.
    const rows6 = six.getByTestId('pair-card').first().locator('tbody tr');
    expect(await rows6.count()).toBe(johnDoe.result.attacks.length);
    expect(await rows6.first().locator('th').textContent()).toContain('LiRA');
    expect(await six.getByTestId('pair-card').nth(0).getByTestId('pair-verdict').first().textContent()).toBe(cachedVerdict(johnDoe.result, 'John Doe'));
    expect(await six.getByTestId('pair-card').nth(1).getByTestId('pair-verdict').first().textContent()).toBe(cachedVerdict(johnDoe.result, 'Jane Smith'));
    expect(await six.getByTestId('pair-card').nth(1).textContent()).toContain('Non-member: never trained on');

    await page.goto(`${session.server.url}/#/lessons/07-taming-overfitting`);
    const p7 = page.locator('[data-testid="predict"][data-id="p1"]');
    await p7.locator('input[type="radio"]').nth(2).check();
    await p7.locator('button.commit').click();
    const seven = page.locator('[data-testid="widget"][data-id="w1"] [data-testid="record-pair"]');
    await seven.waitFor({ timeout: 60_000 });
    expect(await names(seven)).toEqual(['John Doe', 'Jane Smith']);
    // One row per model: no defense, L2, dropout, early stopping; each verdict as cached.
    const john7 = seven.getByTestId('pair-card').first();
    await expect.poll(() => john7.locator('tbody tr').count()).toBe(4);
    const verdicts = await john7.getByTestId('pair-verdict').allTextContents();
    expect(verdicts).toEqual([defenses.result, ...['l2', 'dropout', 'early'].map((k) => defenses.variants[k].result)].map((r) => cachedVerdict(r, 'John Doe')));
    expect(await john7.locator('tbody tr').nth(2).locator('th').textContent()).toContain('Dropout');
    expect(watch.consoleErrors).toEqual([]);
    // The predictions answered here are saved progress; the next test answers them itself.
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  it('lesson 7 shows each TPR with its count and interval; lesson 8 compares seeds, the informed attacker and who is exposed', async () => {
    const page = await session.browser.context.newPage();
    const watch = watchPage(page, session.server.url);
    await page.goto(`${session.server.url}/#/lessons/07-taming-overfitting`);
    const predict = page.locator('[data-testid="predict"][data-id="p1"]');
    await predict.locator('input[type="radio"]').nth(2).check();
    await predict.locator('button.commit').click();
    const variants = page.locator('[data-testid="widget"][data-id="w1"] [data-testid="variants-table"]');
    await expect.poll(() => variants.locator('tbody tr').count(), { timeout: 30_000 }).toBe(4);
    expect(await variants.locator('tbody tr').nth(3).textContent()).toMatch(/Early stopping.*\(\d+ of 200\)\s*\[[\d.]+, [\d.]+\]/s);
    // L1 beside L2 on three seeds, from the cache, and its λ quoted from the variant's config.
    const l1 = page.locator('[data-testid="widget"][data-id="w2"] [data-testid="variants-table"]');
    await expect.poll(() => l1.locator('tbody tr').count(), { timeout: 30_000 }).toBe(9);
    expect(await l1.locator('tbody').textContent()).toMatch(/L1 penalty 0\.003.*\(\d+ of 200\)/s);
    const l1Prose = await page.locator('main').textContent();
    expect(l1Prose).toContain('kept 0.003, where');
    expect(l1Prose).toContain('L2 at λ = 0.01');
    expect(l1Prose).not.toContain('{{');

    await page.goto(`${session.server.url}/#/lessons/08-augmentation-ensembles`);
    const informed = page.locator('[data-testid="widget"][data-id="w3"]');
    await expect.poll(() => informed.locator('[data-testid="variant-attacks-table"] tbody tr').count(), { timeout: 30_000 }).toBe(5);
    expect(await informed.locator('[data-testid="variant-attacks-table"] tbody').textContent()).toContain('attacker trains without it');
    // John's and Jane's cards follow the same five models.
    expect(await informed.getByTestId('pair-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-name')))).toEqual(['John Doe', 'Jane Smith']);
    expect(await informed.getByTestId('pair-card').first().locator('tbody tr').count()).toBe(5);
    // "Attacker copies the augmentation" means nothing while the target trains without augmentation.
    await informed.getByTestId('controls').waitFor();
    expect(await informed.locator('#field-attack-knowsAugmentation').count()).toBe(0);
    // The menu names its options in words, not by their ids.
    expect(await informed.locator('#field-train-augmentation option').allTextContents()).toContain('Gaussian input noise');
    await informed.locator('#field-train-augmentation').selectOption('noise');
    await expect.poll(() => informed.getByTestId('controls').textContent()).toContain('Attacker copies the augmentation');
    expect(await informed.locator('#field-attack-knowsAugmentation').count()).toBe(1);
    const mixupSeeds = page.locator('[data-testid="widget"][data-id="w2"] [data-testid="variant-attacks-table"]');
    await expect.poll(() => mixupSeeds.locator('tbody tr').count()).toBe(6);
    const chart = page.locator('[data-testid="widget"][data-id="w4"] [data-testid="exposure-chart"]');
    await chart.waitFor({ timeout: 30_000 });
    expect(await chart.locator('path').count()).toBeGreaterThanOrEqual(10); // the most exposed members, as diamonds
    await chart.scrollIntoViewIfNeeded();
    const diamond = await chart.locator('g > path').first().boundingBox();
    await page.mouse.move(diamond!.x + diamond!.width / 2, diamond!.y + diamond!.height / 2);
    await expect.poll(() => page.locator('[data-testid="widget"][data-id="w4"]').textContent()).toMatch(/Exposure rank \d+ of 200/);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});
