/**
 * @fileoverview ExperimentConfig: one typed object, with defaults and a validator, that fully
 * determines a run together with its seed. The URL, presets, the CLI and lessons build on it.
 */
import type { AttackName, AttackSettings } from '../attacks/registry';
import type { Activation, OptimizerName } from '../models/types';
import { DATASET_INFO, type DatasetName } from '../data/generate';
import { describeKind, fieldSpec, FIELDS, type FieldSpec } from './schema';
import { generatedShape, memoryProblem } from './memory-budget';
import { planSplit } from './split-sizes';
import { parseDecimal } from '../decimal';
import { forbiddenKeyProblems, getPath, isObject, leafPaths, setPath, type Json } from './json-paths';
import { DEFENSES, type DefenseSettings } from '../defenses/registry';

export { DP_MIXUP_PROBLEM } from '../defenses/dp-sgd';

/**
 * The experiment config: the fields below, plus the fields each defense owns (DefenseSettings,
 * declared in its file under src/core/defenses) and each attack owns (AttackSettings, declared in
 * its plugin under src/core/attacks/plugins), merged into the same groups (`train`, `model`, `dp`, `attack`).
 */
export type ExperimentConfig = ConfigCore & DefenseSettings & AttackSettings;

/** The config's fields that belong to no defense and to no single attack. */
export interface ConfigCore {
  readonly seed: number;
  readonly data: {
    readonly name: DatasetName | 'csv';
    readonly n: number | null;
    readonly noise: number | null;
    readonly outliers: number;
    readonly classes: number | null;
    readonly features: number | null;
  };
  readonly split: {
    readonly targetMembers: number;
    readonly shadowPool: number;
    /** Membership of each candidate by an independent fair coin, for the one-run audit. */
    readonly oneRunAudit: boolean;
  };
  readonly model: {
    readonly type: 'mlp' | 'cnn';
    readonly layers: number;
    readonly width: number;
    readonly activation: Activation;
    readonly filters: number;
  };
  readonly train: {
    readonly epochs: number;
    readonly batchSize: number;
    readonly learningRate: number;
    readonly optimizer: OptimizerName;
  };
  readonly api: { readonly output: 'full' | 'top-k' | 'rounded' | 'label'; readonly topK: number; readonly decimals: number };
  readonly attack: {
    readonly names: readonly AttackName[];
    readonly shadows: number;
    readonly references: number;
    /** Shadow and reference models train with the target's augmentation (false: with none). */
    readonly knowsAugmentation: boolean;
    /** The attacker's guess of the target's hidden width and epochs (null: it knows them exactly). */
    readonly guessWidth: number | null;
    readonly guessEpochs: number | null;
  };
}

/** A config that failed validation; `problems` has one sentence per bad field. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join(' '));
    this.name = 'ConfigError';
  }
}

/** The default config (a fresh object each call). */
export function defaultConfig(): ExperimentConfig {
  const out: Json = {};
  for (const f of FIELDS) setPath(out, f.path, Array.isArray(f.default) ? [...f.default] : f.default);
  return out as unknown as ExperimentConfig;
}

/** A deep copy of a plain-JSON config (structuredClone is not in core's ES lib). */
function deepCopy(config: ExperimentConfig): Json {
  return JSON.parse(JSON.stringify(config)) as Json;
}

/** Own `nullable` only: a polluted Object.prototype must not make every field accept null. */
const isNullable = (field: FieldSpec): boolean => Object.hasOwn(field, 'nullable') && field.nullable === true;

/** Checks one value against its field; returns a problem sentence or null. Pure. */
export function fieldProblem(field: FieldSpec, value: unknown): string | null {
  const k = field.kind;
  const bad = () => `${field.path} must be ${describeKind(field)}, got ${JSON.stringify(value) ?? String(value)}.`;
  if (value === null) return isNullable(field) ? null : bad();
  switch (k.type) {
    case 'int':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return bad();
      // Every numeric field is non-negative; -0 would slip past `< min` and print as "0".
      if (Object.is(value, -0)) return `${field.path} must be ${describeKind(field)}, got -0.`;
      if (k.type === 'int' && !Number.isInteger(value)) return bad();
      const belowMin = k.type === 'number' && k.exclusiveMin ? value <= k.min : value < k.min;
      return belowMin || value > k.max ? bad() : null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : bad();
    case 'enum':
      return typeof value === 'string' && k.values.includes(value) ? null : bad();
    case 'list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && k.values.includes(v)) ? null : bad();
  }
}

