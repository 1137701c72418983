/**
 * @fileoverview Public API of the metrics module: pure functions that evaluate membership
 * inference attacks from scores (higher = more likely a member) and true membership.
 */
export type { MembershipArray, ScoreArray } from './inputs';
export { rocCurve, auc, tprAtFpr, advantage, logRocSeries, type RocCurve, type LogRocSeries } from './roc';
export {
  confusionAt,
  accuracy,
  balancedAccuracy,
  precision,
  tpr,
  fpr,
  bestThreshold,
  type Confusion,
  type ThresholdObjective,
} from './threshold';
export { summarizeAttack, REPORTED_FPRS, type AttackSummary, type FalsePositivesAllowed, type TprAtFprIntervals, type TprAtFprTable } from './summary';
export { falsePositivesAllowed, fprBudgetLabel, tprAtFprInterval, tprInterval } from './tpr-interval';
export {
  exposureRanks,
  verdicts,
  mostExposed,
  sliceMetrics,
  type SliceResult,
  type SliceStats,
} from './records';
export {
  thresholdTable,
  groupTable,
  operatingPoint,
  precisionAtBaseRate,
  rocIndexAt,
  type OperatingPoint,
  type ThresholdTable,
} from './operating-point';
export { signalHistogram, type HistogramOptions, type SignalHistogram } from './histogram';
