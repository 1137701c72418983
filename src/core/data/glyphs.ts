/**
 * @fileoverview 16×16 grayscale digit-like glyphs (10 classes), a small stand-in for MNIST that
 * generates in milliseconds and needs no download.
 *
 * Each image is its digit's stroke template (glyph-templates.ts) with every control point wobbled,
 * then a random affine map (rotation, scale, aspect, shear, shift), a random pen width, and an
 * anti-aliased raster: a pixel's ink is how much a pen of that width covers the pixel centre,
 * approximated by clamp(width/2 + 0.5 − distance, 0, 1). Gaussian pixel noise goes on last.
 */

import type { Rng } from '../rng';
import type { Dataset } from './types';
import { GLYPH_TEMPLATES } from './glyph-templates';
import { balancedLabels, clamp, otherClass, outlierCount, pickRows } from './util';

/** Image side in pixels. */
export const GLYPH_SIZE = 16;
const PIXELS = GLYPH_SIZE * GLYPH_SIZE;
/** Pixels per unit of the template box at scale 1: a digit (0.8 units tall) is ~11 px, leaving a margin. */
const BASE_SCALE = 13.5;

export interface GlyphsOptions {
  readonly n: number;
  /** Std of the Gaussian pixel noise (values are clamped to [0, 1] afterwards). Default 0.08. */
  readonly noise?: number;
  /** Multiplies every geometric jitter (0 = the bare templates, 1 = default, 2 = very sloppy). */
  readonly jitter?: number;
  /** Images of another digit that keep their own label: a fraction in (0, 1) or a count ≥ 1. */
  readonly outliers?: number;
}

/**
 * Renders one glyph of digit `digit` into `out` (length 256, row-major, values in [0, 1]).
 * Mutates `out` and advances `rng`.
 */
export function renderGlyph(digit: number, rng: Rng, out: Float32Array, noise = 0.08, jitter = 1): void {
  out.fill(0);
  const rot = rng.uniform(-0.22, 0.22) * jitter;
  const scale = BASE_SCALE * (1 + rng.uniform(-0.12, 0.06) * jitter);
  const aspect = 1 + rng.uniform(-0.08, 0.08) * jitter;
  const shear = rng.uniform(-0.15, 0.15) * jitter;
  const half = (GLYPH_SIZE - 1) / 2;
  const tx = half + rng.uniform(-1.2, 1.2) * jitter;
  const ty = half + rng.uniform(-0.8, 0.8) * jitter;
  const width = 1.2 + rng.next() * 0.9 * Math.min(jitter, 1.5);
  const cos = Math.cos(rot), sin = Math.sin(rot);
  const wobble = 0.018 * jitter;

  for (const stroke of GLYPH_TEMPLATES[digit]) {
    const pts = new Float64Array(stroke.length);
    for (let p = 0; p < stroke.length; p += 2) {
      // Template coordinates centred on the box, wobbled, then sheared, scaled and rotated.
      const u = (stroke[p] - 0.5 + rng.normal(0, wobble)) * aspect;
      const v = stroke[p + 1] - 0.5 + rng.normal(0, wobble);
      const su = (u + shear * v) * scale;
      const sv = v * scale;
      pts[p] = tx + cos * su - sin * sv;
      pts[p + 1] = ty + sin * su + cos * sv;
    }
    for (let p = 0; p + 3 < pts.length; p += 2) {
      drawSegment(out, pts[p], pts[p + 1], pts[p + 2], pts[p + 3], width);
    }
  }
  if (noise > 0) {
    for (let i = 0; i < PIXELS; i++) out[i] = clamp(out[i] + rng.normal(0, noise), 0, 1);
  }
}

/** Max-blends an anti-aliased segment of pen width `w` (pixels) into `img`. Mutates `img`. */
function drawSegment(img: Float32Array, x0: number, y0: number, x1: number, y1: number, w: number): void {
  const reach = w / 2 + 0.5;
  const c0 = Math.max(0, Math.floor(Math.min(x0, x1) - reach));
  const c1 = Math.min(GLYPH_SIZE - 1, Math.ceil(Math.max(x0, x1) + reach));
  const r0 = Math.max(0, Math.floor(Math.min(y0, y1) - reach));
  const r1 = Math.min(GLYPH_SIZE - 1, Math.ceil(Math.max(y0, y1) + reach));
  const dx = x1 - x0, dy = y1 - y0;
  const len2 = dx * dx + dy * dy;
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      // Distance from the pixel centre (c, r) to the segment.
      const t = len2 > 0 ? clamp(((c - x0) * dx + (r - y0) * dy) / len2, 0, 1) : 0;
      const ex = c - (x0 + t * dx), ey = r - (y0 + t * dy);
      const ink = reach - Math.sqrt(ex * ex + ey * ey);
      if (ink > 0) {
        const i = r * GLYPH_SIZE + c;
        const v = ink > 1 ? 1 : ink;
        if (v > img[i]) img[i] = v;
      }
    }
  }
}

/**
 * Generates `n` glyph images with balanced labels: x is n × 256 in [0, 1], `imageShape`
 * [16, 16, 1]. Pure: returns a new Dataset.
 */
export function glyphs(opts: GlyphsOptions, rng: Rng): Dataset {
  const { n } = opts;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`glyphs: n must be a positive integer, got ${n}.`);
  const noise = opts.noise ?? 0.08;
  const jitter = opts.jitter ?? 1;
  const k = GLYPH_TEMPLATES.length;
  const y = balancedLabels(n, k, rng.fork('labels'));
  const outRng = rng.fork('outliers');
  const outlierRows = pickRows(n, outlierCount(n, opts.outliers), outRng);
  const drawn = Int32Array.from(y);
  for (const i of outlierRows) drawn[i] = otherClass(y[i], k, outRng);

  const x = new Float32Array(n * PIXELS);
  const drawRng = rng.fork('draw');
  for (let i = 0; i < n; i++) renderGlyph(drawn[i], drawRng, x.subarray(i * PIXELS, (i + 1) * PIXELS), noise, jitter);
  return {
    name: 'glyphs',
    kind: 'image',
    x,
    y,
    n,
    d: PIXELS,
    numClasses: k,
    featureNames: Array.from({ length: PIXELS }, (_, i) => `px ${Math.floor(i / GLYPH_SIZE)},${i % GLYPH_SIZE}`),
    classNames: Array.from({ length: k }, (_, c) => String(c)),
    imageShape: [GLYPH_SIZE, GLYPH_SIZE, 1],
    outlierRows,
  };
}
