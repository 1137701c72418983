/**
 * @fileoverview A small, strict argument parser for the CLI: `--flag value` pairs and repeatable flags.
 * Unknown flags are errors, so a typo never silently runs the wrong experiment.
 */
import { parseDecimal } from '../core/decimal';

/** Raised for any bad argument; main prints its message on one line and exits non-zero. */
export class UsageError extends Error {}

export interface FlagSpec {
  /** Flag name without the leading dashes. */
  readonly name: string;
  readonly description: string;
  /** True for a flag that takes no value. */
  readonly boolean?: boolean;
  /** True for a flag that may be given several times. */
  readonly repeatable?: boolean;
}

export type ParsedFlags = Record<string, string | string[] | boolean | undefined>;

/** Parses `argv` against `specs`. Throws UsageError naming the offending flag. Does not mutate argv. */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): ParsedFlags {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const out: ParsedFlags = {};
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (!token.startsWith('--')) throw new UsageError(`unexpected argument "${token}"; flags start with --`);
    const [rawName, inlineValue] = token.slice(2).split(/=(.*)/s, 2);
    const spec = byName.get(rawName);
    if (!spec) {
      const known = specs.map((s) => '--' + s.name).join(', ') || 'none';
      throw new UsageError(`unknown flag --${rawName} (known flags: ${known})`);
    }
    if (spec.boolean) {
      out[spec.name] = true;
      continue;
    }
    const value = inlineValue ?? argv[++i];
    if (value === undefined || (inlineValue === undefined && value.startsWith('--'))) {
      throw new UsageError(`flag --${spec.name} needs a value`);
    }
    if (spec.repeatable) out[spec.name] = [...((out[spec.name] as string[] | undefined) ?? []), value];
    else if (out[spec.name] !== undefined) throw new UsageError(`flag --${spec.name} was given twice`);
    else out[spec.name] = value;
  }
  return out;
}

/**
 * Reads a required or optional number flag; throws UsageError unless it is a plain finite decimal
 * (no hex, `Infinity`, padding or overflow: see parseDecimal).
 */
export function numberFlag(flags: ParsedFlags, name: string, required: true): number;
export function numberFlag(flags: ParsedFlags, name: string, required?: false): number | undefined;
export function numberFlag(flags: ParsedFlags, name: string, required = false): number | undefined {
  const raw = flags[name];
  if (raw === undefined) {
    if (required) throw new UsageError(`missing required flag --${name}`);
    return undefined;
  }
  const value = typeof raw === 'string' ? parseDecimal(raw) : null;
  if (value === null) throw new UsageError(`flag --${name} must be a number, got "${String(raw)}"`);
  return value;
}
