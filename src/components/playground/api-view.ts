/**
 * @fileoverview What the target's API would show for one record, as display rows. Pure.
 */
import { applyOutputApi } from '../../core/attacks/output-api';
import { outputApiOf } from '../../core/experiment/output-api-of';
import type { ExperimentConfig } from '../../core/experiment/config';

export interface ApiRow {
  readonly className: string;
  /** The revealed value, or null when the API hides it. */
  readonly value: number | null;
  readonly predicted: boolean;
}

/** The API's answer for record `index` of the target's probabilities (n × C). */
export function apiRows(probs: Float32Array, index: number, numClasses: number, classNames: readonly string[], config: ExperimentConfig): ApiRow[] {
  const row = probs.slice(index * numClasses, (index + 1) * numClasses);
  const response = applyOutputApi(row, 1, numClasses, outputApiOf(config));
  const predicted = response.predictedLabel[0];
  const rows = Array.from({ length: numClasses }, (_, c) => ({
    className: classNames[c] ?? `class ${c}`,
    value: response.probs && (config.api.output !== 'top-k' || response.probs[c] > 0) ? response.probs[c] : null,
    predicted: c === predicted,
  }));
  // Long class lists: show the predicted class and the largest revealed values only.
  return rows.sort((a, b) => Number(b.predicted) - Number(a.predicted) || (b.value ?? -1) - (a.value ?? -1)).slice(0, 6);
}
