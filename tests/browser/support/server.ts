/**
 * @fileoverview Serves the built app (dist/) on a free localhost port with Vite's preview server.
 */
import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';

export interface AppServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts the preview server; `npm run test:browser` builds dist/ first. */
export async function serveApp(): Promise<AppServer> {
  // MIA_DIST lets several developers build and test side by side (`vite build --outDir dist-x`).
  const outDir = process.env.MIA_DIST ?? 'dist';
  if (!existsSync(`${outDir}/index.html`)) throw new Error(`${outDir}/ is missing: run \`vite build\` before the browser tests.`);
  const server: PreviewServer = await preview({
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn',
  });
  const address = server.resolvedUrls?.local[0];
  if (!address) throw new Error('The preview server did not report its URL.');
  return { url: address.replace(/\/$/, ''), close: () => server.close() };
}
