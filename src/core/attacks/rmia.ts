/**
 * @fileoverview RMIA, the robust membership inference attack (Zarifzadeh, Liu, Mahloujifar & Shokri,
 * "Low-Cost High-Power Membership Inference Attacks", ICML 2024).
 *
 * RMIA compares the candidate x with population samples z, records the attacker knows were in no
 * model's training set. The pairwise likelihood ratio is
 *   LR(x, z) = [Pr(x|θ) / Pr(x)] / [Pr(z|θ) / Pr(z)],
 * where Pr(·|θ) is the target's probability of the true label and Pr(·) its average over reference
 * models, and the score is the fraction of population samples z with LR(x, z) ≥ γ. Dividing by
 * Pr(x) judges each record against itself (an easy record is confidently right under any model);
 * comparing with many z turns the ratio into a calibrated rank.
 * - online: references were trained with x in about half of them, and Pr(x) = ½(Pr_IN(x) + Pr_OUT(x)).
 * - offline: only references trained WITHOUT x are used, and the missing IN half is approximated
 *   linearly: Pr(x) = ½((1 + a)·Pr_OUT(x) + (1 − a)), with a in [0, 1] (a = 1: Pr_IN = Pr_OUT;
 *   a = 0: Pr_IN = 1). The population samples are OUT for every reference, so Pr(z) uses the same
 *   approximation (as in the authors' reference code), online and offline alike: in the online
 *   setting the average IN−OUT gap of the candidates stands in for a in Pr(z), keeping x and z on
 *   one footing.
 * The attacker tunes a on its own reference models (each in turn plays the target), as the
 * authors do; the target's membership is never read.
 */

import type { AttackResult, Calibration } from './calibration';
import { thresholdResult } from './calibration';

/** True-label probabilities of M reference models on n candidates and nz population samples. */
export interface RmiaReferences {
  readonly numRefs: number;
  readonly n: number;
  readonly nz: number;
  /** M × n row-major: Pr(x_i | θ_m), reference m's probability of candidate i's true label. */
  readonly probX: ArrayLike<number>;
  /** M × n row-major: 1 when candidate i was in reference m's training set, else 0. */
  readonly inMask: Uint8Array;
  /** M × nz row-major: Pr(z_j | θ_m) on population samples, which no reference trained on. */
  readonly probZ: ArrayLike<number>;
}

export type RmiaSetting = 'offline' | 'online';

export interface RmiaOptions {
  /** 'offline' (default): only references trained without x. 'online': with and without x. */
  readonly setting?: RmiaSetting;
  /**
   * The offline approximation's a in [0, 1]; null or undefined: tuned on the references (rmiaTuneA).
   * Not used online.
   */
  readonly a?: number | null;
  /** LR(x, z) must reach γ for z to count (default 1). */
  readonly gamma?: number;
  /**
   * Floor on every probability and average (default 1e-12), so a 0 cannot divide. Under a rounded
   * API the caller passes half a rounding step: a revealed 0 means "below that", not "impossible".
   */
  readonly minProb?: number;
}

/** Candidate values of a tried by rmiaTuneA (the authors' grid). */
export const RMIA_A_GRID: readonly number[] = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

/** Per-record IN/OUT sums over a set of references. */
interface Sums { sumIn: Float64Array; cntIn: Float64Array; sumOut: Float64Array; cntOut: Float64Array; sumZ: Float64Array; models: number }

/**
 * RMIA scores, higher = member, in [0, 1]: the share of population samples each candidate beats.
 * `targetX` holds the target's Pr(x|θ) for the n candidates, `targetZ` its Pr(z|θ) for the nz
 * population samples. `opts.a` null means tuned on the references. Returns a new array.
 */
export function rmiaScores(refs: RmiaReferences, targetX: ArrayLike<number>, targetZ: ArrayLike<number>, opts: RmiaOptions = {}): Float64Array {
  checkRefs(refs);
  checkProbs(targetX, refs.n, 'target candidate');
  checkProbs(targetZ, refs.nz, 'target population');
  const o = resolve(refs, opts);
  return scoreWith(accumulate(refs, -1), targetX, targetZ, o);
}

/**
 * Leave-one-out calibration: each reference model in turn plays the target and is scored against
 * the other M − 1; its inMask row is the truth. Returns M·n records.
 */
export function rmiaCalibration(refs: RmiaReferences, opts: RmiaOptions = {}): Calibration & { readonly scores: Float64Array; readonly isMember: Uint8Array } {
  checkRefs(refs);
  return looCalibration(refs, resolve(refs, opts));
}

