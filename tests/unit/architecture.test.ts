// Import rules of issue 13, read from the source: every .ts/.svelte file under src, its
// import specifiers found by a small regex, relative ones resolved to a top-level room of src.
// Each rule is one `it`; a failure lists the offending imports. Violations that exist today and
// are scheduled to go are listed exactly in KNOWN: a new violation fails, and so does a listed
// one that has been fixed (so the list only shrinks).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** One import: the importing file and what it names, both relative to the repo root. */
export interface Edge {
  from: string;
  /** A path under src (resolved, no extension guessing needed) or a bare package name. */
  to: string;
  /** `import type … from` / `export type … from`: erased at build, so no code crosses. */
  typeOnly?: boolean;
}

const SPEC = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bnew\s+URL\s*\(\s*)(['"])([^'"\n]+)\1/g;

/** Import specifiers in one file's text (static, dynamic, side-effect and `new URL` worker imports). */
export function specifiers(text: string): string[] {
  return imports(text).map((i) => i.spec);
}

// A whole `import type {…} from '…'` statement. `import { type A }` is not type-only: under
// verbatimModuleSyntax it keeps an `import {} from '…'`, which loads the module.
const TYPE_ONLY = /\b(?:import|export)\s+type\s+[^;'"]*?\bfrom\s*(['"])[^'"\n]+\1/g;

/** Each import specifier in `text`, and whether its statement is type-only. */
export function imports(text: string): { spec: string; typeOnly: boolean }[] {
  const spans = [...text.matchAll(TYPE_ONLY)].map((m) => [m.index, m.index + m[0].length]);
  return [...text.matchAll(SPEC)].map((m) => ({ spec: m[2], typeOnly: spans.some(([a, b]) => m.index >= a && m.index < b) }));
}

/** The edge target: a relative specifier becomes a normalized repo path, a package stays bare. */
export function target(from: string, spec: string): string {
  return spec.startsWith('.') ? normalize(join(dirname(from), spec)) : spec;
}

/** Top-level room of a src path: src/core/x.ts -> core, src/App.svelte -> App.svelte. */
export function room(path: string): string | null {
  const m = /^src\/([^/]+)/.exec(path);
  return m ? m[1] : null;
}

export type Rule = (e: Edge) => boolean;
const isTf = (e: Edge) => e.to.startsWith('@tensorflow/');
const inRoom = (r: string, p: string) => room(p) === r;
const local = (e: Edge) => e.to.startsWith('src/');
/** Rooms whose code ships in the page's chunks (the worker and the CLI are not page code). */
const PAGE = ['components', 'state', 'present', 'lessons', 'report', 'App.svelte', 'main.ts'];
const isPage = (e: Edge) => PAGE.includes(room(e.from) ?? '');

/** Each rule returns true when an edge breaks it. */
export const RULES: Record<string, Rule> = {
  'src/core imports only src/core, and no @tensorflow': (e) =>
    inRoom('core', e.from) && (isTf(e) || (local(e) && !inRoom('core', e.to))),
  'src/engine imports only src/core and itself (and tfjs)': (e) =>
    inRoom('engine', e.from) && local(e) && !inRoom('core', e.to) && !inRoom('engine', e.to),
  'src/components never imports src/workers': (e) =>
    inRoom('components', e.from) && inRoom('workers', e.to),
  'src/report never imports src/components': (e) =>
    inRoom('report', e.from) && inRoom('components', e.to),
  'src/cli never imports src/workers, src/state or src/components': (e) =>
    inRoom('cli', e.from) && ['workers', 'state', 'components'].some((r) => inRoom(r, e.to)),
  'page code never imports @tensorflow/*': (e) => isTf(e) && isPage(e),
  // The engine is for the worker and the CLI; the page reads core. Types may be named (erased).
  'page code imports no value from src/engine (import type only)': (e) =>
    isPage(e) && inRoom('engine', e.to) && !e.typeOnly,
};

export function breaking(edges: Edge[], rule: Rule): string[] {
  return edges.filter(rule).map((e) => `${e.from} -> ${e.to}`);
}

/** Cycles among top-level rooms: each strongly connected group of 2+ rooms, as 'a <-> b'. */
export function roomCycles(edges: Edge[]): string[] {
  const g = new Map<string, Set<string>>();
  for (const e of edges) {
    const a = room(e.from);
    const b = local(e) ? room(e.to) : null;
    if (!a || !b || a === b) continue;
    if (!g.has(a)) g.set(a, new Set());
    g.get(a)!.add(b);
  }
  const reach = (a: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [a];
    while (stack.length) for (const n of g.get(stack.pop()!) ?? []) if (!seen.has(n)) (seen.add(n), stack.push(n));
    return seen;
  };
  const out: string[] = [];
  const rooms = [...g.keys()].sort();
  for (const a of rooms) for (const b of rooms) if (a < b && reach(a).has(b) && reach(b).has(a)) out.push(`${a} <-> ${b}`);
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|svelte)$/.test(name) ? [p] : [];
  });
}

