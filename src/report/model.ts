/**
 * @fileoverview The content of an audit report as plain data, built once from a playground result
 * so the Markdown, the HTML and the JSON say the same thing with the same numbers. Pure.
 */
import { ATTACKS, attackTitle, isAttackName } from '../core/attacks/registry';
import { DATASET_INFO } from '../core/data/generate';
import type { ExperimentConfig } from '../core/experiment/config';
import { activeDefenses } from '../core/defenses/registry';
import type { SweepRow } from '../core/experiment/sweep';
import { mostExposed } from '../core/metrics/records';
import { chanceSeverity, lowFprSeverity, type Severity } from '../present/scoreboard';
import { formatEpsilon, formatPercent } from '../present/format';
import { boundCaption, fprBudgetLabel, intervalText, rateWithInterval } from '../present/uncertainty';
import { checkAgainstBound } from '../core/privacy/bound-check';
import type { ConfidenceInterval } from '../core/privacy/audit';
import type { PlaygroundResult } from '../core/experiment/playground-view';
import { recommend, type Recommendation } from './recommend';

/** One fact: a label and its value, both plain text. */
export interface Fact {
  readonly label: string;
  readonly value: string;
}

/** One attack's row. Rates in [0, 1]. */
export interface AttackRow {
  readonly name: string;
  readonly title: string;
  readonly auc: number;
  readonly accuracy: number;
  readonly balancedAccuracy: number;
  readonly advantage: number;
  readonly tprAt10: number;
  readonly tprAt1: number;
  readonly tprAt01: number;
  /** 95% Clopper–Pearson intervals of the three TPRs. */
  readonly tprAt10Ci: ConfidenceInterval;
  readonly tprAt1Ci: ConfidenceInterval;
  readonly tprAt01Ci: ConfidenceInterval;
}

/** One of the most exposed members under the strongest attack. */
export interface ExposedRecord {
  readonly rank: number;
  readonly name: string;
  readonly label: string;
  readonly score: number;
  /** The target's confidence in the record's true class. */
  readonly confidence: number;
  /** Whether the attack's verdict (at its calibrated threshold) says "member". */
  readonly flagged: boolean;
  readonly outlier: boolean;
}

/** The cheat-sheet sweep a report may cite, when one finished in this session. */
export interface SweepReference {
  readonly id: string;
  readonly description: string;
  readonly rows: readonly SweepRow[];
}

export interface ReportModel {
  readonly title: string;
  readonly generatedAt: string;
  readonly backend: string;
  readonly risk: { readonly level: Severity; readonly headline: string; readonly statement: string };
  readonly threatModel: readonly Fact[];
  readonly dataAndModel: readonly Fact[];
  readonly utility: readonly Fact[];
  readonly attacks: readonly AttackRow[];
  /** The attack table's column heads, the same in every format (see attackTableHead). */
  readonly attackColumns: readonly string[];
  /** Under DP: how the measured points stand against the bound, in words; '' when none crosses it. */
  readonly boundNote: string;
  readonly unavailable: readonly { readonly title: string; readonly reason: string }[];
  /** The attack the statement and the exposed records are about. */
  readonly strongest: AttackRow;
  readonly exposed: readonly ExposedRecord[];
  readonly recommendations: readonly Recommendation[];
  readonly notes: readonly string[];
  readonly sweep: SweepReference | null;
}

export interface ReportOptions {
  /** ISO time written into the report (a parameter, so reports are reproducible in tests). */
  readonly generatedAt?: string;
  readonly sweep?: SweepReference | null;
  /** How many exposed members to list. */
  readonly exposedCount?: number;
}

const API_TEXT: Record<ExperimentConfig['api']['output'], (c: ExperimentConfig) => string> = {
  full: () => 'the full probability vector (a score for every class)',
  'top-k': (c) => `the top ${c.api.topK} ${c.api.topK === 1 ? 'class' : 'classes'} with their probabilities`,
  rounded: (c) => `every class's probability, rounded to ${c.api.decimals} ${c.api.decimals === 1 ? 'decimal' : 'decimals'}`,
  label: () => 'only the predicted label',
};

const pct = formatPercent;
export const auc3 = (v: number): string => (Number.isFinite(v) ? v.toFixed(3) : '–');
const listed = (names: readonly string[], k: number) => names.slice(0, k).join(', ') + (names.length > k ? ', …' : '');

/** How the strongest attack is picked, in words, wherever the pick is shown. */
export const STRONGEST_RULE = 'the most members exposed at 1% FPR, ties broken by AUC';