/**
 * The offline a that maximizes the mean leave-one-out AUC over the reference models, from
 * RMIA_A_GRID; ties go to the smaller a. Reads only the attacker's references.
 */
export function rmiaTuneA(refs: RmiaReferences, opts: Omit<RmiaOptions, 'a'> = {}): number {
  checkRefs(refs);
  let best = RMIA_A_GRID[0];
  let bestAuc = -1;
  for (const a of RMIA_A_GRID) {
    const o = { setting: opts.setting ?? 'offline', a, gamma: opts.gamma ?? 1, minProb: opts.minProb ?? 1e-12 };
    const { scores, isMember } = looCalibration(refs, o);
    let total = 0;
    for (let m = 0; m < refs.numRefs; m++) total += rankAuc(scores.subarray(m * refs.n, (m + 1) * refs.n), isMember.subarray(m * refs.n, (m + 1) * refs.n));
    const auc = total / refs.numRefs;
    if (auc > bestAuc) { bestAuc = auc; best = a; }
  }
  return best;
}

/** The full attack: scores, and an accuracy-maximizing threshold from the leave-one-out calibration. */
export function rmiaAttack(
  refs: RmiaReferences, targetX: ArrayLike<number>, targetZ: ArrayLike<number>, opts: RmiaOptions = {},
): AttackResult & { readonly a: number | null } {
  checkRefs(refs);
  const o = resolve(refs, opts);
  const scores = rmiaScores(refs, targetX, targetZ, o);
  return { ...thresholdResult('rmia', scores, looCalibration(refs, o)), a: o.setting === 'offline' ? o.a : null };
}

type Resolved = { setting: RmiaSetting; a: number; gamma: number; minProb: number };

function resolve(refs: RmiaReferences, opts: RmiaOptions): Resolved {
  const setting = opts.setting ?? 'offline';
  const gamma = opts.gamma ?? 1;
  const minProb = opts.minProb ?? 1e-12;
  if (!(gamma > 0) || !Number.isFinite(gamma)) throw new Error(`RMIA's γ must be a positive number, got ${gamma}.`);
  if (!(minProb > 0) || minProb >= 1) throw new Error(`RMIA's probability floor must be in (0, 1), got ${minProb}.`);
  // Online, a never enters (Pr(x) and Pr(z) both come from the references), so there is nothing to tune.
  const a = opts.a ?? (setting === 'offline' ? rmiaTuneA(refs, { setting, gamma, minProb }) : 0);
  if (!(a >= 0 && a <= 1)) throw new Error(`RMIA's a must be in [0, 1], got ${a}.`);
  return { setting, a, gamma, minProb };
}

function looCalibration(refs: RmiaReferences, o: Resolved): { scores: Float64Array; isMember: Uint8Array } {
  const { numRefs: M, n, nz, probX, probZ, inMask } = refs;
  if (M < 2) throw new Error('RMIA calibration needs at least two reference models.');
  const scores = new Float64Array(M * n);
  for (let m = 0; m < M; m++) {
    const part = scoreWith(accumulate(refs, m), sliceOf(probX, m * n, n), sliceOf(probZ, m * nz, nz), o);
    scores.set(part, m * n);
  }
  return { scores, isMember: Uint8Array.from(inMask) };
}

/** IN/OUT sums per candidate and population sums over every reference except `skip` (−1: none). */
function accumulate(refs: RmiaReferences, skip: number): Sums {
  const { numRefs: M, n, nz, probX, probZ, inMask } = refs;
  const s: Sums = { sumIn: new Float64Array(n), cntIn: new Float64Array(n), sumOut: new Float64Array(n), cntOut: new Float64Array(n), sumZ: new Float64Array(nz), models: 0 };
  for (let m = 0; m < M; m++) {
    if (m === skip) continue;
    s.models++;
    for (let i = 0; i < n; i++) {
      if (inMask[m * n + i]) { s.sumIn[i] += probX[m * n + i]; s.cntIn[i]++; } else { s.sumOut[i] += probX[m * n + i]; s.cntOut[i]++; }
    }
    for (let j = 0; j < nz; j++) s.sumZ[j] += probZ[m * nz + j];
  }
  return s;
}

/**
 * The average Pr_IN − Pr_OUT over candidates seen on both sides (else between the global means):
 * it lets a candidate seen on one side only borrow the other, as LiRA does with its Gaussians.
 */
