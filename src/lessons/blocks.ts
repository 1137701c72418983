/**
 * @fileoverview The interactive blocks of a lesson, written as fenced JSON blocks in Markdown:
 * ```widget (an experiment or special widget), ```predict (commit to a guess before a widget's
 * result shows) and ```checkpoint (a question with per-option feedback). This module checks
 * their shape; it does not know presets or config fields (presetConfig and applySet check those when a widget's config is built). Pure.
 */
import { LessonFormatError } from './front-matter';
import { CHART_NAMES, type ChartName } from '../present/chart-names';

export const WIDGET_TYPES = [
  'experiment', 'guessing-game', 'api-menu', 'meta-table', 'john-doe', 'dp-clipping', 'epsilon-meter',
  'privacy-utility', 'cheat-sheet', 'red-team', 'one-record',
] as const;
export type WidgetType = (typeof WIDGET_TYPES)[number];

/** The charts a widget may list: the one list in present/chart-names.ts, which the chart table draws. */
export const CHARTS = CHART_NAMES;
export type { ChartName };

/** A config field the reader may change, optionally with tighter slider bounds. */
export interface ControlSpec {
  readonly path: string;
  readonly label?: string;
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
}

/** A named change to the widget's preset, run by the cache command (and shown from its file). */
export interface VariantSpec {
  readonly key: string;
  readonly label: string;
  /** Config field paths to values, e.g. {"model.dropout": 0.5}. */
  readonly set: Readonly<Record<string, string | number | boolean | null>>;
}

/** A line chart across variants: `x` is a config path, `y` names facts (see facts.ts). */
export interface SweepSpec {
  readonly x: string;
  readonly xLabel: string;
  readonly y: readonly string[];
  readonly logX: boolean;
}

export interface WidgetSpec {
  readonly id: string;
  readonly type: WidgetType;
  /** The experiment preset the widget runs; absent for pure-math widgets. */
  readonly preset: string | null;
  readonly title: string | null;
  readonly charts: readonly ChartName[];
  readonly controls: readonly ControlSpec[];
  /** The attack whose numbers are the widget's headline facts (auc, tprAt1, …). */
  readonly attack: string | null;
  readonly variants: readonly VariantSpec[];
  readonly sweep: SweepSpec | null;
  /** Statements the lesson makes about this widget's numbers; checked against the cache in tests. */
  readonly claims: readonly string[];
  /** Widget-specific settings (rows of the cheat sheet, the red-team answer key, …). */
  readonly extra: Readonly<Record<string, unknown>>;
  readonly line: number;
}

export interface PredictSpec {
  readonly id: string;
  /** The widget whose result stays hidden until the reader commits. */
  readonly widget: string;
  readonly question: string;
  readonly options: readonly string[];
  /** The option the widget's numbers bear out, if the lesson grades it (a claim should back it). */
  readonly answer: number | null;
  /** Markdown shown after the reveal. */
  readonly explain: string;
  readonly line: number;
}

export interface CheckpointOption {
  readonly text: string;
  readonly feedback: string;
}

export interface CheckpointSpec {
  readonly id: string;
  readonly question: string;
  readonly options: readonly CheckpointOption[];
  readonly answer: number;
  readonly line: number;
}

type Json = Record<string, unknown>;

const WIDGET_KEYS = ['id', 'type', 'preset', 'title', 'charts', 'controls', 'attack', 'variants', 'sweep', 'claims'];

class Reader {
  constructor(readonly obj: Json, readonly where: string) {}
  fail(msg: string): never {
    throw new LessonFormatError(`${this.where}: ${msg}`);
  }
  str(key: string, required = true): string | null {
    const v = this.obj[key];
    if (v === undefined && !required) return null;
    if (typeof v !== 'string' || v.trim() === '') this.fail(`"${key}" must be a non-empty string.`);
    return v;
  }
  id(): string {
    const id = this.str('id')!;
    if (!/^[a-z][\w-]*$/.test(id)) this.fail(`id "${id}" must start with a lowercase letter and use only letters, digits, "-" and "_".`);
    return id;
  }
  strings(key: string, required = true): string[] {
    const v = this.obj[key];
    if (v === undefined && !required) return [];
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) this.fail(`"${key}" must be a list of strings.`);
    return v as string[];
  }
}

/** Parses a block's body as one JSON object, or throws LessonFormatError naming `where`. Pure. */
export function parseJson(text: string, where: string): Json {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    throw new LessonFormatError(`${where}: the block is not valid JSON (${(err as Error).message}).`);
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new LessonFormatError(`${where}: the block must be one JSON object.`);
  return v as Json;
}