/**
 * The problem when the split needs more rows than `rows`, or null. `source` names where the rows
 * come from ("data.n is 1200", "the CSV has 90 rows"). Shared by the validator (generated data)
 * and the run (a loaded CSV, whose size is known only then). Pure.
 */
export function splitProblem(c: ExperimentConfig, rows: number, source: string): string | null {
  const plan = planSplit(c, rows, source);
  return typeof plan === 'string' ? plan : null;
}

/** Problems that involve several fields at once. */
function crossFieldProblems(c: ExperimentConfig): string[] {
  const problems: string[] = [];
  if (c.data.name !== 'csv') {
    const info = DATASET_INFO[c.data.name];
    const n = c.data.n ?? info.n.default;
    if (n < info.n.min || n > info.n.max) problems.push(`data.n for ${c.data.name} must be in ${info.n.min}..${info.n.max}, got ${n}.`);
    if (c.data.noise !== null && (c.data.noise < info.noise.min || c.data.noise > info.noise.max)) {
      problems.push(`data.noise for ${c.data.name} (${info.noiseMeaning}) must be in ${info.noise.min}..${info.noise.max}, got ${c.data.noise}.`);
    }
    if (c.data.classes !== null && (c.data.classes < info.classes.min || c.data.classes > info.classes.max)) {
      problems.push(`data.classes for ${c.data.name} must be in ${info.classes.min}..${info.classes.max}, got ${c.data.classes}.`);
    }
    if (c.data.features !== null && !info.features) problems.push(`data.features applies only to purchases, not ${c.data.name}.`);
    if (c.data.outliers >= 1 && c.data.outliers >= n) problems.push(`data.outliers (${c.data.outliers}) must be below data.n (${n}).`);
    const split = splitProblem(c, n, `data.n is ${n}`);
    if (split) problems.push(split);
    if (c.model.type === 'cnn' && info.kind !== 'image') problems.push(`model.type cnn needs an image dataset (glyphs), not ${c.data.name}.`);
    if (c.train.augmentation === 'shift' && info.kind !== 'image') problems.push(`train.augmentation shift needs an image dataset, not ${c.data.name}.`);
  }
  for (const d of DEFENSES) problems.push(...(d.problems?.(c) ?? []));
  if (c.api.output === 'top-k' && c.data.classes !== null && c.api.topK > c.data.classes) {
    problems.push(`api.topK (${c.api.topK}) cannot exceed the number of classes (${c.data.classes}).`);
  }
  if (c.attack.names.length === 0) problems.push('attack.names must name at least one attack.');
  // Each field is capped, but sizes multiply; a loaded CSV's shape is checked when a run starts.
  const shape = problems.length === 0 ? generatedShape(c) : null;
  const memory = shape && memoryProblem(c, shape);
  if (memory) problems.push(memory);
  return problems;
}

/**
 * Throws ConfigError if `config` does not fit a loaded CSV, whose size the validator cannot know:
 * the split needs more rows than the file has, or a setting needs images. Pure.
 */
export function assertFitsCsv(c: ExperimentConfig, csv: { readonly n: number; readonly imageShape?: unknown }): void {
  const problems: string[] = [];
  const split = splitProblem(c, csv.n, `the CSV has ${csv.n} rows`);
  if (split) problems.push(split);
  if (!csv.imageShape && c.model.type === 'cnn') problems.push('model.type cnn needs an image dataset (glyphs), not a CSV.');
  if (!csv.imageShape && c.train.augmentation === 'shift') problems.push('train.augmentation shift needs an image dataset, not a CSV.');
  if (problems.length > 0) throw new ConfigError(problems);
}