function inOutGap(s: Sums): number {
  let gap = 0, both = 0, tin = 0, cin = 0, tout = 0, cout = 0;
  for (let i = 0; i < s.sumIn.length; i++) {
    if (s.cntIn[i] > 0 && s.cntOut[i] > 0) { gap += s.sumIn[i] / s.cntIn[i] - s.sumOut[i] / s.cntOut[i]; both++; }
    tin += s.sumIn[i]; cin += s.cntIn[i]; tout += s.sumOut[i]; cout += s.cntOut[i];
  }
  if (both > 0) return gap / both;
  return cin > 0 && cout > 0 ? tin / cin - tout / cout : 0;
}

const clamp = (v: number, lo: number): number => Math.min(Math.max(v, lo), 1);

/** Scores n candidates against nz population samples, given one model's Pr(·|θ) and the reference sums. */
function scoreWith(s: Sums, px: ArrayLike<number>, pz: ArrayLike<number>, o: Resolved): Float64Array {
  const n = px.length, nz = pz.length;
  const gap = inOutGap(s);
  const offlineMarginal = (pOut: number) => 0.5 * ((1 + o.a) * pOut + (1 - o.a));
  const ratioZ = new Float64Array(nz);
  for (let j = 0; j < nz; j++) {
    const pOut = clamp(s.sumZ[j] / s.models, 0);
    const marginal = o.setting === 'offline' ? offlineMarginal(pOut) : 0.5 * (pOut + clamp(pOut + gap, 0));
    ratioZ[j] = Math.max(pz[j], o.minProb) / Math.max(marginal, o.minProb);
  }
  ratioZ.sort();
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const mIn = s.cntIn[i] > 0 ? s.sumIn[i] / s.cntIn[i] : NaN;
    const mOut = s.cntOut[i] > 0 ? s.sumOut[i] / s.cntOut[i] : NaN;
    const pOut = clamp(Number.isNaN(mOut) ? mIn - gap : mOut, 0);
    const pIn = clamp(Number.isNaN(mIn) ? mOut + gap : mIn, 0);
    const marginal = o.setting === 'offline' ? offlineMarginal(pOut) : 0.5 * (pIn + pOut);
    const rx = Math.max(px[i], o.minProb) / Math.max(marginal, o.minProb);
    out[i] = countAtLeast(rx, ratioZ, o.gamma) / nz;
  }
  return out;
}

/**
 * How many z have rx / rz ≥ γ, for rz sorted ascending. The test is evaluated as written (a
 * division, not a rearranged product), so it agrees with a direct loop to the last bit; it holds
 * on a prefix of the sorted array because rx / rz falls as rz grows.
 */
function countAtLeast(rx: number, sortedZ: Float64Array, gamma: number): number {
  let lo = 0, hi = sortedZ.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rx / sortedZ[mid] >= gamma) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** P(member score > non-member score), ties counting half (Mann–Whitney with midranks). */
function rankAuc(scores: Float64Array, isMember: Uint8Array): number {
  const order = Array.from(scores.keys()).sort((i, j) => scores[i] - scores[j]);
  let rankSum = 0, pos = 0;
  for (let k = 0; k < order.length;) {
    let e = k;
    while (e + 1 < order.length && scores[order[e + 1]] === scores[order[k]]) e++;
    const midrank = (k + e) / 2 + 1;
    for (let t = k; t <= e; t++) if (isMember[order[t]]) { rankSum += midrank; pos++; }
    k = e + 1;
  }
  const neg = order.length - pos;
  return pos === 0 || neg === 0 ? 0.5 : (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

function sliceOf(a: ArrayLike<number>, from: number, count: number): Float64Array {
  const out = new Float64Array(count);
  for (let k = 0; k < count; k++) out[k] = a[from + k];
  return out;
}

function checkProbs(p: ArrayLike<number>, expected: number, what: string): void {
  if (p.length !== expected) throw new Error(`Expected ${expected} ${what} probabilities, got ${p.length}.`);
  for (let k = 0; k < p.length; k++) {
    if (!(p[k] >= 0 && p[k] <= 1)) throw new Error(`The ${what} probability ${k} is ${p[k]}, outside [0, 1].`);
  }
}

function checkRefs(refs: RmiaReferences): void {
  const { numRefs: M, n, nz } = refs;
  if (!Number.isInteger(M) || M < 1) throw new Error(`RMIA needs at least one reference model, got ${M}.`);
  if (nz < 1) throw new Error('RMIA needs at least one population sample.');
  if (refs.inMask.length !== M * n) throw new Error(`Expected ${M} × ${n} IN/OUT flags, got ${refs.inMask.length}.`);
  checkProbs(refs.probX, M * n, 'reference candidate');
  checkProbs(refs.probZ, M * nz, 'reference population');
}
