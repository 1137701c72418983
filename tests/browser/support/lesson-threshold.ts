/**
 * @fileoverview Reading and dragging a lesson widget's threshold explorer, shared by the lesson
 * browser tests: what the readout says, where the handle sits and where the ROC marker(s) are.
 */
import type { Locator, Page } from 'playwright-core';

export interface ThresholdReading { threshold: number; tpr: number; fpr: number; tp: number; fp: number; markers: [number, number][] }

export async function readThreshold(widget: Locator): Promise<ThresholdReading> {
  return widget.evaluate((w) => {
    const readout = w.querySelector<HTMLElement>('[data-testid="threshold-readout"]')!;
    const handle = w.querySelector<SVGGElement>('[data-testid="threshold-explorer"] [data-testid="threshold-handle"]')!;
    const markers = [...w.querySelectorAll<SVGGElement>('[data-testid="threshold-explorer"] [data-testid="roc-marker"]')].map((g) => [Number(g.dataset.fpr), Number(g.dataset.tpr)] as [number, number]);
    return { threshold: Number(handle.dataset.value), tpr: Number(readout.dataset.tpr), fpr: Number(readout.dataset.fpr), tp: Number(readout.dataset.tp), fp: Number(readout.dataset.fp), markers };
  });
}

/** Drags the widget's threshold grip with the mouse to `share` of the histogram's width. */
export async function dragThreshold(page: Page, widget: Locator, share: number): Promise<void> {
  const grip = await widget.getByTestId('threshold-handle').locator('.grip').boundingBox();
  const track = await widget.locator('[data-testid="threshold-explorer"] .track').boundingBox();
  if (!grip || !track) throw new Error('The threshold handle is not on screen.');
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(track.x + track.width * share, grip.y + grip.height / 2, { steps: 8 });
  await page.mouse.up();
}
