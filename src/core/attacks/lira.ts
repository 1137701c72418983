/**
 * @fileoverview The Likelihood Ratio Attack, LiRA (Carlini et al. 2022).
 *
 * For each record, reference models trained WITH it (IN) and WITHOUT it (OUT) give two clouds of
 * φ = log(p_y / (1 − p_y)) values; LiRA fits a Gaussian to each and asks which one the target's φ
 * fits better. Per-record Gaussians are what make it strong at low FPR: an outlier that every model
 * finds hard is judged against its own OUT distribution, not against easy records.
 * - online:  score = log N(φ; μ_in, σ_in²) − log N(φ; μ_out, σ_out²).
 * - offline: score = (φ − μ_out) / σ_out, a one-sided z-score (only OUT references are used). Its
 *   ranking equals the paper's Φ((φ − μ_out)/σ_out) but it doesn't saturate at 1 for the records
 *   that matter most.
 * With Q queries per record (e.g. the record and its mirror image), each query gets its own
 * Gaussians and the per-query scores are averaged: a diagonal-covariance multivariate test.
 */

import { thresholdResult, type AttackResult, type Calibration } from './calibration';

/** φ values from M reference models on n records, each queried Q times. */
export interface LiraReferences {
  readonly numRefs: number;
  readonly n: number;
  /** Q, queries per record (default 1). */
  readonly queries?: number;
  /** M × n × Q row-major: φ of record i, query q under reference m at (m·n + i)·Q + q. */
  readonly phiRef: ArrayLike<number>;
  /** M × n row-major: 1 when record i was in reference m's training set, else 0. */
  readonly inMask: Uint8Array;
}

export interface LiraOptions {
  /**
   * 'global' (default): one pooled within-record variance for IN and one for OUT, recommended below
   * ~64 references, where per-record variances are too noisy. 'per-record': each record's own
   * variance where it has >= 2 values on that side, the global one otherwise.
   */
  readonly variance?: 'global' | 'per-record';
  /** Floor on every standard deviation, in φ units (default 1e-3), so identical φ values can't divide by 0. */
  readonly minStd?: number;
}

export type LiraVariant = 'online' | 'offline';

/** Running sums per record and query: totals, totals of squares, and counts per record. */
interface Sums {
  sumIn: Float64Array; sqIn: Float64Array; sumOut: Float64Array; sqOut: Float64Array;
  cntIn: Float64Array; cntOut: Float64Array;
}

/** Fitted Gaussians, n × Q each. */
interface Gaussians { muIn: Float64Array; sdIn: Float64Array; muOut: Float64Array; sdOut: Float64Array }

/**
 * LiRA scores for the target's φ values (n × Q row-major), higher = member. Records with no IN (or
 * no OUT) reference borrow the other side's mean shifted by the average IN−OUT gap of records that
 * have both; with neither, the global means. Returns a new array; inputs are not mutated.
 */
export function liraScores(variant: LiraVariant, refs: LiraReferences, phiTarget: ArrayLike<number>, opts: LiraOptions = {}): Float64Array {
  const Q = checkRefs(refs);
  if (phiTarget.length !== refs.n * Q) throw new Error(`Expected ${refs.n} × ${Q} target φ values, got ${phiTarget.length}.`);
  for (let k = 0; k < phiTarget.length; k++) {
    if (!Number.isFinite(phiTarget[k])) throw new Error(`Target φ value ${k} is not finite.`);
  }
  const sums = accumulate(refs, Q);
  requireSides(variant, sums);
  const out = new Float64Array(refs.n);
  scoreRows(variant, fitGaussians(sums, refs.n, Q, opts), phiTarget, 0, refs.n, Q, out);
  return out;
}

/**
 * Leave-one-out calibration: each reference model in turn plays the target, scored with the
 * remaining M − 1, and its inMask row is the truth. Costs O(M·n·Q): removing one model is a
 * subtraction from the running sums, not a refit. Models whose removal leaves a side empty are
 * skipped. Returns M·n records (fewer if some were skipped).
 */
