/**
 * @fileoverview Lesson 5's meta-dataset sample for the CLI's cache command: trains the shadow
 * models if the artifacts lack them, then samples rows (meta-sample.ts, which the page uses too).
 */
import { ensureShadows, type Artifacts, type ExperimentConfig } from '../engine/experiment/index';
import type { MetaSample } from '../lessons/result';
import { metaSampleFrom } from '../lessons/meta-sample';

/** About `count` rows of `a`'s meta-dataset (see metaSampleFrom). Reads `a`; does not free it. */
export async function metaSampleOf(a: Artifacts, config: ExperimentConfig, count = 60): Promise<MetaSample> {
  return metaSampleFrom(a, a.shadows ?? (await ensureShadows(a)), config, count);
}