/**
 * The attack a report leads with: the most members exposed at 1% FPR, ties broken by AUC.
 * Individual privacy is lost at low FPR (Carlini et al. 2022), so that is the measure. Pure.
 */
export function strongestAttack<T extends { tprAt1: number; auc: number }>(rows: readonly T[]): T | null {
  let best: T | null = null;
  for (const r of rows) if (!best || r.tprAt1 > best.tprAt1 || (r.tprAt1 === best.tprAt1 && r.auc > best.auc)) best = r;
  return best;
}

function attackRows(r: PlaygroundResult): AttackRow[] {
  return r.attacks.map((a) => ({
    name: a.name, title: a.title, auc: a.auc, accuracy: a.accuracy, balancedAccuracy: a.balancedAccuracy, advantage: a.advantage,
    tprAt10: a.tprAtFpr['0.1'], tprAt1: a.tprAtFpr['0.01'], tprAt01: a.tprAtFpr['0.001'],
    tprAt10Ci: a.tprAtFprCi['0.1'], tprAt1Ci: a.tprAtFprCi['0.01'], tprAt01Ci: a.tprAtFprCi['0.001'],
  }));
}

/**
 * The attack table's heads: verdict metrics name the attacker's own threshold, the advantage its
 * oracle one (picked on the evaluation labels), and a TPR column whose budget allows no false
 * positive on these non-members says "at zero false positives". Pure.
 */
export function attackTableHead(r: Pick<PlaygroundResult, 'attacks'>): string[] {
  const allowed = r.attacks[0]?.falsePositivesAllowed ?? { '0.1': 1, '0.01': 1, '0.001': 1 };
  return [
    'Attack', 'AUC', 'Accuracy (attacker’s threshold)', 'Balanced accuracy (attacker’s threshold)', 'Advantage (oracle threshold)',
    `TPR ${fprBudgetLabel(0.1, allowed['0.1'])} [95% CI]`, `TPR ${fprBudgetLabel(0.01, allowed['0.01'])} [95% CI]`, `TPR ${fprBudgetLabel(0.001, allowed['0.001'])} [95% CI]`,
  ];
}

/** One attack's cells under attackTableHead. Pure. */
export function attackTableRow(a: AttackRow): string[] {
  return [a.title, auc3(a.auc), pct(a.accuracy), pct(a.balancedAccuracy), pct(a.advantage),
    rateWithInterval(a.tprAt10, a.tprAt10Ci), rateWithInterval(a.tprAt1, a.tprAt1Ci), rateWithInterval(a.tprAt01, a.tprAt01Ci)];
}

function threatModel(r: PlaygroundResult): Fact[] {
  const c = r.config;
  const ran = r.attacks.map((a) => a.name).filter(isAttackName).map((n) => ATTACKS[n]);
  const shadows = ran.some((a) => a.usesShadowModels);
  const references = ran.some((a) => a.usesReferenceModels);
  const whiteBox = ran.some((a) => a.usesWeights);
  const perturbed = ran.find((a) => a.usesPerturbedQueries);
  const referenceUsers = ran.filter((a) => a.usesReferenceModels).map((a) => attackTitle(a.name, c.attack));
  const rmia = ran.some((a) => a.name === 'rmia');
  const members = r.attacks[0]?.members ?? c.split.targetMembers;
  const nonMembers = r.attacks[0]?.nonMembers ?? c.split.targetMembers;
  const candidates = c.split.oneRunAudit
    ? `${members} members and ${nonMembers} non-members, each made a member by its own coin flip (one-run audit), so guessing is right about 50% of the time`
    : `${members} members and ${nonMembers} non-members (half are members, so guessing is right 50% of the time)`;
  return [
    { label: 'What the API returns', value: API_TEXT[c.api.output](c) },
    { label: 'Access', value: whiteBox ? 'white-box: the attacker also reads the model’s weights (gradient-norm attack)' : 'black-box: the attacker only sends queries and reads the answers' },
    { label: 'Attacker’s proxy data', value: `${c.split.shadowPool} records from the same distribution, disjoint from the target’s${rmia ? '; RMIA also queries the target on them as its population samples' : ''}` },
    { label: 'Shadow models', value: shadows ? `${c.attack.shadows}, trained like the target on the proxy data (known IN/OUT)` : 'none used' },
    {
      label: 'Reference models',
      value: references
        ? `${c.attack.references}, each trained on a random half of the candidates (${referenceUsers.join(', ')}). This assumes the attacker holds the candidate records themselves: a stronger attacker than one whose shadow data is disjoint from the target’s`
        : 'none used',
    },
    ...(perturbed ? [{ label: 'Extra queries', value: `${c.attack.queries} perturbed copies per record (${perturbed.title})` }] : []),
    { label: 'Knows the training recipe', value: 'yes: architecture, epochs and optimizer (shadow and reference models copy them)' },
    { label: 'Candidates judged', value: candidates },
  ];
}