export function liraCalibration(variant: LiraVariant, refs: LiraReferences, opts: LiraOptions = {}): Calibration {
  const Q = checkRefs(refs);
  const { numRefs: M, n, phiRef, inMask } = refs;
  const full = accumulate(refs, Q);
  const parts: { scores: Float64Array; isMember: Uint8Array }[] = [];
  for (let m = 0; m < M; m++) {
    const s = copySums(full);
    for (let i = 0; i < n; i++) addValue(s, phiRef, inMask[m * n + i] === 1, (m * n + i) * Q, i, Q, -1);
    if (!hasSides(variant, s)) continue;
    const scores = new Float64Array(n);
    scoreRows(variant, fitGaussians(s, n, Q, opts), phiRef, m * n * Q, n, Q, scores);
    parts.push({ scores, isMember: inMask.subarray(m * n, (m + 1) * n) });
  }
  if (parts.length === 0) throw new Error('LiRA calibration needs at least two reference models with both IN and OUT records.');
  const scores = new Float64Array(parts.length * n);
  const isMember = new Uint8Array(parts.length * n);
  parts.forEach((p, k) => { scores.set(p.scores, k * n); isMember.set(p.isMember, k * n); });
  return { scores, isMember };
}

/**
 * The full attack: scores for the target and an accuracy-maximising threshold from the leave-one-out
 * calibration (or from `calibration`, if the caller has better attacker-side data, e.g. for offline
 * references that are all OUT).
 */
export function liraAttack(
  variant: LiraVariant, refs: LiraReferences, phiTarget: ArrayLike<number>, opts: LiraOptions = {}, calibration?: Calibration,
): AttackResult {
  const scores = liraScores(variant, refs, phiTarget, opts);
  return thresholdResult(variant === 'online' ? 'lira-online' : 'lira-offline', scores, calibration ?? liraCalibration(variant, refs, opts));
}

function checkRefs(refs: LiraReferences): number {
  const { numRefs: M, n, phiRef, inMask } = refs;
  const Q = refs.queries ?? 1;
  if (!Number.isInteger(Q) || Q < 1) throw new Error(`LiRA needs a whole number of queries per record, got ${Q}.`);
  if (phiRef.length !== M * n * Q) throw new Error(`Expected ${M} × ${n} × ${Q} reference φ values, got ${phiRef.length}.`);
  if (inMask.length !== M * n) throw new Error(`Expected ${M} × ${n} IN/OUT flags, got ${inMask.length}.`);
  for (let k = 0; k < phiRef.length; k++) {
    if (!Number.isFinite(phiRef[k])) throw new Error(`Reference φ value ${k} is not finite.`);
  }
  return Q;
}

function accumulate(refs: LiraReferences, Q: number): Sums {
  const { numRefs: M, n, phiRef, inMask } = refs;
  const s: Sums = {
    sumIn: new Float64Array(n * Q), sqIn: new Float64Array(n * Q), sumOut: new Float64Array(n * Q), sqOut: new Float64Array(n * Q),
    cntIn: new Float64Array(n), cntOut: new Float64Array(n),
  };
  for (let m = 0; m < M; m++) {
    for (let i = 0; i < n; i++) addValue(s, phiRef, inMask[m * n + i] === 1, (m * n + i) * Q, i, Q, 1);
  }
  return s;
}

/** Adds (sign 1) or removes (sign −1) one reference's Q values for record i. Mutates `s`. */
function addValue(s: Sums, phi: ArrayLike<number>, isIn: boolean, at: number, i: number, Q: number, sign: 1 | -1): void {
  const sum = isIn ? s.sumIn : s.sumOut;
  const sq = isIn ? s.sqIn : s.sqOut;
  (isIn ? s.cntIn : s.cntOut)[i] += sign;
  for (let q = 0; q < Q; q++) {
    const v = phi[at + q];
    sum[i * Q + q] += sign * v;
    sq[i * Q + q] += sign * v * v;
  }
}

function copySums(s: Sums): Sums {
  return {
    sumIn: s.sumIn.slice(), sqIn: s.sqIn.slice(), sumOut: s.sumOut.slice(), sqOut: s.sqOut.slice(),
    cntIn: s.cntIn.slice(), cntOut: s.cntOut.slice(),
  };
}

const total = (a: Float64Array): number => a.reduce((t, v) => t + v, 0);

function hasSides(variant: LiraVariant, s: Sums): boolean {
  return total(s.cntOut) > 0 && (variant === 'offline' || total(s.cntIn) > 0);
}

function requireSides(variant: LiraVariant, s: Sums): void {
  if (!hasSides(variant, s)) {
    throw new Error(variant === 'online'
      ? 'LiRA online needs reference models both trained with (IN) and without (OUT) the records.'
      : 'LiRA offline needs reference models trained without (OUT) the records.');
  }
}

