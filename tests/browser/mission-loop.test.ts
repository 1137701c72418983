/**
 * @fileoverview The mission's loop on the playground's default, as a learner walks it (issue 14,
 * "Done means"): run with no defense, then dropout, then augmentation (the kind the default's data
 * suits), then DP-SGD at the default ε, one defense at a time. Each run must visibly weaken the
 * strongest attack on the scoreboard against the undefended run, the what-changed sentence must
 * name the setting the learner changed, and DP must keep a useful model (test accuracy at least
 * 75% of the non-private model's). Every number is read from the page, as the learner sees it.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppSession } from './support/session';
import { watchPage } from './support/page-watch';

const session = useAppSession();

/** What the scoreboard shows after a run, parsed from its tiles' text. */
interface Board {
  readonly testAccuracy: number;
  readonly auc: number;
  readonly tprAt1: number;
  readonly attack: string;
  readonly changed: string;
  readonly seconds: number;
}

/** "71.3%" → 0.713; "0.84" → 0.84. */
const numberIn = (text: string): number => {
  const m = /(-?\d+(?:\.\d+)?)\s*(%?)/.exec(text);
  if (!m) throw new Error(`no number in "${text}"`);
  return m[2] === '%' ? Number(m[1]) / 100 : Number(m[1]);
};

const runs = (page: Page) => page.getByTestId('run-summary').getAttribute('data-runs').then(Number);

async function runAndRead(page: Page): Promise<Board> {
  const before = await runs(page);
  const t0 = Date.now();
  await page.getByTestId('run').first().click();
  await expect.poll(() => runs(page), { timeout: 180_000 }).toBe(before + 1);
  await expect.poll(() => page.getByTestId('run-summary').getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
  const seconds = (Date.now() - t0) / 1000;
  const text = (id: string) => page.getByTestId(id).first().innerText();
  const changed = (await page.getByTestId('what-changed').isVisible()) ? await text('what-changed') : '';
  return {
    testAccuracy: numberIn(await text('tile-utility-value')),
    auc: numberIn(await text('tile-auc-value')),
    tprAt1: numberIn(await text('tile-tpr-value')),
    attack: (await page.getByTestId('tile-auc').locator('.small').innerText()).trim(),
    changed,
    seconds,
  };
}

/** The AUC drop that counts as visible on the scoreboard (it shows two decimals). */
const VISIBLE_AUC_DROP = 0.03;

describe('the mission loop on the default', () => {
  it('run → dropout → augmentation → DP: each defense visibly weakens the strongest attack, the sentence names it, DP keeps utility', async () => {
    const page = await session.browser.context.newPage();
    const watch = watchPage(page, session.server.url);
    await page.goto(`${session.server.url}/?backend=wasm#/playground`);
    await page.locator('.chip[data-status="ready"]').waitFor({ timeout: 120_000 });
    const log: string[] = [];
    const note = (step: string, b: Board) =>
      log.push(`${step}: ${b.seconds.toFixed(1)} s, test acc ${(b.testAccuracy * 100).toFixed(1)}%, ${b.attack} AUC ${b.auc.toFixed(2)}, TPR@1% ${(b.tprAt1 * 100).toFixed(1)}% | ${b.changed}`);

    const base = await runAndRead(page);
    note('no defense', base);
    expect(base.auc).toBeGreaterThan(0.6);
    expect(base.tprAt1).toBeGreaterThan(0.02);

    const weaker = (step: string, b: Board) => {
      expect(b.auc, `${step}: AUC ${b.auc} vs ${base.auc}`).toBeLessThanOrEqual(base.auc - VISIBLE_AUC_DROP);
      expect(b.tprAt1, `${step}: TPR@1% ${b.tprAt1} vs ${base.tprAt1}`).toBeLessThan(base.tprAt1);
    };

    // Dropout 0.5.
    const dropout = page.locator('#field-model-dropout');
    await dropout.fill('0.5');
    await dropout.dispatchEvent('change');
    const withDropout = await runAndRead(page);
    note('dropout', withDropout);
    weaker('dropout', withDropout);
    expect(withDropout.changed).toMatch(/Dropout 0 → 0\.5/);

    // Dropout off, the default data's augmentation on (the kind the bench's defense table measures).
    await dropout.fill('0');
    await dropout.dispatchEvent('change');
    await page.locator('#field-train-augmentation').selectOption('noise');
    const withAugmentation = await runAndRead(page);
    note('augmentation', withAugmentation);
    weaker('augmentation', withAugmentation);
    expect(withAugmentation.changed).toMatch(/Augmentation/);
    // The sentence compares with the previous run, and says so: that run had dropout, not no defense.
    expect(withAugmentation.changed).toMatch(/^What changed: Compared with the previous run \(dropout 0\.5\), /);
    expect(withAugmentation.changed).toMatch(/noise/i);

    // Augmentation off, DP-SGD on at the default ε.
    await page.locator('#field-train-augmentation').selectOption('none');
    await page.locator('#field-dp-enabled').check();
    const withDp = await runAndRead(page);
    note('DP', withDp);
    weaker('DP', withDp);
    expect(withDp.changed).toMatch(/DP-SGD on/);
    expect(withDp.testAccuracy).toBeGreaterThanOrEqual(0.75 * base.testAccuracy);
    expect(numberIn(await page.getByTestId('tile-epsilon-value').innerText())).toBeGreaterThan(0);

    console.log(`mission loop on wasm:\n  ${log.join('\n  ')}`);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  }, 900_000);
});
