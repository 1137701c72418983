/**
 * @fileoverview The lesson files as the app bundles them: every lessons/<slug>/index.md as raw
 * text, the syllabus and the glossary. Reading the table of contents parses front matter only;
 * the Markdown renderer (marked, KaTeX) loads with the first opened lesson (lesson-loader.ts).
 */
import syllabus from '../../../lessons/syllabus.json';
import glossary from '../../../lessons/glossary.json';
import { readCatalog, type Catalog } from '../../lessons/catalog';

const files = import.meta.glob('/lessons/*/index.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** Raw Markdown by slug ("01-remembers"). */
export const SOURCES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(files).map(([path, text]) => [path.split('/').at(-2)!, text]),
);

/** The course's table of contents; throws at startup if a lesson's front matter is malformed. */
export const CATALOG: Catalog = readCatalog(syllabus, SOURCES, glossary);
