/**
 * @fileoverview Public API of the privacy module: the RDP accountant for DP-SGD, the (ε, δ) ceiling
 * on membership inference, and empirical ε from attack results (Clopper–Pearson estimates and the
 * one-run audit's lower bound). Pure math, no tfjs.
 */
export { DEFAULT_ORDERS, computeRdp, sampledGaussianRdp } from './rdp';
export {
  computeEpsilon,
  epsilonFloor,
  epsilonFromRdp,
  epsilonSeries,
  noiseForEpsilon,
  type DpSgdParams,
  type NoiseForEpsilon,
  type PrivacySpent,
} from './accountant';
export {
  boundRocCurve,
  boundRocCurveLog,
  maxAdvantage,
  maxBalancedAccuracy,
  maxTprAtFpr,
  type RocPoint,
} from './bound';
export {
  auditAtThreshold,
  auditBestThreshold,
  clopperPearson,
  countsAtThreshold,
  epsilonLowerBound,
  type AttackCounts,
  type AuditOptions,
  type ConfidenceInterval,
  type EpsilonLowerBound,
} from './audit';
export { binomialUpperTail, oneRunEpsilon, oneRunPValue, type OneRunCounts, type OneRunOptions } from './one-run';
export { guessesAt, oneRunAudit, ONE_RUN_GUESS_GRID, type GuessShare, type OneRunAudit, type OneRunAuditOptions } from './one-run-audit';
export { checkAgainstBound, CHECKED_FPRS, type BoundCheckInput, type BoundPoint, type CheckedFpr } from './bound-check';
export { InvalidParameterError } from './params';
export { betaQuantile, logErfc, logGamma, regularizedBeta } from './special';
