/**
 * @fileoverview The Content-Security-Policy as configured (csp.config.ts): the header file for
 * static hosts matches it, every file the app ships gets exactly one policy, the page's policy is
 * the tight one and only the worker may compile wasm.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER_RULES, PAGE_POLICY, WORKER_POLICY, DEV_PAGE_POLICY, policyForPath, renderHeadersFile } from '../../csp.config';

const directives = (policy: string) => Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const matches = (rule: string, path: string) => (rule.endsWith('*') ? path.startsWith(rule.slice(0, -1)) : path === rule);

describe('Content-Security-Policy', () => {
  it('public/_headers is the rendering of csp.config.ts', () => {
    expect(readFileSync('public/_headers', 'utf8')).toBe(renderHeadersFile());
  });

  it('gives every file in public/, the page and the build’s assets exactly one rule', () => {
    const served = filesUnder('public').map((f) => '/' + relative('public', f).split('\\').join('/')).filter((p) => p !== '/_headers');
    for (const path of [...served, '/', '/index.html', '/assets/experiment.worker-AbC123.js', '/assets/index-x.css']) {
      expect(HEADER_RULES.filter((r) => matches(r.path, path)).map((r) => r.path), path).toHaveLength(1);
    }
  });

  it('lets only the worker compile wasm; the page gets no inline script, style or eval', () => {
    const page = directives(PAGE_POLICY);
    expect(page['script-src']).toEqual(["'self'"]);
    expect(page['style-src']).toEqual(["'self'"]);
    expect(page['connect-src']).toEqual(["'self'"]);
    expect(page['object-src']).toEqual(["'none'"]);
    expect(PAGE_POLICY).not.toMatch(/unsafe|\*|https?:/);
    const worker = directives(WORKER_POLICY);
    expect(worker['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(worker['connect-src']).toEqual(["'self'"]);
    expect(WORKER_POLICY).not.toMatch(/'unsafe-(eval|inline)'|\*|https?:/);
    expect(policyForPath('/')).toBe(PAGE_POLICY);
    expect(policyForPath('/index.html')).toBe(PAGE_POLICY);
    expect(policyForPath('/assets/experiment.worker-AbC123.js')).toBe(WORKER_POLICY);
    // Anything not listed (a 404, an HTML fallback) gets the page's policy.
    expect(policyForPath('/nope/page.html')).toBe(PAGE_POLICY);
  });

  it('loosens only styles for the dev server (Vite injects <style> elements while developing)', () => {
    expect(directives(DEV_PAGE_POLICY)).toEqual({ ...directives(PAGE_POLICY), 'style-src': ["'self'", "'unsafe-inline'"] });
  });
});
