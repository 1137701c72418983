/**
 * @fileoverview The defense table of the playground's default experiment (issue 14, "a default that
 * teaches"): each defense's test accuracy, strongest attack AUC and TPR at 1% FPR, held to the
 * criteria the default was chosen by, plus the wall time of `experiment` on the default in Node.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { initNodeBackend } from '../../src/cli/tf-node';
import { defaultConfig, mergeConfig, runExperiment, type ExperimentConfig, type ExperimentResult } from '../../src/engine/experiment/index';
import { atLeast, atMost, now, report, sig, type Figure, type Measure } from './figure';

/** Each defense as the playground toggles it on the default: its own strength, ε and patience. */
export const DEFENSES: readonly { readonly key: string; readonly label: string; readonly patch: Record<string, unknown>; readonly main: boolean }[] = [
  { key: 'none', label: 'No defense', patch: {}, main: true },
  { key: 'dropout', label: 'Dropout 0.5', patch: { model: { dropout: 0.5 } }, main: true },
  { key: 'augmentation', label: 'Noise augmentation (default strength)', patch: { train: { augmentation: 'noise' } }, main: true },
  { key: 'dp', label: 'DP-SGD at the default ε', patch: { dp: { enabled: true } }, main: true },
  { key: 'l2', label: 'L2 0.01', patch: { train: { l2: 0.01 } }, main: false },
  { key: 'earlyStopping', label: 'Early stopping', patch: { train: { earlyStopping: true } }, main: false },
];

/** The criteria, stated once: the figures' targets and the note quote them. */
export const CRITERIA = { aucLow: 0.7, aucHigh: 0.9, minTprAt1: 0.05, minAucDrop: 0.05, dpUtility: 0.75 } as const;

export interface DefenseRow {
  readonly key: string;
  readonly testAccuracy: number;
  /** The highest AUC of any attack. */
  readonly strongestAuc: number;
  /** The highest TPR at 1% FPR of any attack (the strongest attack at low FPR need not be the AUC leader). */
  readonly tprAt1: number;
  readonly epsilon: number | null;
}

/** One row from a result. Pure. */
export function defenseRow(key: string, r: ExperimentResult): DefenseRow {
  return {
    key,
    testAccuracy: r.target.testAccuracy,
    strongestAuc: Math.max(...r.attacks.map((a) => a.auc)),
    tprAt1: Math.max(...r.attacks.map((a) => a.tprAtFpr['0.01'])),
    epsilon: r.privacy ? r.privacy.epsilon : null,
  };
}

/** Means over seeds, per defense, in DEFENSES order. Pure. */
export function meanRows(perSeed: readonly (readonly DefenseRow[])[]): DefenseRow[] {
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  return perSeed[0].map((first, i) => {
    const rows = perSeed.map((s) => s[i]);
    const eps = rows.map((r) => r.epsilon).filter((e): e is number => e !== null);
    return {
      key: first.key,
      testAccuracy: mean(rows.map((r) => r.testAccuracy)),
      strongestAuc: mean(rows.map((r) => r.strongestAuc)),
      tprAt1: mean(rows.map((r) => r.tprAt1)),
      epsilon: eps.length ? mean(eps) : null,
    };
  });
}

const within = (name: string, value: number, unit: string, lo: number, hi: number): Figure => ({
  name, value: sig(value), unit, target: `${lo}–${hi}`, holds: value >= lo && value <= hi,
});

/** The table as figures, each held to its criterion. Pure. */
export function defenseFigures(rows: readonly DefenseRow[]): Figure[] {
  const none = rows.find((r) => r.key === 'none')!;
  const figures: Figure[] = [
    report('defense.none.testAccuracy', none.testAccuracy, 'accuracy'),
    within('defense.none.strongestAuc', none.strongestAuc, 'AUC (not saturated, clearly leaking)', CRITERIA.aucLow, CRITERIA.aucHigh),
    atLeast('defense.none.tprAt1', none.tprAt1, 'TPR at 1% FPR (chance 0.01)', CRITERIA.minTprAt1),
  ];
  for (const r of rows) {
    if (r.key === 'none') continue;
    const main = DEFENSES.find((d) => d.key === r.key)!.main;
    const aucCap = Number((none.strongestAuc - CRITERIA.minAucDrop).toFixed(3));
    figures.push(
      r.key === 'dp'
        ? atLeast(`defense.dp.testAccuracy`, r.testAccuracy, `accuracy (≥ ${CRITERIA.dpUtility} × none's ${sig(none.testAccuracy)})`, Number((CRITERIA.dpUtility * none.testAccuracy).toFixed(3)))
        : report(`defense.${r.key}.testAccuracy`, r.testAccuracy, 'accuracy'),
      main ? atMost(`defense.${r.key}.strongestAuc`, r.strongestAuc, `AUC (none − ${CRITERIA.minAucDrop})`, aucCap) : report(`defense.${r.key}.strongestAuc`, r.strongestAuc, 'AUC'),
      main ? atMost(`defense.${r.key}.tprAt1`, r.tprAt1, "TPR at 1% FPR (≤ none's)", Number(none.tprAt1.toFixed(4))) : report(`defense.${r.key}.tprAt1`, r.tprAt1, 'TPR at 1% FPR'),
    );
    if (r.epsilon !== null) figures.push(report(`defense.${r.key}.epsilon`, r.epsilon, 'ε'));
  }
  return figures;
}

