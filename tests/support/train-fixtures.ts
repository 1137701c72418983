/**
 * @fileoverview Small seeded datasets and option presets for the training engine's tests and
 * benchmarks. They stand alone so the engine can be exercised without the data module.
 */
import type { TrainOptions, TrainingData } from '../../src/core/models/types';
import { Rng } from '../../src/core/rng';

/** Plain Adam training, no defenses: the baseline the tests vary one field at a time. */
export const BASE_OPTIONS: TrainOptions = {
  epochs: 3,
  batchSize: 16,
  learningRate: 0.01,
  optimizer: 'adam',
  l2: 0,
  l1: 0,
  dropout: 0,
  earlyStopping: { enabled: false, patience: 2, restoreBest: true },
  dp: null,
};

/** n rows of d uniform features in [−1, 1) and uniform random labels (pure memorisation). */
export function randomLabelSet(n: number, d: number, numClasses: number, seed: number): TrainingData {
  const rng = new Rng(seed);
  const x = new Float32Array(n * d);
  for (let i = 0; i < x.length; i++) x[i] = rng.uniform(-1, 1);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) y[i] = rng.int(numClasses);
  return { x, y, n, d };
}

/**
 * A learnable task with label noise: each class has a random prototype in [−1, 1)^d, a row is its
 * prototype plus N(0, noise²) per feature, and a fraction `flip` of labels are replaced by a random
 * class. A large model memorises the flipped rows, so the train–test gap is wide.
 * @returns train and test sets drawn from the same distribution (test labels are flipped too)
 */
export function prototypeTask(
  nTrain: number,
  nTest: number,
  d: number,
  numClasses: number,
  noise: number,
  flip: number,
  seed: number,
): { train: TrainingData; test: TrainingData } {
  const rng = new Rng(seed);
  const protos = Float32Array.from({ length: numClasses * d }, () => rng.uniform(-1, 1));
  const make = (n: number): TrainingData => {
    const x = new Float32Array(n * d);
    const y = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const c = rng.int(numClasses);
      for (let j = 0; j < d; j++) x[i * d + j] = protos[c * d + j] + rng.normal(0, noise);
      y[i] = rng.bernoulli(flip) ? rng.int(numClasses) : c;
    }
    return { x, y, n, d };
  };
  return { train: make(nTrain), test: make(nTest) };
}
