/**
 * @fileoverview "Outliers leak most" (PAIR's "Why Some Models Leak Data"), measured: how atypical
 * the members an attack exposes most are. A record's atypicality is its distance to its class's
 * centre in standardized features, written as a percentile among all candidates (50 is typical,
 * 95 is more unusual than 95% of them). The summary compares the attack's most exposed members
 * (core's mostExposed) with all members, and keeps each member's (percentile, score) pair for a
 * picture. Pure.
 */
import { mostExposed } from '../core/metrics/records';

export interface ExposurePoint {
  /** Atypicality percentile among all candidates, 0–100. */
  readonly atypical: number;
  readonly score: number;
  /** Rank among members by score, 1 = most exposed. */
  readonly rank: number;
}

export interface ExposureSummary {
  readonly attack: string;
  /** How many of the most exposed members the summary is about. */
  readonly k: number;
  /** Mean atypicality percentile of the k most exposed members, and of all members. */
  readonly topMeanAtypical: number;
  readonly memberMeanAtypical: number;
  /** How many of the k most exposed members are among the most atypical quarter of candidates. */
  readonly topInOutlierQuarter: number;
  /** Spearman rank correlation between score and atypicality over the members. */
  readonly spearman: number;
  /** One point per member. */
  readonly points: readonly ExposurePoint[];
}

export interface ExposureRecord {
  readonly label: number;
  readonly features: readonly number[];
}

/** Each record's distance to its class's centre, features standardized over `records`. Pure. */
export function classDistances(records: readonly ExposureRecord[]): number[] {
  const n = records.length;
  const d = Math.min(...records.map((r) => r.features.length));
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (const r of records) for (let j = 0; j < d; j++) mean[j] += r.features[j] / n;
  for (const r of records) for (let j = 0; j < d; j++) sd[j] += (r.features[j] - mean[j]) ** 2 / n;
  const z = records.map((r) => Array.from({ length: d }, (_, j) => (r.features[j] - mean[j]) / (Math.sqrt(sd[j]) || 1)));
  const centres = new Map<number, { sum: number[]; count: number }>();
  records.forEach((r, i) => {
    const c = centres.get(r.label) ?? { sum: new Array<number>(d).fill(0), count: 0 };
    z[i].forEach((v, j) => (c.sum[j] += v));
    c.count++;
    centres.set(r.label, c);
  });
  return records.map((r, i) => {
    const c = centres.get(r.label)!;
    return Math.sqrt(z[i].reduce((s, v, j) => s + (v - c.sum[j] / c.count) ** 2, 0));
  });
}

/** Average ranks (1 = smallest), ties sharing their mean rank. Pure. */
function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(values.length);
  for (let s = 0; s < order.length; ) {
    let e = s + 1;
    while (e < order.length && order[e][0] === order[s][0]) e++;
    for (let k = s; k < e; k++) out[order[k][1]] = (s + 1 + e) / 2;
    s = e;
  }
  return out;
}

/** Spearman's rank correlation of two equal-length arrays (0 when either is constant). Pure. */
export function spearman(a: readonly number[], b: readonly number[]): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const m = (ra.length + 1) / 2;
  let num = 0, da = 0, db = 0;
  for (let i = 0; i < ra.length; i++) {
    num += (ra[i] - m) * (rb[i] - m);
    da += (ra[i] - m) ** 2;
    db += (rb[i] - m) ** 2;
  }
  return da > 0 && db > 0 ? num / Math.sqrt(da * db) : 0;
}

/** The exposure summary of `scores` (higher = member) over `records`, about the `k` most exposed members. Pure. */
export function exposureSummary(attack: string, records: readonly ExposureRecord[], scores: ArrayLike<number>, isMember: Uint8Array, k = 10): ExposureSummary {
  const dist = classDistances(records);
  const r = ranks(dist);
  const pct = r.map((x) => (100 * (x - 0.5)) / dist.length);
  const members = [...isMember.keys()].filter((i) => isMember[i] === 1);
  const top = Array.from(mostExposed(Float64Array.from(scores), isMember, k));
  const rankOf = new Map(Array.from(mostExposed(Float64Array.from(scores), isMember, members.length), (i, j) => [i, j + 1]));
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  return {
    attack,
    k: top.length,
    topMeanAtypical: mean(top.map((i) => pct[i])),
    memberMeanAtypical: mean(members.map((i) => pct[i])),
    topInOutlierQuarter: top.filter((i) => pct[i] >= 75).length,
    spearman: spearman(members.map((i) => scores[i]), members.map((i) => dist[i])),
    points: members.map((i) => ({ atypical: pct[i], score: scores[i], rank: rankOf.get(i)! })),
  };
}

/** Facts for lesson prose: `exposure.topMeanAtypical`, `exposure.memberMeanAtypical`, `exposure.topInOutlierQuarter`, `exposure.k`, `exposure.spearman`. */
export function exposureFacts(e: ExposureSummary, out: Record<string, number | string | null>): void {
  out['exposure.k'] = e.k;
  out['exposure.topMeanAtypical'] = e.topMeanAtypical;
  out['exposure.memberMeanAtypical'] = e.memberMeanAtypical;
  out['exposure.topInOutlierQuarter'] = e.topInOutlierQuarter;
  out['exposure.spearman'] = e.spearman;
}
