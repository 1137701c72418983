/**
 * @fileoverview The one place an attack's ROC figure is derived from its scores: the curve thinned
 * for a linear plot and for a log–log plot, and the point its verdicts sit at. The playground's
 * view keeps the 'full' detail; the compact lesson result (caches, embeds, the cheat sheet) keeps
 * 'compact'. Both call `attackRocFigure`, so the two can differ only in resolution. Pure.
 */
import { logRocSeries, rocCurve, type RocCurve } from './roc';
import type { MembershipArray, ScoreArray } from './inputs';

/** A thinned curve: parallel FPR and TPR arrays. */
export interface CurvePoints {
  readonly fpr: Float64Array;
  readonly tpr: Float64Array;
}

/** How finely a figure keeps the curve: linear FPR buckets, and the log plot's floor and points. */
export interface RocDetail {
  readonly buckets: number;
  readonly minFpr: number;
  readonly logPoints: number;
}

/**
 * 'full': the playground's charts (at most 2 × 400 linear points, 300 log points from 1e-5).
 * 'compact': cached lesson results (40 buckets, 48 log points from 1e-4); changing it changes
 * every file in public/cache.
 */
export const ROC_DETAIL = {
  full: { buckets: 400, minFpr: 1e-5, logPoints: 300 },
  compact: { buckets: 40, minFpr: 1e-4, logPoints: 48 },
} as const satisfies Record<string, RocDetail>;

/** The ROC point of the verdicts at one threshold (score ≥ threshold ⇒ member), with its counts. */
export interface ThresholdPoint {
  readonly tpr: number;
  readonly fpr: number;
  readonly tp: number;
  readonly fp: number;
}

/** What every ROC chart draws for one attack. */
export interface RocFigure {
  readonly linear: CurvePoints;
  readonly log: CurvePoints;
  readonly atThreshold: ThresholdPoint;
}

/**
 * A linear ROC thinned to about `buckets` FPR buckets, keeping each bucket's first and last point
 * (so at most 2 × buckets points, and every vertical jump's ends survive). Returns new arrays. Pure.
 */
export function thinRoc(roc: Pick<RocCurve, 'fpr' | 'tpr'>, buckets = 40): CurvePoints {
  const fpr: number[] = [];
  const tpr: number[] = [];
  let last = -1;
  for (let i = 0; i < roc.fpr.length; i++) {
    const b = Math.min(buckets - 1, Math.floor(roc.fpr[i] * buckets));
    const next = i + 1 < roc.fpr.length ? Math.min(buckets - 1, Math.floor(roc.fpr[i + 1] * buckets)) : -2;
    if (b !== last || b !== next) {
      fpr.push(roc.fpr[i]);
      tpr.push(roc.tpr[i]);
    }
    last = b;
  }
  return { fpr: Float64Array.from(fpr), tpr: Float64Array.from(tpr) };
}

/** TPR and FPR of the verdicts score ≥ `threshold`, with the true and false positive counts. Pure. */
export function pointAtThreshold(scores: ScoreArray, isMember: MembershipArray, threshold: number): ThresholdPoint {
  let tp = 0, fp = 0, members = 0;
  for (let i = 0; i < isMember.length; i++) {
    if (isMember[i]) members++;
    if (scores[i] >= threshold) {
      if (isMember[i]) tp++;
      else fp++;
    }
  }
  return { tpr: tp / members, fpr: fp / (isMember.length - members), tp, fp };
}

/** The ROC figure of one attack's `scores` at the given detail. Does not mutate its inputs. */
export function attackRocFigure(scores: ScoreArray, isMember: MembershipArray, threshold: number, detail: RocDetail): RocFigure {
  const roc = rocCurve(scores, isMember);
  return {
    linear: thinRoc(roc, detail.buckets),
    log: logRocSeries(roc, detail.minFpr, detail.logPoints),
    atThreshold: pointAtThreshold(scores, isMember, threshold),
  };
}
