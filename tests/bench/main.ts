/**
 * @fileoverview `npm run bench [-- --full] [-- --only NAME]`: runs every registered measurement and
 * prints one JSON document on stdout ({figures, notes, ...}); progress goes to stderr. Exits 1 if
 * a measurement throws (the figures so far are still printed), and 0 otherwise, even when a
 * figure misses its target: `holds` records that, so the numbers are never lost.
 */
import { cpus, loadavg } from 'node:os';
import { MEASURES, type BenchContext, type Figure } from './figures';

async function main(argv: string[]): Promise<number> {
  const full = argv.includes('--full');
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 ? argv[onlyAt + 1] : undefined;
  const notes: string[] = [
    'Times are the fastest of several blocks where the helper allows, on a shared machine: other processes only add time.',
  ];
  const ctx: BenchContext = {
    full,
    log: (line) => process.stderr.write(line + '\n'),
    note: (line) => notes.push(line),
  };
  const figures: Figure[] = [];
  const errors: string[] = [];
  const t0 = performance.now();
  for (const m of MEASURES.filter((x) => !only || x.name.includes(only))) {
    ctx.log(`${m.name}...`);
    const start = performance.now();
    try {
      const got = await m.run(ctx);
      figures.push(...got);
      for (const f of got) ctx.log(`  ${f.name} = ${f.value} ${f.unit}${f.target ? ` (target ${f.target}: ${f.holds ? 'holds' : 'MISSED'})` : ''}`);
    } catch (err) {
      errors.push(`${m.name}: ${(err as Error).message}`);
      ctx.log(`  failed: ${(err as Error).stack ?? String(err)}`);
    }
    ctx.log(`  (${((performance.now() - start) / 1000).toFixed(1)} s)`);
  }
  const missed = figures.filter((f) => f.holds === false).map((f) => f.name);
  const doc = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    // Other processes on a shared machine slow every figure; this says how busy it was.
    loadAverage: loadavg().map((l) => Math.round(l * 10) / 10),
    mode: full ? 'full' : 'reduced',
    durationS: Math.round((performance.now() - t0) / 100) / 10,
    figures,
    missed,
    errors,
    notes,
  };
  process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
  return errors.length ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
