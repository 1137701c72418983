/**
 * @fileoverview LessonResult: the compact shape every lesson figure draws from, whether it comes
 * from a cached file (public/cache/<preset>.json, written by `npm run cli -- cache`) or from a
 * live run in the worker. Per-record arrays are subsampled and numbers rounded, so a cached file
 * stays small and a live result looks exactly like a cached one. Pure.
 */
import type { OneRecordEffect } from '../engine/experiment/one-record';
import type { RocCurve } from '../core/metrics/roc';
import { attackRocFigure, ROC_DETAIL, thinRoc as thinCurve } from '../core/metrics/roc-figure';
import type { ExperimentConfig } from '../core/experiment/config';
import type { TargetReport } from '../core/experiment/experiment-result';
import type { PlaygroundResult } from '../core/experiment/playground-view';
import { exposureSummary, type ExposureSummary } from './exposure';

export interface Curve {
  readonly fpr: readonly number[];
  readonly tpr: readonly number[];
}

export interface LessonAttack {
  readonly name: string;
  readonly title: string;
  readonly auc: number;
  readonly accuracy: number;
  readonly balancedAccuracy: number;
  readonly advantage: number;
  readonly tprAt10: number;
  readonly tprAt1: number;
  readonly tprAt01: number;
  /** Score ≥ threshold ⇒ "member"; null when the threshold was ±∞. */
  readonly threshold: number | null;
  /** The ROC point the attack's verdicts sit at (its threshold), with the counts behind it. */
  readonly atThreshold: { readonly tpr: number; readonly fpr: number; readonly tp: number; readonly fp: number };
  readonly members: number;
  readonly nonMembers: number;
  readonly empiricalEpsilon: number;
  readonly roc: Curve;
  readonly rocLog: Curve;
  /** Member and non-member scores (a quantile sample, exact up to 200 per group) for the threshold widget; absent on variants. */
  readonly scores?: { readonly members: readonly number[]; readonly nonMembers: readonly number[] };
}

/** One queried record, for the guessing game, the API menu and John Doe. */
export interface LessonRecord {
  /** Position among the candidates (members first). */
  readonly index: number;
  readonly name: string;
  readonly label: number;
  readonly member: boolean;
  readonly features: readonly number[];
  /** The target's full probability vector (what the "full" API would return). */
  readonly probs: readonly number[];
  /** Membership score per attack (higher ⇒ more likely a member). */
  readonly scores: Readonly<Record<string, number>>;
  /** Per attack: the share of non-members scoring at least this record's score (the FPR a verdict on it costs). */
  readonly fprAtScore: Readonly<Record<string, number>>;
}

export interface LessonResult {
  readonly source: 'cached' | 'live';
  readonly config: ExperimentConfig;
  readonly backend: string;
  readonly target: TargetReport;
  /** DP accounting; epsilon null means σ = 0 (no guarantee). null when trained without DP. */
  readonly privacy: { readonly epsilon: number | null; readonly delta: number; readonly noiseMultiplier: number; readonly sampleRate: number; readonly steps: number; readonly clipNorm: number } | null;
  readonly attacks: readonly LessonAttack[];
  readonly unavailable: readonly { readonly name: string; readonly reason: string }[];
  readonly history: readonly { readonly epoch: number; readonly memberAccuracy: number; readonly nonMemberAccuracy: number; readonly memberLoss: number; readonly nonMemberLoss: number }[];
  /** True-class confidences, subsampled by quantile (the histogram's shape survives), plus exact means. */
  readonly confidence: { readonly members: readonly number[]; readonly nonMembers: readonly number[]; readonly memberMean: number; readonly nonMemberMean: number };
  readonly records: readonly LessonRecord[];
  readonly featureNames: readonly string[];
  readonly classNames: readonly string[];
  readonly numClasses: number;
  readonly grid: { readonly size: number; readonly extent: readonly [number, number, number, number]; readonly probs: readonly number[] } | null;
  /** 2-D points for the decision boundary (subsampled), only with a grid. */
  readonly points: readonly { readonly x: number; readonly y: number; readonly label: number; readonly member: boolean }[];
  /** Wall-clock training and attack times of the run that made this result (ms, by stage: target, shadows, references, attacks). */
  readonly timingsMs?: Readonly<Record<string, number>>;
  /** How atypical the most exposed members are (LiRA online when it ran, else the first attack); absent on variants. */
  readonly exposure?: ExposureSummary;
}