/** Fits IN and OUT Gaussians per record and query from the running sums. */
function fitGaussians(s: Sums, n: number, Q: number, opts: LiraOptions): Gaussians {
  const perRecord = opts.variance === 'per-record';
  const minStd = opts.minStd ?? 1e-3;
  const g: Gaussians = { muIn: new Float64Array(n * Q), sdIn: new Float64Array(n * Q), muOut: new Float64Array(n * Q), sdOut: new Float64Array(n * Q) };
  for (let q = 0; q < Q; q++) {
    const gin = sideStats(s.sumIn, s.sqIn, s.cntIn, n, Q, q);
    const gout = sideStats(s.sumOut, s.sqOut, s.cntOut, n, Q, q);
    const varIn = Number.isNaN(gin.variance) ? (Number.isNaN(gout.variance) ? 1 : gout.variance) : gin.variance;
    const varOut = Number.isNaN(gout.variance) ? varIn : gout.variance;
    // The average IN−OUT gap lets a record seen on one side only borrow its other mean.
    let gapSum = 0, gapCount = 0;
    for (let i = 0; i < n; i++) {
      if (s.cntIn[i] > 0 && s.cntOut[i] > 0) { gapSum += s.sumIn[i * Q + q] / s.cntIn[i] - s.sumOut[i * Q + q] / s.cntOut[i]; gapCount++; }
    }
    const globalGap = gin.mean - gout.mean;
    const gap = gapCount > 0 ? gapSum / gapCount : Number.isNaN(globalGap) ? 0 : globalGap;
    for (let i = 0; i < n; i++) {
      const k = i * Q + q;
      const ci = s.cntIn[i], co = s.cntOut[i];
      const mi = ci > 0 ? s.sumIn[k] / ci : NaN;
      const mo = co > 0 ? s.sumOut[k] / co : NaN;
      g.muIn[k] = ci > 0 ? mi : co > 0 ? mo + gap : gin.mean;
      g.muOut[k] = co > 0 ? mo : ci > 0 ? mi - gap : gout.mean;
      const vi = perRecord && ci >= 2 ? Math.max(0, s.sqIn[k] - ci * mi * mi) / (ci - 1) : varIn;
      const vo = perRecord && co >= 2 ? Math.max(0, s.sqOut[k] - co * mo * mo) / (co - 1) : varOut;
      g.sdIn[k] = Math.max(Math.sqrt(vi), minStd);
      g.sdOut[k] = Math.max(Math.sqrt(vo), minStd);
    }
  }
  return g;
}

/**
 * Global mean and variance of one side for query q. The variance is pooled WITHIN records (spread
 * around each record's own mean), since that is the noise LiRA models; when no record has two
 * values it falls back to the spread of all values. NaN when there is too little data.
 */
function sideStats(sum: Float64Array, sq: Float64Array, cnt: Float64Array, n: number, Q: number, q: number): { mean: number; variance: number } {
  let tot = 0, totSq = 0, totCnt = 0, ss = 0, df = 0;
  for (let i = 0; i < n; i++) {
    const c = cnt[i];
    if (c <= 0) continue;
    const k = i * Q + q;
    tot += sum[k]; totSq += sq[k]; totCnt += c;
    ss += Math.max(0, sq[k] - (sum[k] * sum[k]) / c);
    df += c - 1;
  }
  const mean = totCnt > 0 ? tot / totCnt : NaN;
  const variance = df > 0 ? ss / df : totCnt > 1 ? Math.max(0, totSq - totCnt * mean * mean) / (totCnt - 1) : NaN;
  return { mean, variance };
}

/** Writes the score of each of n records (φ at phi[offset + i·Q + q]) into `out`. Mutates `out`. */
function scoreRows(variant: LiraVariant, g: Gaussians, phi: ArrayLike<number>, offset: number, n: number, Q: number, out: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let q = 0; q < Q; q++) {
      const k = i * Q + q;
      const v = phi[offset + k];
      const zOut = (v - g.muOut[k]) / g.sdOut[k];
      if (variant === 'offline') {
        acc += zOut;
      } else {
        const zIn = (v - g.muIn[k]) / g.sdIn[k];
        // log N(v; in) − log N(v; out); the 1/√(2π) factors cancel.
        acc += 0.5 * (zOut * zOut - zIn * zIn) + Math.log(g.sdOut[k] / g.sdIn[k]);
      }
    }
    out[i] = acc / Q;
  }
}
