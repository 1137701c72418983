/**
 * @fileoverview Records what a page does that it should not: console errors, uncaught
 * exceptions, and requests that leave the app's own origin.
 */
import type { Page } from 'playwright-core';

export interface PageWatch {
  readonly consoleErrors: string[];
  readonly foreignRequests: string[];
}

/** Starts watching `page`; the arrays fill as events arrive. */
export function watchPage(page: Page, origin: string): PageWatch {
  const watch: PageWatch = { consoleErrors: [], foreignRequests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') watch.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => watch.consoleErrors.push(`uncaught: ${err.message}`));
  const isOwn = (url: string) => url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:');
  page.on('request', (req) => {
    if (!isOwn(req.url())) watch.foreignRequests.push(req.url());
  });
  page.on('worker', (worker) => {
    worker.on('console', (msg) => {
      if (msg.type() === 'error') watch.consoleErrors.push(`worker: ${msg.text()}`);
    });
  });
  return watch;
}
