/**
 * @fileoverview The numbers a lesson may quote or claim about a widget's result, by name:
 * `testAccuracy`, `gap`, `auc`, `tprAt1`, `lira-online.auc`, `best.tprAt1`, and the same behind a
 * variant key (`dropout.auc`). Placeholders read them, and claims such as "dropout.auc < auc" are
 * checked against them (tests run every lesson's claims on its cached numbers). Pure.
 */
import { clopperPearson, maxTprAtFpr } from '../core/privacy/index';
import type { CacheFile, LessonAttack, LessonResult, MetaSample } from './result';
import { uncertaintyFacts } from './uncertainty-facts';
import { exposureFacts } from './exposure';
import { pairFacts } from './record-pair';
import { configFacts } from './config-facts';

export type Facts = Readonly<Record<string, number | string | null>>;

const ATTACK_FACTS = ['auc', 'tprAt1', 'tprAt01', 'tprAt10', 'advantage', 'accuracy', 'balancedAccuracy', 'empiricalEpsilon'] as const;

function attackFacts(a: LessonAttack, prefix: string, out: Record<string, number | string | null>): void {
  for (const k of ATTACK_FACTS) out[prefix + k] = a[k];
  out[prefix + 'title'] = a.title;
  // Where the attacker's own threshold lands (what a verdict means before anyone drags it).
  out[prefix + 'atThresholdTpr'] = a.atThreshold.tpr;
  out[prefix + 'atThresholdFpr'] = a.atThreshold.fpr;
  uncertaintyFacts(a, prefix, out);
}

/** The attack a widget features: `preferred` when it ran, else the first. */
export function featuredAttack(r: LessonResult, preferred: string | null): LessonAttack | null {
  return r.attacks.find((a) => a.name === preferred) ?? r.attacks[0] ?? null;
}

/** Every named fact of one result. `featured` picks the attack behind the bare names (auc, tprAt1, …). */
export function resultFacts(r: LessonResult, featured: string | null): Record<string, number | string | null> {
  const t = r.target;
  const out: Record<string, number | string | null> = {
    trainAccuracy: t.trainAccuracy, testAccuracy: t.testAccuracy, gap: t.trainAccuracy - t.testAccuracy,
    trainLoss: t.trainLoss, testLoss: t.testLoss, lossGap: t.testLoss - t.trainLoss, stoppedEpoch: t.stoppedEpoch,
    epsilon: r.privacy ? r.privacy.epsilon : null, delta: r.privacy?.delta ?? null, noiseMultiplier: r.privacy?.noiseMultiplier ?? null,
    memberConfidence: r.confidence.memberMean, nonMemberConfidence: r.confidence.nonMemberMean,
    confidenceGap: r.confidence.memberMean - r.confidence.nonMemberMean,
    // The gap attack ("member iff correctly classified") has AUC exactly ½ + gap/2 (ties count half).
    halfPlusHalfGap: 0.5 + (t.trainAccuracy - t.testAccuracy) / 2,
    members: r.config.split.targetMembers, shadows: r.config.attack.shadows, references: r.config.attack.references, epochs: r.config.train.epochs,
  };
  // The run's own settings (config.train.epochs, config.dp.targetEpsilon, …), for prose that names them.
  configFacts(r.config, out);
  if (r.privacy && r.privacy.epsilon !== null) out.boundAt1 = maxTprAtFpr(r.privacy.epsilon, r.privacy.delta, 0.01);
  const f = featuredAttack(r, featured);
  if (f) attackFacts(f, '', out);
  for (const a of r.attacks) attackFacts(a, `${a.name}.`, out);
  if (r.exposure) exposureFacts(r.exposure, out);
  // Seconds each training stage took on the machine that made the result (what an attack costs).
  for (const [stage, name] of [['target', 'targetSeconds'], ['shadows', 'shadowSeconds'], ['references', 'referenceSeconds']] as const) {
    const ms = r.timingsMs?.[stage];
    if (ms !== undefined) out[name] = ms / 1000;
  }
  // The running example's two patients under the featured attack (johnDoe.verdict, janeSmith.score, …)
  // and under each attack (loss-threshold.johnDoe.verdict, …).
  if (f) pairFacts(r, f, out);
  for (const a of r.attacks) pairFacts(r, a, out, `${a.name}.`);
  if (r.attacks.length > 0) {
    for (const k of ATTACK_FACTS) out[`best.${k}`] = Math.max(...r.attacks.map((a) => a[k]));
    const best = r.attacks.reduce((b, a) => (a.tprAt1 > b.tprAt1 || (a.tprAt1 === b.tprAt1 && a.auc > b.auc) ? a : b));
    out['best.title'] = best.title;
  }
  return out;
}

/** Facts of a meta-dataset sample: `in.top1`, `out.top1` (mean top-1 probability), `rows`. */
export function metaFacts(meta: MetaSample): Record<string, number> {
  return { 'in.top1': meta.meanTop1.in, 'out.top1': meta.meanTop1.out, rows: meta.totalRows, inRows: meta.inRows };
}

