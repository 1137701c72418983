/**
 * @fileoverview The output API a config asks for, in the form the attacks take. Kept apart from the
 * attack stage, which pulls in TensorFlow.js, so the page can use it without loading tfjs.
 */
import type { OutputApi } from '../attacks/output-api';
import type { ExperimentConfig } from './config';

/** The config's `api` fields as an OutputApi. Pure. */
export function outputApiOf(config: ExperimentConfig): OutputApi {
  const a = config.api;
  if (a.output === 'top-k') return { kind: 'top-k', k: a.topK };
  if (a.output === 'rounded') return { kind: 'rounded', decimals: a.decimals };
  return { kind: a.output };
}
