/**
 * @fileoverview The attack stage on the page: attacks on score arrays are pure core code, so once
 * the workers have sent the models' outputs, a change of attack or output API is answered here
 * without a worker round trip. Each attack's outcome is remembered by what it depends on, so a
 * new reference model reruns only LiRA and RMIA, and a switched attack runs only itself. Loaded
 * on first use (dynamic import), so the page's first chunk stays small.
 */
import { runAttacks, type AttackOutcome } from '../core/experiment/attack-stage';
import { assembleResult } from '../core/experiment/experiment-result';
import type { Artifacts } from '../core/experiment/artifacts';
import type { ExperimentConfig } from '../core/experiment/config';
import { ATTACKS, type AttackName } from '../core/attacks/registry';
import { nowMs } from '../core/clock';
import { toPlaygroundResult, type DecisionGrid, type PlaygroundResult } from '../core/experiment/playground-view';
import { metaSampleFrom } from '../lessons/meta-sample';
import type { MetaSample } from '../lessons/result';

/** Lets the page paint between two attacks. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** What an attack's outcome depends on besides the trained target: its settings, the API, and its models. */
function memoKey(name: AttackName, a: Artifacts, config: ExperimentConfig): string {
  const { names: _n, ...settings } = config.attack;
  const models = ATTACKS[name].usesReferenceModels ? `r${a.references?.probs.length ?? 0}` : `s${a.shadows?.probs.length ?? 0}`;
  return JSON.stringify([name, config.api, settings, models]);
}

export interface AttackRun {
  readonly result: PlaygroundResult;
  /** Milliseconds the attacks took here (memo hits cost nothing). */
  readonly attacksMs: number;
}

/**
 * Runs `names` (default: the config's attacks) against `a` and builds the playground's view.
 * `memo` keeps outcomes across calls on the same job's artifacts; `isCurrent` lets a superseded
 * request stop between attacks. `grid` is the decision grid the target's worker computed.
 */
export async function attackView(
  a: Artifacts,
  config: ExperimentConfig,
  opts: {
    readonly memo: Map<string, AttackOutcome>;
    readonly grid: DecisionGrid | null;
    readonly trainingReused: boolean;
    readonly names?: readonly AttackName[];
    readonly timingsMs?: Record<string, number>;
    readonly isCurrent?: () => boolean;
  },
): Promise<AttackRun | null> {
  const t0 = nowMs();
  const outcomes: AttackOutcome[] = [];
  for (const name of opts.names ?? config.attack.names) {
    const key = memoKey(name, a, config);
    let outcome = opts.memo.get(key);
    if (!outcome) {
      [outcome] = await runAttacks(a, { ...config, attack: { ...config.attack, names: [name] } });
      opts.memo.set(key, outcome);
      await breathe();
      if (opts.isCurrent && !opts.isCurrent()) return null;
    }
    outcomes.push(outcome);
  }
  const attacksMs = nowMs() - t0;
  const result = assembleResult(a, config, outcomes, { ...(opts.timingsMs ?? a.timingsMs), attacks: attacksMs });
  return { result: await toPlaygroundResult(a, result, opts.trainingReused, opts.grid), attacksMs };
}

/** Lesson 5's meta-dataset rows from the job's shadow models (see meta-sample.ts). */
export function metaSample(a: Artifacts, config: ExperimentConfig): MetaSample {
  if (!a.shadows) throw new Error('The meta-dataset needs shadow models, and none were trained.');
  return metaSampleFrom(a, a.shadows, config);
}
