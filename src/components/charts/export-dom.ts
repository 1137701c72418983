/**
 * @fileoverview Saves a rendered chart as SVG or PNG. Reads the chart's figure as it is on screen:
 * the title and legend text where they are drawn, the plot <svg> with its computed styles inlined
 * (so CSS custom properties become concrete colours), and any canvas layer (the decision
 * boundary's heatmap) as an embedded PNG image. The PNG draws that SVG on a canvas at 2×.
 */
import { chartFileName, composeChartSvg, inlineStyle, resolveCssVars, type ExportImage, type ExportText } from './export';
import { downloadBlob } from '../download';

/** Marks the plot area; set by ChartFrame. */
export const PLOT_ATTR = 'data-chart-plot';
/** Marks parts of the figure left out of exports (controls, caption, buttons). */
export const SKIP_ATTR = 'data-chart-skip';

const PAD = 12;

interface Origin {
  readonly x: number;
  readonly y: number;
}

/** Copies computed styles onto the clone and resolves var() in attributes; mutates `clone`. */
function inlineTree(original: Element, clone: Element): void {
  const originals = [original, ...original.querySelectorAll('*')];
  const clones = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((el, i) => {
    const c = clones[i];
    if (!c) return;
    const cs = getComputedStyle(el);
    for (const attr of [...c.attributes]) {
      const name = attr.name;
      if (name === 'class' || name === 'role' || name === 'tabindex' || name.startsWith('aria-')) c.removeAttribute(name);
      else if (name !== 'style' && attr.value.includes('var(')) c.setAttribute(name, resolveCssVars(attr.value, (v) => cs.getPropertyValue(v)));
    }
    if (cs.display === 'none') {
      c.setAttribute('display', 'none');
      return;
    }
    // Through the CSSOM: the page's CSP (no 'unsafe-inline' styles) refuses setAttribute('style').
    const style = inlineStyle((p) => cs.getPropertyValue(p));
    if (style) (c as Element & ElementCSSInlineStyle).style.cssText = style;
    else c.removeAttribute('style');
  });
}

/** A clone of `svg` with inlined styles, placed at its on-screen position relative to `origin`. */
function serializeSvg(svg: SVGSVGElement, origin: Origin): string {
  const r = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineTree(svg, clone);
  clone.setAttribute('x', String(r.left - origin.x));
  clone.setAttribute('y', String(r.top - origin.y));
  clone.setAttribute('width', String(r.width));
  clone.setAttribute('height', String(r.height));
  clone.setAttribute('overflow', 'visible');
  return new XMLSerializer().serializeToString(clone);
}

/** One ExportText per rendered line of a text node (wrapped text keeps its lines). */
function textLines(node: Text, origin: Origin): ExportText[] {
  const parent = node.parentElement;
  if (!parent) return [];
  const cs = getComputedStyle(parent);
  if (cs.visibility === 'hidden' || cs.display === 'none') return [];
  const range = document.createRange();
  const lines: { start: number; end: number; left: number; mid: number; top: number }[] = [];
  const words = /\S+/g;
  for (let m = words.exec(node.data); m; m = words.exec(node.data)) {
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    const r = range.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const last = lines[lines.length - 1];
    if (last && Math.abs(r.top - last.top) < 2) last.end = m.index + m[0].length;
    else lines.push({ start: m.index, end: m.index + m[0].length, left: r.left, mid: r.top + r.height / 2, top: r.top });
  }
  return lines.map((l) => ({
    text: node.data.slice(l.start, l.end).replace(/\s+/g, ' '),
    x: l.left - origin.x,
    y: l.mid - origin.y,
    fill: cs.color,
    fontSize: cs.fontSize,
    fontWeight: cs.fontWeight,
    fontFamily: cs.fontFamily,
  }));
}

/** Whether `el` is left out of the text and swatch layer (the plot is exported separately). */
function skipped(el: Element): boolean {
  return !!el.closest(`[${SKIP_ATTR}], [${PLOT_ATTR}], .visually-hidden, [hidden]`);
}

/** The chart inside `figure` as a standalone SVG document, with its size. */
export function chartToSvg(figure: HTMLElement, title?: string, description?: string): { svg: string; width: number; height: number } {
  const box = figure.getBoundingClientRect();
  const plot = figure.querySelector(`[${PLOT_ATTR}]`);
  const origin = { x: box.left - PAD, y: box.top - PAD };
  const texts: ExportText[] = [];
  const svgs: string[] = [];
  const images: ExportImage[] = [];
  const walker = document.createTreeWalker(figure, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || !n.textContent?.trim() || skipped(parent) || parent.closest('svg')) continue;
    texts.push(...textLines(n as Text, origin));
  }
  for (const svg of figure.querySelectorAll('svg')) {
    if (svg.parentElement?.closest('svg') || skipped(svg)) continue;
    svgs.push(serializeSvg(svg, origin));
  }
  let bottom = box.top;
  if (plot) {
    for (const child of plot.children) {
      const r = child.getBoundingClientRect();
      if (child instanceof HTMLCanvasElement) {
        images.push({ href: child.toDataURL('image/png'), x: r.left - origin.x, y: r.top - origin.y, width: r.width, height: r.height });
      } else if (child instanceof SVGSVGElement) {
        svgs.push(serializeSvg(child, origin));
      } else continue;
      bottom = Math.max(bottom, r.bottom);
    }
  }
  const bg = getComputedStyle(figure.closest('.chart') ?? figure).backgroundColor;
  const background = !bg || bg === 'transparent' || bg === 'rgba(0, 0, 0, 0)' ? '#ffffff' : bg;
  const width = box.width + 2 * PAD;
  const height = bottom - origin.y + PAD;
  return { svg: composeChartSvg({ width, height, background, title, description, texts, images, svgs }), width, height };
}

/** Rasterizes an SVG document at `scale`× through an <img> from a blob: URL. */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width) * scale;
    canvas.height = Math.ceil(height) * scale;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw on a canvas.');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, Math.ceil(width), Math.ceil(height));
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The PNG could not be encoded.'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves the chart in `figure` as an SVG or PNG file named after its title. */
export async function saveChart(figure: HTMLElement, format: 'svg' | 'png', title?: string, description?: string): Promise<void> {
  const { svg, width, height } = chartToSvg(figure, title, description);
  const blob = format === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await svgToPng(svg, width, height);
  downloadBlob(blob, chartFileName(title, format));
}
