/**
 * @fileoverview Seeded pseudo-random generator used by every random choice in core.
 *
 * sfc32 (Chris Doty-Humphrey's small fast counting generator) seeded through splitmix32.
 * It is fast, passes PractRand to large sizes and, unlike Math.random, is reproducible:
 * the same seed always gives the same stream. It is NOT cryptographically secure, which is
 * acceptable for a teaching tool whose runs must be repeatable (see README, "Randomness").
 */

/** splitmix32 step: spreads a 32-bit seed into well-mixed state words. */
function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) >>> 0];
}

const FNV_OFFSET = 0x811c9dc5;

/** Continues a 32-bit FNV-1a hash `h` over `text`, so child streams can be named. */
function fnv1a(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Separates the labels of a fork path: fork('a').fork('b') is not fork('a' + 'b'). */
const PATH_SEPARATOR = '\u0000';

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | null = null;
  /** The seed this generator started from (for display and for fork). */
  readonly seed: number;
  /** The seed of the root generator this one was forked from (its own seed for a root). */
  private rootSeed: number;
  /** FNV-1a hash of the labels forked from the root, in order; null for a root generator. */
  private path: number | null = null;

  constructor(seed: number) {
    this.seed = seed >>> 0;
    this.rootSeed = this.seed;
    let s = this.seed;
    let w: number;
    [s, w] = splitmix32(s); this.a = w;
    [s, w] = splitmix32(s); this.b = w;
    [s, w] = splitmix32(s); this.c = w;
    [, w] = splitmix32(s); this.d = w;
    for (let i = 0; i < 12; i++) this.nextUint32(); // warm up
  }

  /** Next raw 32-bit unsigned integer. Mutates the generator. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1) with 32 bits of randomness. */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform float in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** True with probability p. */
  bernoulli(p: number): boolean {
    return this.next() < p;
  }

  /** Standard normal draw (Marsaglia polar method, caching the spare value). */
  normal(mean = 0, std = 1): number {
    if (this.spareNormal !== null) {
      const v = this.spareNormal;
      this.spareNormal = null;
      return mean + std * v;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * m;
    return mean + std * u * m;
  }

  /** Fills `out` with independent N(0, std²) draws. Mutates `out` and the generator. */
  fillNormal(out: Float32Array, std = 1): Float32Array {
    for (let i = 0; i < out.length; i++) out[i] = this.normal(0, std);
    return out;
  }

  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[] | Int32Array | Uint32Array): typeof items {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }

  /** A random permutation of 0..n-1. */
  permutation(n: number): Int32Array {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    return this.shuffle(p) as Int32Array;
  }

  /**
   * An independent child generator named by `label`. Forking by name (not by draw order)
   * keeps streams stable when an unrelated part of the pipeline changes how many numbers it draws.
   * Does not advance this generator.
   *
   * The child's seed is the root seed XOR a hash of the whole fork path (every label from the
   * root, in order). Hashing the path, not XOR-ing one label hash per level, is what keeps a
   * repeated label from cancelling: with per-level XOR, fork('a').fork('a') was the parent again
   * and fork('a').fork('b') equalled fork('b').fork('a'). A one-label path hashes to the label's
   * own hash, so first-level forks (the dataset, the split's outer stream) keep their streams.
   */
  fork(label: string): Rng {
    let path = this.path === null ? fnv1a(FNV_OFFSET, label) : fnv1a(this.path, PATH_SEPARATOR + label);
    const seedOf = (p: number) => (this.rootSeed ^ p) >>> 0 || 1;
    // A 2^-32 hash coincidence could still land on this generator's own seed; step past it.
    while (seedOf(path) === this.seed) path = fnv1a(path, PATH_SEPARATOR);
    const child = new Rng(seedOf(path));
    child.rootSeed = this.rootSeed;
    child.path = path;
    return child;
  }

  /** A 32-bit seed drawn from this stream, e.g. to seed tfjs initializers. */
  nextSeed(): number {
    return this.nextUint32();
  }
}
