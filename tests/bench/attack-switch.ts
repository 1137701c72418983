/**
 * @fileoverview The playground's promise that switching the attack or the output API reuses the
 * trained models: time the attack stage alone on cached artifacts (budget 200 ms for a threshold attack).
 */
import { atMost, now, report, type Measure } from './figure';
import { initNodeBackend } from '../../src/cli/tf-node';
import { attackExperiment, disposeArtifacts, mergeConfig, prepareExperiment } from '../../src/engine/experiment/index';
import { presetConfig } from '../../src/lessons/presets';

const attackSwitch: Measure = {
  name: 'attack-switch',
  async run(ctx) {
    await initNodeBackend('wasm');
    const base = mergeConfig(presetConfig('overfit-purchases'), { attack: { names: ['gap', 'loss-threshold'], shadows: 4 } });
    ctx.log('attack-switch: training the target and 4 shadow models once');
    const artifacts = await prepareExperiment(base);
    try {
      const time = async (patch: object) => {
        const t0 = now();
        await attackExperiment(artifacts, mergeConfig(base, patch));
        return now() - t0;
      };
      await attackExperiment(artifacts, base); // the run the learner already saw
      const threshold = await time({ attack: { names: ['confidence-threshold'] } });
      const api = await time({ attack: { names: ['loss-threshold'] }, api: { output: 'rounded', decimals: 2 } });
      const shadowModel = await time({ attack: { names: ['shadow-model'] } });
      ctx.note('attack-switch: overfit-purchases with 4 shadows; 2,000 queried records; the models are trained once and reused.');
      return [
        atMost('attackSwitch.confidenceThreshold', threshold, 'ms', 200),
        atMost('attackSwitch.roundedApi', api, 'ms', 200),
        report('attackSwitch.shadowModel', shadowModel, 'ms'),
      ];
    } finally {
      disposeArtifacts(artifacts);
    }
  },
};

export const ATTACK_SWITCH_MEASURES: readonly Measure[] = [attackSwitch];
