/**
 * @fileoverview The app's Content-Security-Policy, in one place, as HTTP headers. A `<meta>` policy
 * binds the page only; a worker gets its policy from its own script's response headers, so the
 * experiment worker ran unrestricted until the policy became a header on every response.
 *
 * Two policies, because the two kinds of document need different things:
 * - the page runs our scripts and styles only (no inline script, style, eval or wasm);
 * - the worker adds 'wasm-unsafe-eval', which the wasm backend needs to compile its .wasm files.
 * Both allow network access to our own origin only (`connect-src 'self'`).
 *
 * Used by vite.config.ts (dev and preview servers, and the `<meta>` copy in index.html for hosts
 * that cannot set headers) and rendered into public/_headers (Netlify, Cloudflare Pages); a unit
 * test keeps that file equal to HEADER_RULES.
 */
import type { Plugin } from 'vite';

type Directives = Readonly<Record<string, readonly string[]>>;

const render = (d: Directives): string => Object.entries(d).map(([k, v]) => [k, ...v].join(' ')).join('; ');

/** Closed doors every policy shares: plugins, a rewritten base URL, form submissions. */
const LOCKED: Directives = {
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
};

/** The app page (index.html): charts, KaTeX, exported PNG/SVG previews (data:, blob: images). */
export const PAGE_POLICY = render({
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  ...LOCKED,
});

/** The experiment worker's script: our own origin only, plus compiling the wasm backend's .wasm files. */
export const WORKER_POLICY = render({
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'connect-src': ["'self'"],
  ...LOCKED,
});

/**
 * The dev server's page: Vite injects each stylesheet as a `<style>` element while developing,
 * which only 'unsafe-inline' lets through. Never served by a build.
 */
export const DEV_PAGE_POLICY = PAGE_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

/** public/embed-demo.html, a static blog-post mock-up: its own inline styles, frames of the app, no script. */
export const EMBED_DEMO_POLICY = render({
  'default-src': ["'self'"],
  'script-src': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'frame-src': ["'self'"],
  ...LOCKED,
});

export interface HeaderRule {
  /** A path as static hosts write it: exact, or a prefix ending in `*`. */
  readonly path: string;
  readonly policy: string;
}

/**
 * Which response gets which policy, for every file the build serves. Rules never overlap, because
 * hosts combine overlapping ones differently (Netlify: the last wins; Cloudflare: both apply,
 * which would take 'wasm-unsafe-eval' from the worker). The policy only binds documents and
 * workers; other files get one for completeness. Everything in assets/ gets the worker's policy
 * because the worker's script is there under a hashed name (experiment.worker-<hash>.js).
 */
export const HEADER_RULES: readonly HeaderRule[] = [
  { path: '/', policy: PAGE_POLICY },
  { path: '/index.html', policy: PAGE_POLICY },
  { path: '/embed-demo.html', policy: EMBED_DEMO_POLICY },
  { path: '/favicon.svg', policy: PAGE_POLICY },
  { path: '/cache/*', policy: PAGE_POLICY },
  { path: '/images/*', policy: PAGE_POLICY },
  { path: '/assets/*', policy: WORKER_POLICY },
];

const matches = (rule: string, path: string) => (rule.endsWith('*') ? path.startsWith(rule.slice(0, -1)) : path === rule);

/** The policy for a path the build serves (the page's for anything not listed, e.g. a 404). Pure. */
export function policyForPath(path: string): string {
  return HEADER_RULES.find((r) => matches(r.path, path))?.policy ?? PAGE_POLICY;
}

/** HEADER_RULES as a `_headers` file (Netlify and Cloudflare Pages syntax). Pure. */
export function renderHeadersFile(): string {
  const intro = [
    '# Content-Security-Policy for every file the app serves (Netlify, Cloudflare Pages).',
    '# Generated from csp.config.ts; a unit test keeps the two equal. The experiment worker',
    '# (assets/experiment.worker-<hash>.js) needs its own policy: it compiles WebAssembly.',
  ];
  return [...intro, ...HEADER_RULES.flatMap((r) => ['', r.path, `  Content-Security-Policy: ${r.policy}`])].join('\n') + '\n';
}

/**
 * Sends the policy as a header on every response of the dev and preview servers, and copies the
 * page's policy into index.html as a `<meta>` (identical to the header, so the two never conflict;
 * it still guards the page on hosts that cannot send headers, such as GitHub Pages).
 */
export function cspPlugin(): Plugin {
  type Next = () => void;
  type Res = { setHeader(name: string, value: string): void };
  const header = (choose: (path: string, query: string) => string) => (req: { url?: string }, res: Res, next: Next) => {
    const url = new URL(req.url ?? '/', 'http://local');
    res.setHeader('Content-Security-Policy', choose(url.pathname, url.search));
    next();
  };
  return {
    name: 'mia-csp',
    configureServer(server) {
      // Dev serves the worker from its source path, marked `?worker_file`.
      server.middlewares.use(header((_, query) => (query.includes('worker_file') ? WORKER_POLICY : DEV_PAGE_POLICY)));
    },
    configurePreviewServer(server) {
      server.middlewares.use(header((path) => policyForPath(path)));
    },
    transformIndexHtml: {
      order: 'pre',
      // Right after the charset, before any script or stylesheet the policy has to cover.
      handler: (html, ctx) => {
        const meta = `<meta http-equiv="Content-Security-Policy" content="${ctx.server ? DEV_PAGE_POLICY : PAGE_POLICY}" />`;
        const charset = /<meta charset="[^"]*"\s*\/?>/i;
        if (!charset.test(html)) throw new Error('index.html needs <meta charset> before the CSP <meta> can follow it.');
        return html.replace(charset, (m) => `${m}\n    ${meta}`);
      },
    },
  };
}
