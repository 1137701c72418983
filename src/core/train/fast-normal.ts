/**
 * @fileoverview A fast seeded standard-normal generator for DP-SGD noise.
 *
 * DP-SGD needs one fresh N(0, σ²C²) draw per parameter per step (83k for a 600→128→50 MLP).
 * `tf.randomNormal` took about 4.7 ms a step on wasm, more than the whole training step
 * (measured), and `Rng.normal` (polar method: two uniforms, a log and a sqrt per pair)
 * is a few times slower than this. The ziggurat of Marsaglia and Tsang (2000), 256 layers,
 * needs one 32-bit draw and one multiply for 98.5% of samples.
 *
 * Two deliberate departures from the original RNOR:
 * - the layer index (bits 0–7), the magnitude (bits 8–30) and the sign (bit 31) are disjoint
 *   bits of one word, avoiding the layer/value correlation Doornik (2005) found in RNOR;
 *   23 bits of magnitude within a layer is finer than a float32 near that value can show;
 * - speed: the sign is applied through a two-entry table rather than a branch (a 50/50 branch
 *   mispredicts half the time: 8 vs 2.7 ns a draw), and the 1.5% of draws the fast test rejects
 *   are finished in a second pass rather than by a call inside the hot loop (which kept V8 from
 *   keeping the generator state in registers: 10 vs 3.5 ns a draw). The second pass consumes the
 *   same stream later; the uniforms are i.i.d., so the order of use does not change the law.
 * - the uniform source is sfc32 (as in src/core/rng.ts) inlined, seeded from an `Rng`, so the
 *   stream is reproducible. It is NOT a cryptographically secure source: the DP guarantee
 *   assumes unpredictable noise, which a seeded teaching tool knowingly trades for repeatability.
 *
 * Every call draws fresh, independent values; nothing is pre-drawn or reused, because reusing
 * noise across steps would break the privacy accounting.
 */
import type { Rng } from '../rng';

const LAYERS = 256;
const R = 3.6541528853610088; // start of the tail
const V = 4.92867323399e-3; // area of each layer
const M = 8388608; // 2^23: range of the magnitude bits
/** Draws per fast pass: bounds the rejected-position scratch arrays. */
const CHUNK = 4096;

/** Ziggurat tables: k[i] acceptance thresholds (in magnitude units), w[i] scale, f[i] = density at x_i. */
const kTab = new Int32Array(LAYERS);
const wTab = new Float64Array(LAYERS);
const fTab = new Float64Array(LAYERS);
(function buildTables() {
  let dn = R;
  let tn = dn;
  const q = V / Math.exp(-0.5 * dn * dn);
  kTab[0] = Math.floor((dn / q) * M);
  kTab[1] = 0;
  wTab[0] = q / M;
  wTab[LAYERS - 1] = dn / M;
  fTab[0] = 1;
  fTab[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(V / dn + Math.exp(-0.5 * dn * dn)));
    kTab[i + 1] = Math.floor((dn / tn) * M);
    tn = dn;
    fTab[i] = Math.exp(-0.5 * dn * dn);
    wTab[i] = dn / M;
  }
})();

/** sfc32 step on state s (4 int32 words); returns 32 random bits as a signed int32. Mutates s. */
function u32(s: Int32Array): number {
  const a = s[0], b = s[1], c = s[2], d = s[3];
  const t = (((a + b) | 0) + d) | 0;
  s[3] = (d + 1) | 0;
  s[0] = b ^ (b >>> 9);
  s[1] = (c + (c << 3)) | 0;
  s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
  return t;
}

/** Uniform in (0, 1), never 0, so it is safe inside a log. Mutates s. */
function uniformOpen(s: Int32Array): number {
  return ((u32(s) >>> 9) + 0.5) / M;
}

/** Finishes a draw whose bits failed the fast test: wedge test, tail, or a fresh try. Mutates s. */
function slowDraw(s: Int32Array, bits: number): number {
  for (;;) {
    const i = bits & 255;
    const sign = bits < 0 ? -1 : 1;
    const j = (bits >>> 8) & 0x7fffff;
    if (j < kTab[i]) return sign * j * wTab[i];
    if (i === 0) {
      let x: number, y: number;
      do {
        x = -Math.log(uniformOpen(s)) / R;
        y = -Math.log(uniformOpen(s));
      } while (y + y < x * x);
      return sign * (R + x);
    }
    const x = j * wTab[i];
    if (fTab[i] + uniformOpen(s) * (fTab[i - 1] - fTab[i]) < Math.exp(-0.5 * x * x)) return sign * x;
    bits = u32(s);
  }
}

/**
 * The hot loop: writes accepted draws times scale[sign] into out[start, end) and records the
 * rejected positions and their bits. Returns how many were rejected. Mutates s, out, at, rejected.
 */
function fastPass(
  s: Int32Array, out: Float32Array, start: number, end: number,
  scale: Float64Array, at: Int32Array, rejected: Int32Array,
): number {
  let a = s[0], b = s[1], c = s[2], d = s[3];
  let count = 0;
  for (let n = start; n < end; n++) {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    // t stays an int32 (no `>>> 0`), so V8 keeps the loop in small-integer arithmetic.
    const i = t & 255;
    const j = (t >>> 8) & 0x7fffff;
    if (j < kTab[i]) {
      out[n] = j * wTab[i] * scale[t >>> 31];
    } else {
      at[count] = n;
      rejected[count++] = t;
    }
  }
  s[0] = a; s[1] = b; s[2] = c; s[3] = d;
  return count;
}

/** A seeded source of standard-normal float32 draws. Each method mutates its internal state. */
export class FastNormal {
  private readonly state = new Int32Array(4);
  private readonly scale = new Float64Array(2);
  private readonly at = new Int32Array(CHUNK);
  private readonly rejected = new Int32Array(CHUNK);

  /** Seeds the generator with four 32-bit words drawn from `rng` (mutates `rng`). */
  constructor(rng: Rng) {
    for (let w = 0; w < 4; w++) this.state[w] = rng.nextUint32() | 0;
    this.state[3] |= 1;
    for (let i = 0; i < 12; i++) u32(this.state);
  }

  /** One standard-normal draw. */
  next(): number {
    const bits = u32(this.state);
    const j = (bits >>> 8) & 0x7fffff;
    if (j < kTab[bits & 255]) return (bits < 0 ? -j : j) * wTab[bits & 255];
    return slowDraw(this.state, bits);
  }

  /** Fills out[start, end) with independent N(0, std²) draws. Mutates `out` and the generator. */
  fill(out: Float32Array, std = 1, start = 0, end = out.length): Float32Array {
    const { state, scale, at, rejected } = this;
    scale[0] = std;
    scale[1] = -std;
    for (let from = start; from < end; from += CHUNK) {
      const count = fastPass(state, out, from, Math.min(end, from + CHUNK), scale, at, rejected);
      for (let r = 0; r < count; r++) out[at[r]] = slowDraw(state, rejected[r]) * std;
    }
    return out;
  }
}
