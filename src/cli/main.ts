/**
 * @fileoverview CLI entry: `npm run cli -- <command> [flags]`. Prints one JSON document on stdout;
 * progress and errors go to stderr. A bad argument exits with status 2 and a one-line message.
 */
import { parseFlags, UsageError } from './args';
import { COMMANDS } from './commands/index';

function helpText(): string {
  const lines = ['Usage: npm run cli -- <command> [flags]', '', 'Commands:'];
  for (const c of COMMANDS) {
    lines.push(`  ${c.name.padEnd(12)} ${c.summary}`);
    for (const f of c.flags) lines.push(`      --${f.name.padEnd(20)} ${f.description}`);
  }
  lines.push('', 'Every command prints one JSON document on stdout. Progress goes to stderr.');
  return lines.join('\n');
}

const INPUT_ERRORS = new Set(['ConfigError', 'InvalidParameterError', 'CsvError', 'TrainingDivergedError']);

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(helpText() + '\n');
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    throw new UsageError(`unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(', ')}; try --help)`);
  }
  if (rest.includes('--help')) {
    process.stdout.write(helpText() + '\n');
    return 0;
  }
  const flags = parseFlags(rest, command.flags);
  const result = await command.run(flags, (line) => process.stderr.write(line + '\n'));
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`error: ${message.split('\n')[0]}\n`);
    // Bad input of any kind (flags, config, CSV, DP parameters) exits 2; a failure of ours exits 1.
    const badInput = err instanceof UsageError || (err instanceof Error && INPUT_ERRORS.has(err.name));
    process.exit(badInput ? 2 : 1);
  },
);