function repoEdges(): Edge[] {
  const root = normalize(join(dirname(new URL(import.meta.url).pathname), '../..'));
  return sourceFiles(join(root, 'src')).flatMap((abs) => {
    const from = relative(root, abs);
    return imports(readFileSync(abs, 'utf8')).map((i) => ({ from, to: target(from, i.spec), typeOnly: i.typeOnly }));
  });
}

/**
 * Breaks allowed for now, each listed exactly. None left: the attack stage (the last one) is pure
 * and lives in core/experiment/attack-stage.ts, so the page's job runner imports it from core.
 */
const KNOWN: Record<string, string[]> = {};

describe('import rules (issue 13)', () => {
  // Tests are not shipped: they may import the node backend (src/cli/tf-node) or tfjs directly.
  const edges = repoEdges().filter((e) => !/\.test\.ts$/.test(e.from));
  it('reads imports from the source tree', () => {
    expect(edges.length).toBeGreaterThan(500);
    expect(edges.some((e) => e.to.startsWith('@tensorflow/'))).toBe(true);
  });
  for (const [name, rule] of Object.entries(RULES)) {
    it(name, () => {
      const found = breaking(edges, rule);
      expect(found.sort(), `offending imports:\n${found.join('\n')}`).toEqual((KNOWN[name] ?? []).sort());
    });
  }
  it('the graph of top-level folders of src has no cycle', () => {
    const cycles = roomCycles(edges);
    expect(cycles, `cycles:\n${cycles.join('\n')}`).toEqual(KNOWN.cycles ?? []);
  });
});

describe('the import checker itself catches each kind of break', () => {
  const e = (from: string, to: string): Edge => ({ from, to });
  const cases: [string, Edge][] = [
    ['src/core imports only src/core, and no @tensorflow', e('src/core/a.ts', 'src/engine/b.ts')],
    ['src/core imports only src/core, and no @tensorflow', e('src/core/a.ts', '@tensorflow/tfjs-core')],
    ['src/engine imports only src/core and itself (and tfjs)', e('src/engine/a.ts', 'src/state/b.ts')],
    ['src/components never imports src/workers', e('src/components/A.svelte', 'src/workers/w.ts')],
    ['src/report never imports src/components', e('src/report/r.ts', 'src/components/c.ts')],
    ['src/cli never imports src/workers, src/state or src/components', e('src/cli/c.ts', 'src/state/s.ts')],
    ['page code never imports @tensorflow/*', e('src/App.svelte', '@tensorflow/tfjs')],
    ['page code imports no value from src/engine (import type only)', e('src/components/cheatsheet/A.svelte', 'src/engine/experiment/sweep')],
    ['page code imports no value from src/engine (import type only)', e('src/lessons/x.ts', 'src/engine/experiment/run')],
  ];
  for (const [name, bad] of cases) {
    it(`flags ${bad.from} -> ${bad.to} under "${name}"`, () => {
      expect(breaking([bad], RULES[name])).toEqual([`${bad.from} -> ${bad.to}`]);
    });
  }
  it('lets allowed imports through', () => {
    const ok = [
      e('src/engine/a.ts', 'src/core/b.ts'), e('src/engine/a.ts', '@tensorflow/tfjs-core'), e('src/components/A.svelte', 'src/state/s.ts'),
      { from: 'src/state/s.ts', to: 'src/engine/experiment/artifacts', typeOnly: true }, e('src/workers/w.ts', 'src/engine/experiment/tasks'),
    ];
    for (const rule of Object.values(RULES)) expect(breaking(ok, rule)).toEqual([]);
  });
  it('finds a cycle of rooms, through a third room too, and none in a chain', () => {
    expect(roomCycles([e('src/lessons/a.ts', 'src/workers/b.ts'), e('src/workers/b.ts', 'src/lessons/c.ts')])).toEqual(['lessons <-> workers']);
    expect(roomCycles([e('src/a/x.ts', 'src/b/y.ts'), e('src/b/y.ts', 'src/c/z.ts'), e('src/c/z.ts', 'src/a/x.ts')])).toHaveLength(3);
    expect(roomCycles([e('src/state/x.ts', 'src/core/y.ts'), e('src/engine/z.ts', 'src/core/y.ts')])).toEqual([]);
  });
  it('parses static, dynamic, side-effect and worker-URL imports', () => {
    const text = `import a from './a';\nimport type { B } from "../b.ts";\nconst c = await import('./c');\nimport './d.css';\nnew Worker(new URL('./w.ts', import.meta.url));\nexport { e } from '@tensorflow/tfjs';`;
    expect(specifiers(text)).toEqual(['./a', '../b.ts', './c', './d.css', './w.ts', '@tensorflow/tfjs']);
    expect(target('src/core/x/y.ts', '../z')).toBe('src/core/z');
  });
  it('tells a type-only import from one that loads the module', () => {
    const text = `import type { A } from './a';\nimport {\n  type B,\n} from './b';\nimport type {\n  C,\n  D,\n} from "./c";\nexport type { E } from './e';\nimport { f } from './a';`;
    expect(imports(text)).toEqual([
      { spec: './a', typeOnly: true }, { spec: './b', typeOnly: false }, { spec: './c', typeOnly: true }, { spec: './e', typeOnly: true }, { spec: './a', typeOnly: false },
    ]);
  });
});
