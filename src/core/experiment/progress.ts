/**
 * @fileoverview Progress events an experiment streams while it runs (to a worker's proxy callback
 * or the CLI's stderr).
 */

export type Phase = 'data' | 'target' | 'shadows' | 'references' | 'queries' | 'attacks' | 'done';

/** The target's state after one epoch, for the live charts. Accuracies in [0, 1]. */
export interface TargetEpoch {
  readonly epoch: number;
  readonly trainLoss: number;
  readonly trainAccuracy: number;
  /** Loss and accuracy on the target's members and held-out non-members. */
  readonly memberLoss: number;
  readonly memberAccuracy: number;
  readonly nonMemberLoss: number;
  readonly nonMemberAccuracy: number;
  /** True-class confidence per member / non-member, when snapshots were requested. */
  readonly memberConfidence?: Float32Array;
  readonly nonMemberConfidence?: Float32Array;
}

export interface ProgressEvent {
  readonly phase: Phase;
  /** A phrase for the progress bar, e.g. "training 8 shadow models". */
  readonly label: string;
  /** Progress through the whole run, 0..1 (phases are weighted by their expected cost). */
  readonly fraction: number;
  /** Present on the target's per-epoch events. */
  readonly targetEpoch?: TargetEpoch;
  /**
   * Work finished within this phase, for the pipeline strip's "3/8": epochs of the target, models
   * of the shadow or reference group. Absent where the phase is not counted.
   */
  readonly models?: { readonly done: number; readonly total: number };
}

export type ProgressCallback = (event: ProgressEvent) => void;

/** Relative cost of each phase, for a progress bar that moves evenly. */
export function phaseWeights(models: { target: number; shadows: number; references: number }): Record<Phase, number> {
  const total = models.target + models.shadows + models.references + 0.5;
  return {
    data: 0.02,
    target: models.target / total,
    shadows: models.shadows / total,
    references: models.references / total,
    queries: 0.25 / total,
    attacks: 0.25 / total,
    done: 0,
  };
}