/**
 * Facts of one record trained in and out (lesson 9): `nodp.with`, `nodp.without` (ln p of its
 * label), `nodp.withP`, `nodp.withoutP` (the probabilities), `nodp.effect`, `nodp.noiseStd`, the
 * same under `dp.`, and `member` (which member). Pure.
 */
export function oneRecordFacts(o: NonNullable<CacheFile['oneRecord']>): Record<string, number> {
  const out: Record<string, number> = { member: o.dp.member };
  for (const [k, r] of [['dp', o.dp], ['nodp', o.nodp]] as const) {
    Object.assign(out, {
      [`${k}.with`]: r.withRecord, [`${k}.without`]: r.withoutRecord, [`${k}.withP`]: Math.exp(r.withRecord), [`${k}.withoutP`]: Math.exp(r.withoutRecord),
      [`${k}.effect`]: r.effect, [`${k}.noiseStd`]: r.noiseStd, [`${k}.noiseRuns`]: r.noise.length,
    });
  }
  return out;
}

/** Facts of a widget: its current result's, then each variant's behind `<key>.`, then its meta sample's and its one-record picture's. */
export function widgetFacts(
  base: LessonResult | null, variants: Readonly<Record<string, LessonResult>>, featured: string | null, meta: MetaSample | null = null, oneRecord: CacheFile['oneRecord'] | null = null,
): Facts {
  const out: Record<string, number | string | null> = base ? resultFacts(base, featured) : {};
  if (meta) Object.assign(out, metaFacts(meta));
  if (oneRecord) Object.assign(out, oneRecordFacts(oneRecord));
  for (const [key, r] of Object.entries(variants)) {
    for (const [k, v] of Object.entries(resultFacts(r, featured))) out[`${key}.${k}`] = v;
  }
  return out;
}

export interface ClaimOutcome {
  readonly claim: string;
  readonly ok: boolean;
  readonly detail: string;
}

const SIDE = String.raw`([\w.=-]+?)(?:\s*([+*-])\s*(\d+(?:\.\d+)?))?`;
const CLAIM = new RegExp(String.raw`^\s*${SIDE}\s*(<=|>=|<|>)\s*${SIDE}\s*$`);

function sideValue(facts: Facts, name: string, op: string | undefined, k: string | undefined): number {
  const raw = /^-?\d+(\.\d+)?$/.test(name) ? Number(name) : facts[name];
  if (typeof raw !== 'number') throw new Error(`the fact "${name}" is ${raw === undefined ? 'unknown' : 'not a number'}`);
  const c = k === undefined ? 0 : Number(k);
  return op === '+' ? raw + c : op === '-' ? raw - c : op === '*' ? raw * c : raw;
}

/**
 * Checks a comparison claim such as "e60.auc > e3.auc + 0.05" against `facts`. Throws when the
 * claim is malformed or names an unknown fact (a typo must not pass silently). Pure.
 */
export function checkComparison(claim: string, facts: Facts): ClaimOutcome {
  const m = CLAIM.exec(claim);
  if (!m) throw new Error(`Cannot read the claim "${claim}" (write "fact op fact", e.g. "dropout.auc < auc").`);
  const left = sideValue(facts, m[1], m[2], m[3]);
  const right = sideValue(facts, m[5], m[6], m[7]);
  const op = m[4];
  const ok = op === '<' ? left < right : op === '<=' ? left <= right : op === '>' ? left > right : left >= right;
  return { claim, ok, detail: `${left.toPrecision(4)} ${op} ${right.toPrecision(4)}` };
}

/**
 * "No attack crosses the DP bound": for every DP result, each attack's ROC point at its threshold
 * must lie under TPR ≤ e^ε·FPR + δ, allowing for sampling: the 95% lower Clopper–Pearson bound on
 * its TPR must not exceed the ceiling at the upper bound on its FPR. Pure.
 */
export function checkDpBound(results: readonly LessonResult[]): ClaimOutcome {
  const failures: string[] = [];
  let checked = 0;
  for (const r of results) {
    const eps = r.privacy?.epsilon;
    if (eps === null || eps === undefined) continue;
    for (const a of r.attacks) {
      checked++;
      const tpr = clopperPearson(a.atThreshold.tp, a.members).lower;
      const fpr = clopperPearson(a.atThreshold.fp, a.nonMembers).upper;
      const ceiling = maxTprAtFpr(eps, r.privacy!.delta, fpr);
      if (tpr > ceiling) failures.push(`${a.name} at ε=${eps}: TPR ≥ ${tpr.toFixed(3)} > ceiling ${ceiling.toFixed(3)} at FPR ${fpr.toFixed(3)}`);
    }
  }
  if (checked === 0) return { claim: 'dp-bound', ok: false, detail: 'no DP result to check' };
  return { claim: 'dp-bound', ok: failures.length === 0, detail: failures.join('; ') || `${checked} attack points under the bound` };
}
