/**
 * @fileoverview One served app and one Chromium per test file: registers the beforeAll/afterAll
 * hooks and hands back getters, so each file starts with a single line.
 */
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type LaunchedBrowser } from './chromium';
import { serveApp, type AppServer } from './server';

export interface AppSession {
  readonly server: AppServer;
  readonly browser: LaunchedBrowser;
}

/** Serves dist/ and launches Chromium for the calling test file; closes both afterwards. */
export function useAppSession(viewport?: { width: number; height: number }): AppSession {
  let server: AppServer | undefined;
  let browser: LaunchedBrowser | undefined;
  beforeAll(async () => {
    server = await serveApp();
    browser = await launchChromium(viewport);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const missing = (what: string) => new Error(`${what} is not ready: use it inside a test, after beforeAll.`);
  return {
    get server() {
      if (!server) throw missing('The app server');
      return server;
    },
    get browser() {
      if (!browser) throw missing('Chromium');
      return browser;
    },
  };
}
