/**
 * @fileoverview Shapes an ExperimentResult into what the playground draws: confidences, ROC figures
 * (core/metrics/roc-figure.ts, 'full' detail), the 2-D decision grid and record details. Pure apart
 * from the grid, which queries the target: the worker that trained it computes the grid, and the
 * page's job runner builds the rest. The compact LessonResult (lessons/result.ts) is made from this.
 */
import { attackRocFigure, ROC_DETAIL } from '../metrics/roc-figure';
import { trueClassConfidence } from '../attacks/signals';
import { memberCount, type ExperimentResult } from './experiment-result';
import type { AttackName } from '../attacks/registry';
import type { Dataset } from '../data/types';

/** What the view reads of the trained artifacts (the engine's Artifacts fits it). */
export interface ViewSource {
  readonly dataset: Dataset;
  readonly candidates: { readonly y: Int32Array; readonly n: number };
  /** Dataset row of each candidate. */
  readonly candidateRows: Int32Array;
  readonly isMember: Uint8Array;
  readonly targetProbs: Float32Array;
  readonly target: GridModel;
}

/** A model the decision grid can query: n inputs in, n × numClasses probabilities out. */
export interface GridModel {
  readonly numClasses: number;
  probs(x: Float32Array, n: number): Promise<Float32Array>;
}

export interface RocSeries {
  readonly name: string;
  readonly title: string;
  readonly fpr: Float64Array;
  readonly tpr: Float64Array;
  readonly logFpr: Float64Array;
  readonly logTpr: Float64Array;
  readonly auc: number;
  readonly tprAt1: number;
  readonly tprAt01: number;
}

export interface DecisionGrid {
  readonly size: number;
  readonly extent: [number, number, number, number];
  readonly probs: Float32Array;
}

/** One queried record for the inspector and the 2-D plot. */
export interface RecordView {
  readonly name: string;
  readonly label: number;
  readonly member: boolean;
  /** Raw (unscaled) features when the dataset has them, else the model's inputs. */
  readonly features: number[];
  readonly isOutlier: boolean;
}

export interface PlaygroundResult extends Omit<ExperimentResult, 'attacks' | 'isMember'> {
  readonly attacks: (ExperimentResult['attacks'][number] & { readonly verdictThreshold: number })[];
  readonly roc: RocSeries[];
  readonly confidence: { readonly members: Float32Array; readonly nonMembers: Float32Array };
  readonly isMember: Uint8Array;
  readonly records: RecordView[];
  readonly featureNames: readonly string[];
  readonly classNames: readonly string[];
  readonly numClasses: number;
  /** The target's probabilities on each record (what a full API would return). */
  readonly targetProbs: Float32Array;
  readonly grid: DecisionGrid | null;
  readonly trainingReused: boolean;
  /**
   * Present on a preview shown while models still train: how many shadow and reference models the
   * numbers rest on, and the chosen attacks still waiting for theirs. Absent on a finished run.
   */
  readonly partial?: {
    readonly shadows: { readonly done: number; readonly total: number };
    readonly references: { readonly done: number; readonly total: number };
    readonly waiting: readonly AttackName[];
  };
}

/** The target's probabilities on a size × size grid over a 2-D dataset's extent; null for other data. */
export async function decisionGrid(a: { readonly dataset: Dataset; readonly target: GridModel }, size = 64): Promise<DecisionGrid | null> {
  if (a.dataset.kind !== 'points2d' || a.dataset.d !== 2) return null;
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < a.dataset.n; i++) {
    const x = a.dataset.x[2 * i], y = a.dataset.x[2 * i + 1];
    x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
  }
  const mx = (x1 - x0) * 0.08, my = (y1 - y0) * 0.08;
  const extent: [number, number, number, number] = [x0 - mx, x1 + mx, y0 - my, y1 + my];
  const inputs = new Float32Array(size * size * 2);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      inputs[2 * (r * size + c)] = extent[0] + ((c + 0.5) / size) * (extent[1] - extent[0]);
      inputs[2 * (r * size + c) + 1] = extent[2] + ((r + 0.5) / size) * (extent[3] - extent[2]);
    }
  }
  return { size, extent, probs: await a.target.probs(inputs, size * size) };
}

function recordViews(a: ViewSource): RecordView[] {
  const ds = a.dataset;
  const outliers = new Set(ds.outlierRows ?? []);
  const source = ds.rawX ?? ds.x;
  const shown = Math.min(ds.d, 16);
  return Array.from(a.candidateRows, (row, i) => ({
    name: ds.recordNames?.[row] ?? `Record #${row}`,
    label: ds.y[row],
    member: a.isMember[i] === 1,
    // 2-D sets keep model inputs, so points line up with the decision grid.
    features: Array.from(ds.kind === 'points2d' ? ds.x.subarray(row * ds.d, row * ds.d + 2) : source.subarray(row * ds.d, row * ds.d + shown)),
    isOutlier: outliers.has(row),
  }));
}

/**
 * Builds the playground's view of a result; `trainingReused` says whether models were reused.
 * `grid` is the decision grid when it was computed beside the model (see decisionGrid); without
 * it the target is queried for one.
 */
export async function toPlaygroundResult(a: ViewSource, r: ExperimentResult, trainingReused: boolean, grid?: DecisionGrid | null): Promise<PlaygroundResult> {
  const C = a.target.numClasses;
  const conf = trueClassConfidence(a.targetProbs, a.candidates.y, a.candidates.n, C);
  // Members come first; under a one-run audit the coins decide how many there are.
  const m = memberCount(r.isMember);
  const roc: RocSeries[] = r.attacks.map((att) => {
    const fig = attackRocFigure(att.scores, r.isMember, att.threshold, ROC_DETAIL.full);
    return {
      name: att.name, title: att.title, fpr: fig.linear.fpr, tpr: fig.linear.tpr, logFpr: fig.log.fpr, logTpr: fig.log.tpr,
      auc: att.auc, tprAt1: att.tprAtFpr['0.01'], tprAt01: att.tprAtFpr['0.001'],
    };
  });
  return {
    ...r,
    attacks: r.attacks.map((a) => ({ ...a, verdictThreshold: a.threshold })),
    roc,
    confidence: { members: Float32Array.from(conf.subarray(0, m)), nonMembers: Float32Array.from(conf.subarray(m)) },
    records: recordViews(a),
    featureNames: a.dataset.featureNames.slice(0, 16),
    classNames: a.dataset.classNames,
    numClasses: C,
    targetProbs: a.targetProbs,
    grid: grid !== undefined ? grid : await decisionGrid(a),
    trainingReused,
  };
}