export interface CompactOptions {
  readonly source: 'cached' | 'live';
  /** Quantiles kept per confidence array (default 200). */
  readonly confidencePoints?: number;
  /** Members and as many non-members kept as records (default 12 each); 0 for none. */
  readonly recordsPerSide?: number;
  /** Record names always kept (e.g. "John Doe"). */
  readonly pinNames?: readonly string[];
  /** Drop the grid and points (variants). */
  readonly lite?: boolean;
}

/** `k` evenly spaced quantiles of `values` (all of them when there are fewer). Pure. */
export function quantileSample(values: ArrayLike<number>, k: number): number[] {
  const sorted = Array.from(values).sort((a, b) => a - b);
  if (sorted.length <= k) return sorted;
  return Array.from({ length: k }, (_, i) => sorted[Math.min(sorted.length - 1, Math.floor(((i + 0.5) / k) * sorted.length))]);
}

/** A linear ROC thinned to about `buckets` FPR buckets (see core/metrics/roc-figure.ts), as plain arrays. Pure. */
export function thinRoc(roc: RocCurve, buckets = 40): Curve {
  const t = thinCurve(roc, buckets);
  return { fpr: Array.from(t.fpr), tpr: Array.from(t.tpr) };
}

/** Finite scores of one group, as a quantile sample (±∞ clamped to the finite extremes, so JSON keeps them). */
function groupScores(scores: Float64Array, isMember: Uint8Array, member: 0 | 1, k: number): number[] {
  const own = Array.from(scores).filter((_, i) => isMember[i] === member);
  const finite = own.filter(Number.isFinite);
  const lo = Math.min(...finite), hi = Math.max(...finite);
  return quantileSample(own.map((s) => (s === Infinity ? hi : s === -Infinity ? lo : s)), k);
}

function attackOf(a: PlaygroundResult['attacks'][number], isMember: Uint8Array, keepScores: boolean): LessonAttack {
  const fig = attackRocFigure(a.scores, isMember, a.threshold, ROC_DETAIL.compact);
  return {
    name: a.name, title: a.title, auc: a.auc, accuracy: a.accuracy, balancedAccuracy: a.balancedAccuracy, advantage: a.advantage,
    tprAt10: a.tprAtFpr['0.1'], tprAt1: a.tprAtFpr['0.01'], tprAt01: a.tprAtFpr['0.001'],
    threshold: Number.isFinite(a.threshold) ? a.threshold : null,
    atThreshold: fig.atThreshold,
    members: a.members, nonMembers: a.nonMembers, empiricalEpsilon: a.empiricalEpsilon,
    roc: { fpr: Array.from(fig.linear.fpr), tpr: Array.from(fig.linear.tpr) },
    rocLog: { fpr: Array.from(fig.log.fpr), tpr: Array.from(fig.log.tpr) },
    ...(keepScores && { scores: { members: groupScores(a.scores, isMember, 1, 200), nonMembers: groupScores(a.scores, isMember, 0, 200) } }),
  };
}

function shareAtLeast(scores: Float64Array, isMember: Uint8Array, s: number): number {
  let n = 0;
  let k = 0;
  for (let i = 0; i < scores.length; i++) {
    if (isMember[i]) continue;
    n++;
    if (scores[i] >= s) k++;
  }
  return k / Math.max(1, n);
}

function pickRecords(r: PlaygroundResult, perSide: number, pin: readonly string[]): number[] {
  const picked = new Set<number>();
  r.records.forEach((rec, i) => pin.includes(rec.name) && picked.add(i));
  let members = 0;
  let others = 0;
  r.records.forEach((rec, i) => {
    if (rec.member && members < perSide) (members++, picked.add(i));
    if (!rec.member && others < perSide) (others++, picked.add(i));
  });
  return [...picked].sort((a, b) => a - b);
}

/** The exposure summary of LiRA online (else the first attack) on tabular records; nothing for 2-D points or without attacks. */
function exposureOf(r: PlaygroundResult): { exposure: ExposureSummary } | Record<string, never> {
  const a = r.attacks.find((x) => x.name === 'lira-online') ?? r.attacks[0];
  if (!a || r.grid || r.records.length === 0 || r.records[0].features.length < 2) return {};
  // ±∞ scores (a record no reference model fits) are clamped to the finite extremes for the picture.
  const finite = Array.from(a.scores).filter(Number.isFinite);
  const lo = Math.min(...finite), hi = Math.max(...finite);
  const scores = Array.from(a.scores, (s) => (s === Infinity ? hi : s === -Infinity ? lo : s));
  return { exposure: exposureSummary(a.name, r.records, scores, r.isMember) };
}

