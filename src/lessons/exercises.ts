/**
 * @fileoverview Exercises that check themselves, written as fenced JSON blocks in a lesson:
 * ```estimate (a numeric prediction on a slider, scored by its distance to a widget's fact),
 * ```challenge (goals on a widget's facts, checked against the reader's own live run) and
 * ```solution (a worked solution behind a reveal). This module reads their shape and scores
 * them; the components only show the outcome. Pure.
 */
import { LessonFormatError } from './front-matter';
import { parseJson } from './blocks';
import type { PlaceholderFormat } from './placeholders';

export interface EstimateSpec {
  readonly id: string;
  /** The widget whose fact is the answer; it stays locked until the reader commits. */
  readonly widget: string;
  readonly question: string;
  /** The fact the guess is scored against, e.g. "tprAt1" (see facts.ts). */
  readonly fact: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** How the slider and the answer are written: "pct" for rates (distance in percentage points). */
  readonly format: 'pct' | 'prob' | 'num';
  /** A guess this close to the answer counts as right; three times as far, as near. */
  readonly tolerance: number;
  /** Markdown shown after the reveal (placeholders allowed). */
  readonly explain: string;
  readonly line: number;
}

export type ComparisonOp = '>=' | '<=';

export interface ChallengeGoal {
  readonly fact: string;
  readonly op: ComparisonOp;
  readonly value: number;
  /** What the goal measures, in words ("Test accuracy"). */
  readonly label: string;
  readonly format: PlaceholderFormat;
}

export interface ChallengeSpec {
  readonly id: string;
  /** The widget whose controls the reader changes and whose live run is checked. */
  readonly widget: string;
  readonly task: string;
  readonly goals: readonly ChallengeGoal[];
  readonly hint: string;
  readonly line: number;
}

export interface SolutionSpec {
  readonly id: string;
  readonly title: string;
  /** Markdown of the worked solution (placeholders allowed). */
  readonly body: string;
  readonly line: number;
}

type Json = Record<string, unknown>;

function field<T>(o: Json, key: string, where: string, check: (v: unknown) => boolean, what: string, fallback?: T): T {
  const v = o[key];
  if (v === undefined && fallback !== undefined) return fallback;
  if (!check(v)) throw new LessonFormatError(`${where}: "${key}" must be ${what}.`);
  return v as T;
}

const isText = (v: unknown) => typeof v === 'string' && v.trim() !== '';
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isId = (v: unknown) => typeof v === 'string' && /^[a-z][\w-]*$/.test(v);
const text = (o: Json, key: string, where: string, fallback?: string) => field<string>(o, key, where, isText, 'a non-empty string', fallback);
const num = (o: Json, key: string, where: string, fallback?: number) => field<number>(o, key, where, isNumber, 'a number', fallback);
const id = (o: Json, key: string, where: string) => field<string>(o, key, where, isId, 'an id (a lowercase letter, then letters, digits, "-" or "_")');

/** The most slider positions an estimate may have: a saved guess is stored as its position (< 100). */
export const MAX_ESTIMATE_STEPS = 99;

/** Reads an ```estimate block. Throws LessonFormatError naming `where`. Pure. */
export function readEstimate(raw: string, where: string, line: number): EstimateSpec {
  const o = parseJson(raw, where);
  const min = num(o, 'min', where, 0);
  const max = num(o, 'max', where, 1);
  const step = num(o, 'step', where, (max - min) / 50);
  if (!(max > min) || !(step > 0)) throw new LessonFormatError(`${where}: "min" must be below "max", and "step" above 0.`);
  if ((max - min) / step > MAX_ESTIMATE_STEPS + 1e-9) throw new LessonFormatError(`${where}: at most ${MAX_ESTIMATE_STEPS} steps between "min" and "max".`);
  const format = text(o, 'format', where, 'pct') as EstimateSpec['format'];
  if (!['pct', 'prob', 'num'].includes(format)) throw new LessonFormatError(`${where}: "format" must be pct, prob or num.`);
  const tolerance = num(o, 'tolerance', where);
  if (!(tolerance > 0)) throw new LessonFormatError(`${where}: "tolerance" must be above 0.`);
  return { id: id(o, 'id', where), widget: id(o, 'widget', where), question: text(o, 'question', where), fact: text(o, 'fact', where), min, max, step, format, tolerance, explain: text(o, 'explain', where, ''), line };
}

/** Reads a ```challenge block. Pure. */
export function readChallenge(raw: string, where: string, line: number): ChallengeSpec {
  const o = parseJson(raw, where);
  const goalsRaw = o.goals;
  if (!Array.isArray(goalsRaw) || goalsRaw.length === 0) throw new LessonFormatError(`${where}: "goals" must be a non-empty list.`);
  const goals = goalsRaw.map((g, i) => {
    const at = `${where} goal ${i + 1}`;
    if (!g || typeof g !== 'object') throw new LessonFormatError(`${at}: must be an object.`);
    const op = text(g as Json, 'op', at) as ComparisonOp;
    if (op !== '>=' && op !== '<=') throw new LessonFormatError(`${at}: "op" must be ">=" or "<=".`);
    return { fact: text(g as Json, 'fact', at), op, value: num(g as Json, 'value', at), label: text(g as Json, 'label', at), format: text(g as Json, 'format', at, 'pct') as PlaceholderFormat };
  });
  return { id: id(o, 'id', where), widget: id(o, 'widget', where), task: text(o, 'task', where), goals, hint: text(o, 'hint', where, ''), line };
}

/** Reads a ```solution block. Pure. */
export function readSolution(raw: string, where: string, line: number): SolutionSpec {
  const o = parseJson(raw, where);
  return { id: id(o, 'id', where), title: text(o, 'title', where, 'Worked solution'), body: text(o, 'body', where), line };
}

export type EstimateGrade = 'close' | 'near' | 'far';

/** How far a guess landed from the answer: `close` within the tolerance, `near` within three times it. Pure. */
export function gradeEstimate(guess: number, actual: number, tolerance: number): { distance: number; grade: EstimateGrade } {
  const distance = Math.abs(guess - actual);
  // A hair of slack, so a guess exactly one tolerance away is not lost to floating-point rounding.
  const grade = distance <= tolerance + 1e-9 ? 'close' : distance <= 3 * tolerance + 1e-9 ? 'near' : 'far';
  return { distance, grade };
}

/** The guess a slider position stands for (positions are saved, values are shown). Pure. */
export function estimateValue(spec: Pick<EstimateSpec, 'min' | 'step' | 'max'>, position: number): number {
  return Math.min(spec.max, Number((spec.min + position * spec.step).toFixed(10)));
}

export interface GoalOutcome {
  readonly goal: ChallengeGoal;
  readonly value: number | null;
  readonly met: boolean;
}

/** Checks each goal against `facts`; a missing or non-numeric fact fails its goal. Pure. */
export function checkGoals(goals: readonly ChallengeGoal[], facts: Readonly<Record<string, number | string | null>>): GoalOutcome[] {
  return goals.map((goal) => {
    const v = facts[goal.fact];
    const value = typeof v === 'number' && Number.isFinite(v) ? v : null;
    const met = value !== null && (goal.op === '>=' ? value >= goal.value - 1e-9 : value <= goal.value + 1e-9);
    return { goal, value, met };
  });
}