function dataAndModel(c: ExperimentConfig, r: PlaygroundResult): Fact[] {
  const info = c.data.name === 'csv' ? null : DATASET_INFO[c.data.name];
  const model = c.model.type === 'cnn'
    ? `CNN, ${c.model.filters} filters, dense ${c.model.width}`
    : c.model.layers === 0 ? 'logistic regression' : `MLP, ${c.model.layers} × ${c.model.width} ${c.model.activation}`;
  // Each defense writes its own line (src/core/defenses).
  const defenses = activeDefenses(c)
    .map((d) => d.reportLine(c, { privacy: r.privacy, formatEpsilon }))
    .filter((d): d is string => d !== null);
  return [
    { label: 'Dataset', value: info ? `${info.title} (${c.data.name})` : 'a CSV file loaded in the browser' },
    { label: 'Classes', value: `${r.numClasses}${r.classNames.length ? ` (${listed(r.classNames, 8)})` : ''}` },
    ...(r.featureNames.length ? [{ label: 'Features', value: listed(r.featureNames, 8) }] : []),
    { label: 'Split', value: `${r.attacks[0]?.members ?? c.split.targetMembers} members (training set), ${r.attacks[0]?.nonMembers ?? c.split.targetMembers} non-members${c.split.oneRunAudit ? ' drawn by coin flips from ' + 2 * c.split.targetMembers + ' candidates' : ''}, ${c.split.shadowPool} proxy records` },
    { label: 'Model', value: `${model}, dropout ${c.model.dropout}` },
    { label: 'Training', value: `${c.train.epochs} epochs, batch ${c.train.batchSize}, ${c.train.optimizer} at learning rate ${c.train.learningRate}` },
    { label: 'Defenses', value: defenses.length ? defenses.join('; ') : 'none' },
    { label: 'Seed', value: String(c.seed) },
  ];
}

function utility(r: PlaygroundResult): Fact[] {
  const t = r.target;
  const facts: Fact[] = [
    { label: 'Train accuracy (members)', value: pct(t.trainAccuracy) },
    { label: 'Test accuracy (non-members)', value: pct(t.testAccuracy) },
    { label: 'Train–test gap', value: `${((t.trainAccuracy - t.testAccuracy) * 100).toFixed(1)} points` },
    { label: 'Loss: train / test', value: `${t.trainLoss.toFixed(3)} / ${t.testLoss.toFixed(3)}` },
  ];
  if (r.config.train.earlyStopping) facts.push({ label: 'Early stopping', value: `stopped after epoch ${t.stoppedEpoch}, kept epoch ${t.bestEpoch}` });
  if (r.privacy) {
    facts.push({ label: 'Privacy guarantee', value: `(ε = ${formatEpsilon(r.privacy.epsilon)}, δ = ${r.privacy.delta})` });
    facts.push({ label: 'Empirical ε from the attacks', value: empiricalText(r.privacy) });
  } else facts.push({ label: 'Privacy guarantee', value: 'none (trained without DP)' });
  // E.g. early stopping's choice of epoch, made on validation records the accountant never sees.
  for (const note of r.privacy?.notes ?? []) facts.push({ label: 'Outside the ε accounting', value: note });
  return facts;
}

/** "ε ≥ 0.2: empirical lower bound at 95% confidence (one-run audit, 5 attacks, Bonferroni)". */
export function empiricalText(p: NonNullable<PlaygroundResult['privacy']>): string {
  const a = p.audit;
  const value = a.method === 'one-run' ? `ε ≥ ${formatEpsilon(a.epsilon)}` : `ε ≈ ${formatEpsilon(a.epsilon)}`;
  const detail = a.method === 'one-run' && a.guesses ? `; ${a.correct} of ${a.guesses} guesses right on ${a.audited} audited records` : '';
  return `${value}: ${a.label}${detail}`;
}

