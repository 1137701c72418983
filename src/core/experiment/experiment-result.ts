/**
 * @fileoverview The result model: ExperimentResult, the one result every reader starts from (the
 * CLI, the playground's view, the compact lesson result, reports), and `assembleResult`, which
 * turns the attack stage's outcomes into it. Pure: it reads only plain fields of the trained
 * artifacts (the engine's Artifacts fits `ResultSource`), so the page's job runner builds results
 * without importing the tfjs engine.
 */
import { summarizeAttack, type AttackSummary } from '../metrics/summary';
import { empiricalAudit, type EmpiricalAudit } from './empirical-audit';
import { crossEntropyLoss } from '../attacks/signals';
import { attackTitle, type AttackName } from '../attacks/registry';
import type { AttackResult } from '../attacks/calibration';
import type { PrivacyAccounting } from './recipe';
import type { ExperimentConfig } from './config';
import type { TargetEpoch } from './progress';

/** What a result is built from: the plain parts of the trained artifacts. */
export interface ResultSource {
  readonly config: ExperimentConfig;
  readonly candidates: { readonly y: Int32Array; readonly n: number };
  readonly isMember: Uint8Array;
  /** The target's full probabilities on the candidates (n × numClasses). */
  readonly targetProbs: Float32Array;
  readonly target: { readonly numClasses: number; readonly stoppedEpoch: number; readonly bestEpoch: number };
  readonly privacy: PrivacyAccounting | null;
  readonly history: TargetEpoch[];
  readonly backend: string;
}

/** One attack's outcome from the attack stage: its scores and threshold, or why it could not run. */
export type AttackOutcome =
  | { readonly name: AttackName; readonly unavailable: string }
  | { readonly name: AttackName; readonly result: Pick<AttackResult, 'scores' | 'threshold' | 'calibrationAccuracy'> };

export interface AttackReport extends AttackSummary {
  readonly name: AttackName;
  readonly title: string;
  /**
   * The ε this attack's result rules out, tested at 1 − 0.05/k for the k attacks compared
   * (Bonferroni): a one-run lower bound when membership was drawn by coin flips, else an estimate
   * from its Clopper–Pearson rates at its threshold (see empirical-audit.ts).
   */
  readonly empiricalEpsilon: number;
  readonly calibrationAccuracy: number | null;
  /** Per-candidate membership scores (members first, then non-members). */
  readonly scores: Float64Array;
}

export interface TargetReport {
  readonly trainAccuracy: number;
  readonly testAccuracy: number;
  readonly trainLoss: number;
  readonly testLoss: number;
  readonly stoppedEpoch: number;
  readonly bestEpoch: number;
}

export interface ExperimentResult {
  readonly config: ExperimentConfig;
  readonly backend: string;
  readonly timingsMs: Record<string, number>;
  readonly target: TargetReport;
  /** `empiricalEpsilon` is `audit.epsilon`; `audit.label` says whether it is a bound or an estimate. */
  readonly privacy: (PrivacyAccounting & { readonly empiricalEpsilon: number; readonly audit: EmpiricalAudit }) | null;
  readonly attacks: AttackReport[];
  readonly unavailable: { readonly name: AttackName; readonly reason: string }[];
  readonly history: TargetEpoch[];
  readonly isMember: Uint8Array;
}

function accuracyAndLoss(a: ResultSource, from: number, to: number): { accuracy: number; loss: number } {
  const C = a.target.numClasses;
  const probs = a.targetProbs.subarray(from * C, to * C);
  const labels = a.candidates.y.subarray(from, to);
  const losses = crossEntropyLoss(probs, labels, to - from, C);
  let correct = 0;
  for (let i = 0; i < to - from; i++) {
    let best = 0;
    for (let c = 1; c < C; c++) if (probs[i * C + c] > probs[i * C + best]) best = c;
    if (best === labels[i]) correct++;
  }
  return { accuracy: correct / (to - from), loss: losses.reduce((s, v) => s + v, 0) / (to - from) };
}

/** The target's utility on its members (train) and on its non-members (test). */
export function targetReport(a: ResultSource): TargetReport {
  // Candidates are stored members first; under a one-run audit the coins decide how many.
  const m = memberCount(a.isMember);
  const train = accuracyAndLoss(a, 0, m);
  const test = accuracyAndLoss(a, m, a.candidates.n);
  return {
    trainAccuracy: train.accuracy, testAccuracy: test.accuracy, trainLoss: train.loss, testLoss: test.loss,
    stoppedEpoch: a.target.stoppedEpoch, bestEpoch: a.target.bestEpoch,
  };
}

/** Summaries of every attack that ran, and the reasons for those that could not. */
export function assembleResult(a: ResultSource, config: ExperimentConfig, outcomes: readonly AttackOutcome[], timingsMs: Record<string, number>): ExperimentResult {
  const delta = a.privacy?.delta ?? 1e-5;
  const attacks: AttackReport[] = [];
  const unavailable: ExperimentResult['unavailable'] = [];
  for (const o of outcomes) {
    if ('unavailable' in o) {
      unavailable.push({ name: o.name, reason: o.unavailable });
      continue;
    }
    const { scores, threshold, calibrationAccuracy } = o.result;
    const summary = summarizeAttack(o.name, scores, a.isMember, threshold);
    attacks.push({
      ...summary,
      name: o.name,
      title: attackTitle(o.name, config.attack),
      empiricalEpsilon: 0, // set below, once the number of attacks compared is known
      calibrationAccuracy,
      scores,
    });
  }
  const { perAttack, audit } = empiricalAudit(attacks, a.isMember, { delta, oneRun: a.config.split.oneRunAudit });
  const audited = attacks.map((r, i) => ({ ...r, empiricalEpsilon: perAttack[i] }));
  return {
    config, backend: a.backend, timingsMs, target: targetReport(a),
    privacy: a.privacy ? { ...a.privacy, empiricalEpsilon: audit.epsilon, audit } : null,
    attacks: audited, unavailable, history: a.history, isMember: a.isMember,
  };
}

/** How many of the candidates (members first) are members. */
export function memberCount(isMember: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < isMember.length; i++) m += isMember[i];
  return m;
}
