/**
 * @fileoverview The error for training that blew up: the loss or the weights stopped being finite
 * numbers, almost always because the learning rate is too large for the model. Tensor-free, so the
 * page and the CLI can recognise it without loading TensorFlow.js.
 */

/**
 * Training diverged: after `epoch` (1-based) the loss or a weight was NaN or infinite. A user error
 * (the settings), not a bug: the CLI exits 2, the page shows the message and keeps the settings.
 */
export class TrainingDivergedError extends Error {
  override readonly name = 'TrainingDivergedError';

  constructor(readonly epoch: number) {
    super(`Training diverged at epoch ${epoch} (the loss is no longer a finite number); lower train.learningRate.`);
  }
}