function exposedRecords(r: PlaygroundResult, attackName: string, k: number): ExposedRecord[] {
  const a = r.attacks.find((x) => x.name === attackName);
  if (!a) return [];
  return Array.from(mostExposed(a.scores, r.isMember, k), (i, rank) => {
    const rec = r.records[i];
    const label = rec ? (r.classNames[rec.label] ?? String(rec.label)) : '?';
    return {
      rank: rank + 1,
      name: rec?.name ?? `Candidate ${i}`,
      label,
      score: a.scores[i],
      confidence: rec ? r.targetProbs[i * r.numClasses + rec.label] : NaN,
      flagged: a.scores[i] >= a.threshold,
      outlier: rec?.isOutlier ?? false,
    };
  });
}

function riskOf(s: AttackRow, members: number, nonMembers: number): ReportModel['risk'] {
  const levels: Severity[] = [lowFprSeverity(s.tprAt1), chanceSeverity(s.auc)];
  const level: Severity = levels.includes('danger') ? 'danger' : levels.includes('warn') ? 'warn' : 'ok';
  const exposed = Math.round(s.tprAt1 * members);
  const allowed1 = Math.floor(0.01 * nonMembers + 1e-9);
  const allowed01 = Math.floor(0.001 * nonMembers + 1e-9);
  const headline = { danger: 'High membership leakage', warn: 'Some membership leakage', ok: 'Little measurable leakage' }[level];
  const low = allowed01 === 0
    ? `with no false accusation at all (0.1% of ${nonMembers} non-members allows none), ${pct(s.tprAt01)} [${intervalText(s.tprAt01Ci)}]`
    : `at 0.1%, ${pct(s.tprAt01)} [${intervalText(s.tprAt01Ci)}]`;
  const statement =
    `The strongest attack (${STRONGEST_RULE}), ${s.title}, determined membership with ${pct(s.accuracy)} accuracy at its own threshold ` +
    `(balanced accuracy ${pct(s.balancedAccuracy)}; guessing gets 50%) and an AUC of ${auc3(s.auc)}. ` +
    `At 1% false accusations (${allowed1} of ${nonMembers} non-members), ${pct(s.tprAt1)} of members were exposed (${exposed} of ${members}; 95% interval [${intervalText(s.tprAt1Ci)}]); ` +
    `${low}.`;
  return { level, headline, statement };
}

/** Builds the report's content from a playground result. Throws if no attack ran. Pure. */
export function buildReport(r: PlaygroundResult, options: ReportOptions = {}): ReportModel {
  const c = r.config;
  const attacks = attackRows(r);
  const strongest = strongestAttack(attacks);
  if (!strongest) throw new Error('The run has no attack results to report.');
  const exposed = exposedRecords(r, strongest.name, options.exposedCount ?? 10);
  const members = r.attacks[0].members;
  const nonMembers = r.attacks[0].nonMembers;
  const sweep = options.sweep ?? null;
  const bound = r.privacy && Number.isFinite(r.privacy.epsilon) ? checkAgainstBound(r.attacks, r.privacy.epsilon, r.privacy.delta) : undefined;
  const notes = [
    'Scores: higher means "more likely a member". Accuracy and balanced accuracy are the verdicts at the threshold the attacker calibrated on its own shadow data; AUC and TPR at a fixed FPR do not depend on a threshold.',
    'TPR at x% FPR: the share of members exposed when only x% of non-members are falsely accused (Carlini et al. 2022). In brackets, its exact (Clopper–Pearson) 95% interval from the members it rests on; where x% of the non-members is less than one record, it is the TPR at zero false positives.',
    'Advantage: the largest TPR − FPR over every threshold, picked with the true membership labels, so an oracle’s choice no attacker could make; accuracy and balanced accuracy are at the threshold the attacker picked itself.',
    `Measured in the browser on the ${r.backend} backend; the same settings and seed give the same numbers.`,
  ];
  return {
    title: `Membership inference audit: ${c.data.name === 'csv' ? 'CSV data' : DATASET_INFO[c.data.name].title}, seed ${c.seed}`,
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    backend: r.backend,
    risk: riskOf(strongest, members, nonMembers),
    threatModel: threatModel(r),
    dataAndModel: dataAndModel(c, r),
    utility: utility(r),
    attacks,
    attackColumns: attackTableHead(r),
    boundNote: r.privacy && bound ? boundCaption(bound, r.privacy.epsilon) : '',
    unavailable: r.unavailable.map((u) => ({ title: attackTitle(u.name, r.config.attack), reason: u.reason })),
    strongest,
    exposed,
    recommendations: recommend({ config: c, target: r.target, privacy: r.privacy, attacks, exposed, nonMembers, sweep: sweep?.rows ?? null, bound }),
    notes,
    sweep,
  };
}