/**
 * Validates `input` (parsed JSON, possibly partial) and returns a complete config: missing fields
 * take their defaults. Throws ConfigError naming every unknown field, wrong type or out-of-range value.
 */
export function validateConfig(input: unknown): ExperimentConfig {
  if (!isObject(input)) throw new ConfigError(['The config must be a JSON object.']);
  const forbidden = forbiddenKeyProblems(input);
  if (forbidden.length > 0) throw new ConfigError(forbidden);
  const problems: string[] = [];
  for (const path of leafPaths(input as Json)) {
    if (!fieldSpec(path)) problems.push(`Unknown config field "${path}".`);
  }
  const out = defaultConfig() as unknown as Json;
  for (const f of FIELDS) {
    const value = getPath(input as Json, f.path);
    if (value === undefined) continue;
    const problem = fieldProblem(f, value);
    if (problem) problems.push(problem);
    else setPath(out, f.path, value);
  }
  if (problems.length === 0) problems.push(...crossFieldProblems(out as unknown as ExperimentConfig));
  if (problems.length > 0) throw new ConfigError(problems);
  return out as unknown as ExperimentConfig;
}

/**
 * Parses a `--set`/URL string for `field` into its typed value. Numbers must be plain decimal
 * (see parseDecimal: no hex, `Infinity`, padding or overflow). Throws ConfigError if it can't.
 */
export function parseFieldValue(field: FieldSpec, raw: string): unknown {
  const k = field.kind;
  if (raw === 'null' && isNullable(field)) return null;
  let value: unknown = raw;
  if (k.type === 'int' || k.type === 'number') value = parseDecimal(raw) ?? NaN;
  else if (k.type === 'boolean') value = raw === 'true' ? true : raw === 'false' ? false : raw;
  else if (k.type === 'list') value = raw.split(',').map((s) => s.trim()).filter(Boolean);
  // Report what was typed: a parsed NaN would print as "got null".
  if (fieldProblem(field, value)) throw new ConfigError([`${field.path} must be ${describeKind(field)}, got ${JSON.stringify(raw)}.`]);
  return value;
}

/** Returns a copy of `config` with `path` set from a string (as `--set path=value` gives it); validated. */
export function withField(config: ExperimentConfig, path: string, raw: string): ExperimentConfig {
  return mergeConfig(config, {}, [[path, raw]]);
}

/** A `--set` pair: a dotted field path and the value as typed. */
export type FieldString = readonly [path: string, raw: string];

/**
 * Deep-merges a partial config `patch` over `base`, then sets each `[path, raw]` of `pairs` (as
 * `--set` gives them), and validates the result once: the order of the pairs never matters, and a
 * pair may fix what another would break alone. Only own keys are merged; `__proto__`, `constructor`
 * and `prototype` anywhere in `patch` are refused. Throws ConfigError listing every problem.
 * Does not mutate its arguments.
 */
export function mergeConfig(base: ExperimentConfig, patch: unknown, pairs: readonly FieldString[] = []): ExperimentConfig {
  if (patch !== undefined && patch !== null && !isObject(patch)) throw new ConfigError(['The config must be a JSON object.']);
  const forbidden = forbiddenKeyProblems(patch);
  if (forbidden.length > 0) throw new ConfigError(forbidden);
  const copy = deepCopy(base);
  const merge = (dst: Json, src: Json) => {
    for (const k of Object.keys(src)) {
      const v = src[k];
      if (isObject(v)) {
        if (!Object.hasOwn(dst, k) || !isObject(dst[k])) dst[k] = {};
        merge(dst[k] as Json, v);
      } else {
        dst[k] = v;
      }
    }
  };
  if (isObject(patch)) merge(copy, patch);
  const problems: string[] = [];
  for (const [path, raw] of pairs) {
    const field = fieldSpec(path);
    if (!field) {
      problems.push(`Unknown config field "${path}".`);
      continue;
    }
    try {
      setPath(copy, path, parseFieldValue(field, raw));
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      problems.push(...err.problems);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return validateConfig(copy);
}

export { getPath as readField };
