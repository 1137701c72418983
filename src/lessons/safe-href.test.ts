import { describe, expect, it } from 'vitest';
import { safeHref } from './markdown';
import { parseLesson } from './parse';
import { SAFE_HREFS, UNSAFE_HREFS } from '../../tests/fixtures/href-cases';

describe('safeHref', () => {
  it.each(UNSAFE_HREFS)('refuses %j', (href) => {
    expect(safeHref(href)).toBeNull();
  });

  it.each(SAFE_HREFS)('keeps %j', (href) => {
    expect(safeHref(href)).toBe(href);
  });

  it('renders a refused link as its text alone', () => {
    const head = '---\ntitle: T\nsummary: S\nduration: 5 min\nplayground: lesson-overfit\nobjectives:\n  - O\n---\n';
    // In Markdown source a backslash before a backslash is an escape: `\\\\` renders one `\\`.
    const md = head + '[one](/\\evil.example) [two](<\\\\\\\\evil.example>) [ok](#/playground)\n';
    const html = (parseLesson('t', md).segments[0] as { html: string }).html;
    expect(html).not.toContain('evil');
    expect(html).toContain('one');
    expect(html).toContain('<a href="#/playground">ok</a>');
  });

  it('returns the link as the browser will read it (tabs and outer spaces removed)', () => {
    expect(safeHref('  #/play\tground ')).toBe('#/playground');
  });
});
