/**
 * @fileoverview The lessons' running example: John Doe (always a member) and Jane Smith (always
 * a non-member), followed from lesson 1 to lesson 11. One place turns a result and an attack into
 * each patient's score and verdict; the RecordPair cards and the lesson facts
 * (`johnDoe.verdict`, `janeSmith.score`, …) both read it. Pure.
 */
import { JANE_SMITH, JOHN_DOE } from '../core/data/names';
import type { LessonAttack, LessonResult } from './result';

/** One patient's verdict under one attack. */
export interface PatientVerdict {
  readonly name: string;
  /** The fact prefix: `johnDoe` or `janeSmith`. */
  readonly key: 'johnDoe' | 'janeSmith';
  /** The truth: was the record in the training set? */
  readonly member: boolean;
  /** The model's probability of the record's true diagnosis. */
  readonly confidence: number;
  readonly diagnosis: string;
  /** The attack's membership score (higher ⇒ more likely a member). */
  readonly score: number;
  /** The threshold the attacker chose on its own models; null when it had none. */
  readonly threshold: number | null;
  /** score ≥ threshold: the attack says "member". */
  readonly flagged: boolean;
  /** The share of non-members scoring at least as high (the FPR a verdict on this record costs); null when the result lacks it. */
  readonly fpr: number | null;
  /** Whether the verdict matches the truth. */
  readonly correct: boolean;
}

/** The reserved patients, in the order the cards show them. */
export const PAIR = [
  { name: JOHN_DOE, key: 'johnDoe' },
  { name: JANE_SMITH, key: 'janeSmith' },
] as const;

/** `name`'s verdict under `attack` in `r`, or null when the result does not hold the record or the score. */
export function patientVerdict(r: LessonResult, attack: LessonAttack, who: (typeof PAIR)[number]): PatientVerdict | null {
  const rec = r.records.find((x) => x.name === who.name);
  const score = rec?.scores[attack.name];
  if (!rec || score === undefined || score === null) return null;
  const flagged = attack.threshold !== null && score >= attack.threshold;
  return {
    name: who.name, key: who.key, member: rec.member, confidence: rec.probs[rec.label],
    diagnosis: r.classNames[rec.label] ?? String(rec.label), score, threshold: attack.threshold, flagged,
    fpr: rec.fprAtScore[attack.name] ?? null, correct: flagged === rec.member,
  };
}

/** John Doe's and Jane Smith's verdicts under `attack` (those the result holds). Pure. */
export function pairVerdicts(r: LessonResult, attack: LessonAttack): PatientVerdict[] {
  return PAIR.map((who) => patientVerdict(r, attack, who)).filter((v): v is PatientVerdict => v !== null);
}

/** The text a verdict reads as on a card and in prose. */
export function verdictText(v: Pick<PatientVerdict, 'flagged'>): 'MEMBER' | 'NON-MEMBER' {
  return v.flagged ? 'MEMBER' : 'NON-MEMBER';
}

/**
 * Facts `<prefix>johnDoe.*` and `<prefix>janeSmith.*` (member, confidence, score, threshold, fpr,
 * flagged, correct, verdict, truth, diagnosis) into `out`. Mutates `out` only.
 */
export function pairFacts(r: LessonResult, attack: LessonAttack, out: Record<string, number | string | null>, prefix = ''): void {
  for (const v of pairVerdicts(r, attack)) {
    const p = `${prefix}${v.key}.`;
    out[p + 'member'] = v.member ? 1 : 0;
    out[p + 'confidence'] = v.confidence;
    out[p + 'score'] = v.score;
    out[p + 'threshold'] = v.threshold;
    out[p + 'fpr'] = v.fpr;
    out[p + 'flagged'] = v.flagged ? 1 : 0;
    out[p + 'correct'] = v.correct ? 1 : 0;
    out[p + 'verdict'] = verdictText(v);
    out[p + 'truth'] = v.member ? 'a member' : 'a non-member';
    out[p + 'diagnosis'] = v.diagnosis;
  }
}