function controlOf(v: unknown, r: Reader): ControlSpec {
  if (typeof v === 'string') return { path: v };
  if (!v || typeof v !== 'object' || typeof (v as Json).path !== 'string') r.fail('each control is a field path or {"path": …}.');
  const c = v as Json;
  for (const k of ['min', 'max', 'step']) if (c[k] !== undefined && typeof c[k] !== 'number') r.fail(`control ${String(c.path)}: "${k}" must be a number.`);
  if (c.label !== undefined && typeof c.label !== 'string') r.fail(`control ${String(c.path)}: "label" must be a string.`);
  return c as unknown as ControlSpec;
}

function variantOf(v: unknown, r: Reader): VariantSpec {
  const o = v as Json;
  if (!o || typeof o !== 'object' || typeof o.key !== 'string' || !/^[\w-]+$/.test(o.key)) r.fail('each variant needs a "key" of letters, digits, "-" or "_".');
  if (!o.set || typeof o.set !== 'object' || Array.isArray(o.set)) r.fail(`variant ${String(o.key)}: "set" must map field paths to values.`);
  for (const [path, value] of Object.entries(o.set as Json)) {
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) r.fail(`variant ${String(o.key)}: ${path} must be a string, number, boolean or null.`);
  }
  return { key: o.key, label: typeof o.label === 'string' ? o.label : o.key, set: o.set as VariantSpec['set'] };
}

/** Reads a ```widget block. Throws LessonFormatError naming `where` on any problem. Pure. */
export function readWidget(text: string, where: string, line: number): WidgetSpec {
  const r = new Reader(parseJson(text, where), where);
  const o = r.obj;
  const type = r.str('type') as WidgetType;
  if (!WIDGET_TYPES.includes(type)) r.fail(`unknown widget type "${type}" (types: ${WIDGET_TYPES.join(', ')}).`);
  const charts = r.strings('charts', false) as ChartName[];
  const badChart = charts.find((c) => !CHARTS.includes(c));
  if (badChart) r.fail(`unknown chart "${badChart}" (charts: ${CHARTS.join(', ')}).`);
  if (o.controls !== undefined && !Array.isArray(o.controls)) r.fail('"controls" must be a list.');
  if (o.variants !== undefined && !Array.isArray(o.variants)) r.fail('"variants" must be a list.');
  const variants = ((o.variants as unknown[]) ?? []).map((v) => variantOf(v, r));
  const dup = variants.find((v, i) => variants.findIndex((w) => w.key === v.key) !== i);
  if (dup) r.fail(`variant key "${dup.key}" appears twice.`);
  let sweep: SweepSpec | null = null;
  if (o.sweep !== undefined) {
    const s = new Reader(o.sweep as Json, `${where} sweep`);
    sweep = { x: s.str('x')!, xLabel: s.str('xLabel', false) ?? s.str('x')!, y: s.strings('y'), logX: (o.sweep as Json).logX === true };
    if (variants.length < 2) r.fail('a sweep needs at least two variants.');
  }
  const extra = Object.fromEntries(Object.entries(o).filter(([k]) => !WIDGET_KEYS.includes(k)));
  return {
    id: r.id(), type, preset: r.str('preset', false), title: r.str('title', false), charts,
    controls: ((o.controls as unknown[]) ?? []).map((c) => controlOf(c, r)),
    attack: r.str('attack', false), variants, sweep, claims: r.strings('claims', false), extra, line,
  };
}

/** Reads a ```predict block. Pure. */
export function readPredict(text: string, where: string, line: number): PredictSpec {
  const r = new Reader(parseJson(text, where), where);
  const options = r.strings('options');
  if (options.length < 2) r.fail('a prediction needs at least two options.');
  const answer = r.obj.answer;
  if (answer !== undefined && !(Number.isInteger(answer) && (answer as number) >= 0 && (answer as number) < options.length)) {
    r.fail(`"answer" must be an option index in 0..${options.length - 1}.`);
  }
  return { id: r.id(), widget: r.str('widget')!, question: r.str('question')!, options, answer: (answer as number | undefined) ?? null, explain: r.str('explain', false) ?? '', line };
}

/** Reads a ```checkpoint block. Pure. */
export function readCheckpoint(text: string, where: string, line: number): CheckpointSpec {
  const r = new Reader(parseJson(text, where), where);
  const raw = r.obj.options;
  if (!Array.isArray(raw) || raw.length < 2) r.fail('a checkpoint needs at least two options.');
  const options = (raw as unknown[]).map((o, i) => {
    const opt = new Reader(o as Json, `${where} option ${i + 1}`);
    return { text: opt.str('text')!, feedback: opt.str('feedback')! };
  });
  const answer = r.obj.answer;
  if (!(Number.isInteger(answer) && (answer as number) >= 0 && (answer as number) < options.length)) {
    r.fail(`"answer" must be an option index in 0..${options.length - 1}.`);
  }
  return { id: r.id(), question: r.str('question')!, options, answer: answer as number, line };
}
