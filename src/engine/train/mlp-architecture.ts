/**
 * @fileoverview The MLP as an Architecture for the shared trainer: its forward pass
 * (mlp-forward.ts), backward pass (mlp-backward.ts) and per-example norms (per-example.ts), in
 * both parameter layouts (mlp-params.ts), so K shadow models can train stacked.
 *
 * Parameter order is [...weights, ...biases]: the optimizer's state and the DP noise follow it,
 * so changing it would change every seeded MLP run (and the cached lesson results).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { MlpSpec } from '../../core/models/types';
import type { Architecture } from './architecture';
import { backwardDeltas, weightGrads } from './mlp-backward';
import { forward, type ForwardCache } from './mlp-forward';
import { initParams, sliceModel, unstackParams, type MlpParams } from './mlp-params';
import { evaluateSets } from './evaluate';
import { perExampleSqNorms } from './per-example';

/** The MLP's per-example signals: each layer's pre-activation gradient, [.., B, out_l]. */
export type MlpDeltas = tf.Tensor[];

export type MlpArchitecture = Architecture<MlpParams, tf.Tensor, ForwardCache, MlpDeltas>;

/** The architecture for `spec` (which the caller has validated). */
export function mlpArchitecture(spec: MlpSpec): MlpArchitecture {
  const layers = spec.hidden.length + 1;
  return {
    inputDim: spec.inputDim,
    numClasses: spec.numClasses,
    canStack: true,
    dropoutWidths: spec.hidden,
    penalized: Array.from({ length: 2 * layers }, (_, i) => i < layers),
    init: (rngs) => initParams(spec, rngs),
    tensors: (p) => [...p.weights, ...p.biases],
    fromTensors: (flat, k) => ({ weights: flat.slice(0, layers), biases: flat.slice(layers), k }),
    slice: sliceModel,
    unstack: unstackParams,
    input: (features, rows, lead) => tf.tensor(features, [...lead, rows, spec.inputDim]),
    forward: (p, x, masks) => forward(p, x, spec.activation, masks),
    backward: (p, cache, dLogits, masks) => backwardDeltas(p, cache, dLogits, spec.activation, masks),
    sqNorms: perExampleSqNorms,
    gradSum(cache, deltas, rowFactors) {
      const g = weightGrads(cache, rowFactors ? deltas.map((d) => tf.mul(d, rowFactors)) : deltas);
      return [...g.weights, ...g.biases];
    },
    evaluate: (p, sets, withConfidence) => evaluateSets(p, spec.activation, sets, spec.numClasses, withConfidence),
  };
}