const defenseTable: Measure = {
  name: 'defense table (default experiment)',
  async run(ctx) {
    await initNodeBackend('wasm');
    const seeds = ctx.full ? [1, 2, 3] : [1];
    const base = defaultConfig();
    const perSeed: DefenseRow[][] = [];
    let defaultWall = Infinity;
    let defaultCpu = Infinity;
    for (const seed of seeds) {
      const rows: DefenseRow[] = [];
      for (const d of DEFENSES) {
        const config: ExperimentConfig = mergeConfig(base, { seed, ...d.patch });
        const t0 = now();
        const cpu0 = process.cpuUsage();
        const r = await runExperiment(config);
        if (d.key === 'none') {
          defaultWall = Math.min(defaultWall, now() - t0);
          const cpu = process.cpuUsage(cpu0);
          defaultCpu = Math.min(defaultCpu, (cpu.user + cpu.system) / 1000);
        }
        const row = defenseRow(d.key, r);
        ctx.log(`  seed ${seed} ${d.label}: test ${row.testAccuracy.toFixed(3)}, AUC ${row.strongestAuc.toFixed(3)}, TPR@1% ${(row.tprAt1 * 100).toFixed(1)}%`);
        rows.push(row);
      }
      perSeed.push(rows);
    }
    ctx.note(
      `defense.*: the playground's default (defaultConfig()) on wasm, ${seeds.length === 1 ? 'seed 1' : `mean of seeds ${seeds.join(', ')}`}` +
        `${ctx.full ? '' : ' (3 seeds with --full)'}; strongest = the highest AUC, and the highest TPR at 1% FPR, over the attacks. ` +
        `Criteria: no defense ${CRITERIA.aucLow}–${CRITERIA.aucHigh} AUC and TPR at 1% FPR ≥ ${CRITERIA.minTprAt1}; dropout, noise augmentation and DP each ` +
        `lower the AUC by ≥ ${CRITERIA.minAucDrop} and the TPR; DP keeps ≥ ${CRITERIA.dpUtility} × the test accuracy. L2 and early stopping are reported only.`,
    );
    return [
      ...defenseFigures(meanRows(perSeed)),
      atMost('node.experiment.default.wall', defaultWall / 1000, 's (runExperiment, in process)', 8),
      // The wasm backend runs on one thread: on a busy machine the wall time grows, the CPU time does not.
      report('node.experiment.default.cpu', defaultCpu / 1000, 's of CPU (user + system)'),
    ];
  },
};

/** `npm run cli -- experiment` as a user runs it: a fresh process, tsx included. */
const cliDefault: Measure = {
  name: 'defense table: CLI wall time of experiment on the default',
  async run(ctx) {
    const t0 = now();
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'src/cli/main.ts', 'experiment'], { maxBuffer: 16 * 1024 * 1024 });
    const seconds = (now() - t0) / 1000;
    const out = JSON.parse(stdout) as { config: unknown; timingsMs: { total: number } };
    if (JSON.stringify(out.config) !== JSON.stringify(defaultConfig())) throw new Error("`experiment` without --preset/--config did not run the playground's default config.");
    ctx.note('node.cli.*: one `npx tsx src/cli/main.ts experiment` process; its wall time includes starting Node, compiling TypeScript and the wasm backend.');
    return [atMost('node.cli.experiment.default.wall', seconds, 's (whole process)', 8), report('node.cli.experiment.default.total', out.timingsMs.total / 1000, 's (timingsMs.total)')];
  },
};

export const DEFENSE_MEASURES: readonly Measure[] = [defenseTable, cliDefault];
