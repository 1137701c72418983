import type { FlagSpec, ParsedFlags } from '../args';

/** One CLI command. `run` returns the JSON document to print on stdout. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly flags: readonly FlagSpec[];
  /** Progress goes to `log` (stderr); the result is printed as JSON on stdout by main. */
  run(flags: ParsedFlags, log: (line: string) => void): Promise<unknown>;
}