/** The compact LessonResult of a playground result. Does not mutate `r`. */
export function compactResult(r: PlaygroundResult, opts: CompactOptions): LessonResult {
  const C = r.numClasses;
  const conf = r.confidence;
  const mean = (v: ArrayLike<number>) => Array.from(v).reduce((s, x) => s + x, 0) / Math.max(1, v.length);
  const records = pickRecords(r, opts.lite ? 0 : (opts.recordsPerSide ?? 12), opts.pinNames ?? []).map((i) => {
    const rec = r.records[i];
    return {
      index: i, name: rec.name, label: rec.label, member: rec.member, features: rec.features.slice(0, 12),
      probs: Array.from(r.targetProbs.subarray(i * C, (i + 1) * C)),
      scores: Object.fromEntries(r.attacks.map((a) => [a.name, a.scores[i]])),
      fprAtScore: Object.fromEntries(r.attacks.map((a) => [a.name, shareAtLeast(a.scores, r.isMember, a.scores[i])])),
    };
  });
  const grid = !opts.lite && r.grid ? { size: r.grid.size, extent: r.grid.extent, probs: Array.from(r.grid.probs) } : null;
  const stride = Math.max(1, Math.ceil(r.records.length / 300));
  const p = r.privacy;
  return {
    source: opts.source,
    config: r.config,
    backend: r.backend,
    target: r.target,
    privacy: p && { epsilon: Number.isFinite(p.epsilon) ? p.epsilon : null, delta: p.delta, noiseMultiplier: p.noiseMultiplier, sampleRate: p.sampleRate, steps: p.steps, clipNorm: p.clipNorm },
    attacks: r.attacks.map((a) => attackOf(a, r.isMember, !opts.lite)),
    unavailable: r.unavailable.map((u) => ({ name: u.name, reason: u.reason })),
    history: r.history.map((h) => ({ epoch: h.epoch, memberAccuracy: h.memberAccuracy, nonMemberAccuracy: h.nonMemberAccuracy, memberLoss: h.memberLoss, nonMemberLoss: h.nonMemberLoss })),
    confidence: {
      members: quantileSample(conf.members, opts.confidencePoints ?? 200),
      nonMembers: quantileSample(conf.nonMembers, opts.confidencePoints ?? 200),
      memberMean: mean(conf.members),
      nonMemberMean: mean(conf.nonMembers),
    },
    records,
    featureNames: [...r.featureNames],
    classNames: [...r.classNames],
    numClasses: C,
    grid,
    points: grid ? r.records.filter((_, i) => i % stride === 0).map((rec) => ({ x: rec.features[0], y: rec.features[1], label: rec.label, member: rec.member })) : [],
    ...(!opts.lite && exposureOf(r)),
    timingsMs: Object.fromEntries(Object.entries(r.timingsMs).map(([k, v]) => [k, Math.round(v)])),
  };
}

/** A deep copy with every number rounded to `digits` significant digits (integers kept). Pure. */
export function roundNumbers<T>(value: T, digits = 4): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'number') return Number.isInteger(v) || !Number.isFinite(v) ? v : Number(v.toPrecision(digits));
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/** What public/cache/<preset>.json holds. */
export interface CacheFile {
  readonly preset: string;
  readonly result: LessonResult;
  readonly variants: Readonly<Record<string, { readonly label: string; readonly set: Readonly<Record<string, unknown>>; readonly result: LessonResult }>>;
  /** Rows of the shadow-model attack's meta-dataset (lesson 5), when a lesson asks for them. */
  readonly meta?: MetaSample;
  /** One member trained in and out of the preset's model, with DP (`dp`) and without (`nodp`). */
  readonly oneRecord?: { readonly dp: OneRecordEffect; readonly nodp: OneRecordEffect };
}

/** A sample of the shadow-model attack's training data: what the attack model learns from. */
export interface MetaSample {
  readonly featureNames: readonly string[];
  readonly rows: readonly { readonly shadow: number; readonly trueClass: number; readonly membership: 'IN' | 'OUT'; readonly features: readonly number[] }[];
  readonly totalRows: number;
  readonly inRows: number;
  /** The top-1 probability of IN and OUT rows (quantile sample), for a histogram. */
  readonly top1: { readonly in: readonly number[]; readonly out: readonly number[] };
  /** Exact mean top-1 probability of IN and OUT rows. */
  readonly meanTop1: { readonly in: number; readonly out: number };
}
