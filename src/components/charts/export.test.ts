import { describe, expect, it } from 'vitest';
import { chartFileName, composeChartSvg, escapeXml, inlineStyle, pngDimensions, resolveCssVars } from './export';

describe('resolveCssVars', () => {
  const theme: Record<string, string> = { '--color-member': ' #d9730d', '--a': 'var(--b)', '--b': 'red' };
  const lookup = (name: string) => theme[name];

  it('replaces a custom property by its value, else by its fallback', () => {
    expect(resolveCssVars('var(--color-member)', lookup)).toBe('#d9730d');
    expect(resolveCssVars('var(--chart-cat-0, #6b4fa8)', lookup)).toBe('#6b4fa8');
    expect(resolveCssVars('var(--missing)', lookup)).toBe('');
  });

  it('handles nested vars, parentheses in fallbacks and several vars in one value', () => {
    expect(resolveCssVars('var(--x, var(--color-member))', lookup)).toBe('#d9730d');
    expect(resolveCssVars('var(--x, rgb(1, 2, 3))', lookup)).toBe('rgb(1, 2, 3)');
    expect(resolveCssVars('1px solid var(--color-member), var(--y, blue)', lookup)).toBe('1px solid #d9730d, blue');
    expect(resolveCssVars('var(--a)', (n) => resolveCssVars(theme[n] ?? '', lookup))).toBe('red');
    expect(resolveCssVars('none', lookup)).toBe('none');
  });
});

describe('inlineStyle', () => {
  it('writes the computed values that differ from SVG initial values', () => {
    const computed: Record<string, string> = { fill: 'rgb(217, 115, 13)', opacity: '1', 'stroke-dasharray': 'none', 'font-size': '12px', 'text-anchor': 'middle' };
    expect(inlineStyle((p) => computed[p] ?? '')).toBe('fill:rgb(217, 115, 13);font-size:12px;text-anchor:middle');
  });
});

describe('chartFileName', () => {
  it('slugs the title, dropping accents and punctuation', () => {
    expect(chartFileName('ROC: members caught vs non-members falsely flagged', 'svg')).toBe('roc-members-caught-vs-non-members-falsely-flagged.svg');
    expect(chartFileName('Privacy–utility: défenses', 'png')).toBe('privacy-utility-defenses.png');
    expect(chartFileName(undefined, 'png')).toBe('chart.png');
    expect(chartFileName('<script>', 'svg')).toBe('script.svg');
  });
});

describe('composeChartSvg', () => {
  const doc = composeChartSvg({
    width: 300.4,
    height: 200,
    background: 'rgb(255, 255, 255)',
    title: 'A <b>"title"</b>',
    description: 'Members & non-members',
    texts: [{ text: 'Legend <x>', x: 10, y: 12.345, fill: 'rgb(27, 35, 48)', fontSize: '14px', fontWeight: '600', fontFamily: 'system-ui, "Segoe UI"' }],
    images: [{ href: 'data:image/png;base64,AAAA', x: 50, y: 20, width: 100, height: 100 }],
    svgs: ['<svg xmlns="http://www.w3.org/2000/svg" x="50" y="20"><path d="M0,0L1,1"/></svg>'],
  });

  it('is a standalone SVG document with size, background and escaped text', () => {
    expect(doc.startsWith('<?xml')).toBe(true);
    expect(doc).toContain('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="301" height="200" viewBox="0 0 301 200">');
    expect(doc).toContain('<title>A &lt;b&gt;&quot;title&quot;&lt;/b&gt;</title>');
    expect(doc).toContain('<desc>Members &amp; non-members</desc>');
    expect(doc).toContain('<rect width="100%" height="100%" fill="rgb(255, 255, 255)"/>');
    expect(doc).toContain('>Legend &lt;x&gt;</text>');
    expect(doc).toContain('font-family="system-ui, &quot;Segoe UI&quot;"');
    expect(doc).toContain('y="12.35"');
    expect(doc).not.toContain('var(');
  });

  it('stacks background, raster, plot and text in that order', () => {
    const at = (s: string) => doc.indexOf(s);
    expect(at('<rect width="100%"')).toBeLessThan(at('<image '));
    expect(at('<image ')).toBeLessThan(at('<path '));
    expect(at('<path ')).toBeLessThan(at('<text '));
    expect(doc).toContain('href="data:image/png;base64,AAAA"');
  });

  it('escapes XML metacharacters', () => {
    expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;');
  });
});

describe('pngDimensions', () => {
  it('reads width and height from the IHDR chunk, and rejects other bytes', () => {
    const header = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 3, 0x20, 0, 0, 1, 0x90]);
    expect(pngDimensions(header)).toEqual({ width: 800, height: 400 });
    expect(pngDimensions(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeNull();
  });
});
