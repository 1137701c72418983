/**
 * @fileoverview A bound on the memory one experiment needs, so that no combination of settings
 * can exhaust a browser tab. Each field has its own cap in schema.ts, but sizes multiply: model
 * width × input features × (shadows + references) × ensemble, or shadows × pool rows × label-only
 * queries × features. The estimate errs high (it assumes a GPU trains every attacker model of a
 * group at once) and counts only what grows with the settings.
 */
import { DATASET_INFO } from '../data/generate';
import { PATIENT_FEATURES } from '../data/patients';
import { GLYPH_SIZE } from '../data/glyphs';
import type { ExperimentConfig } from './config';
import { needsReferences, needsShadows } from './needs';

/** The most memory an experiment may need: 1 GiB, which a laptop or tablet tab can spare. */
export const MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024;

const FLOAT = 4;

/** The dataset dimensions the estimate needs. */
export interface DataShape {
  readonly n: number;
  /** Features per row (after one-hot encoding). */
  readonly d: number;
  readonly classes: number;
  /** [height, width, channels] for images (the CNN's input). */
  readonly imageShape?: readonly [number, number, number];
}

export interface MemoryEstimate {
  readonly totalBytes: number;
  /** Named parts, largest first. */
  readonly parts: readonly { readonly name: string; readonly bytes: number }[];
}

/** The shape of a generated dataset from the config alone (no data is generated); null for csv. */
export function generatedShape(config: ExperimentConfig): DataShape | null {
  const name = config.data.name;
  if (name === 'csv') return null;
  const info = DATASET_INFO[name];
  const n = config.data.n ?? info.n.default;
  const classes = config.data.classes ?? info.classes.default;
  switch (info.kind) {
    case 'points2d':
      return { n, d: 2, classes };
    case 'image':
      return { n, d: GLYPH_SIZE * GLYPH_SIZE, classes, imageShape: [GLYPH_SIZE, GLYPH_SIZE, 1] };
    default:
      return { n, d: name === 'patients' ? PATIENT_FEATURES.length : config.data.features ?? info.features?.default ?? 600, classes };
  }
}

/** Parameters of one model and the floats one training row passes through (forward and back). */
function modelSize(config: ExperimentConfig, shape: DataShape): { params: number; perRow: number } {
  const C = shape.classes;
  if (config.model.type === 'cnn' && shape.imageShape) {
    const [h, w, c] = shape.imageShape;
    const f = config.model.filters, hidden = config.model.width;
    const flat = Math.floor(h / 2) * Math.floor(w / 2) * f;
    const params = 9 * c * f + f + flat * hidden + hidden + hidden * C + C;
    // im2col patches, conv output and its ReLU, the pooled map, the dense layers.
    const perRow = h * w * (9 * c + 1) + 2 * h * w * f + flat + hidden + C;
    return { params, perRow };
  }
  const widths = [shape.d, ...Array.from({ length: config.model.layers }, () => config.model.width), C];
  let params = 0;
  for (let i = 1; i < widths.length; i++) params += widths[i - 1] * widths[i] + widths[i];
  return { params, perRow: widths.reduce((a, b) => a + b, 0) };
}

/**
 * Estimates the bytes an experiment holds at its peak: data, every trained model's weights, the
 * optimizer state and activations of the models trained together, the cached attacker outputs,
 * and the label-only attack's perturbed copies. Pure.
 */
export function estimateMemory(config: ExperimentConfig, shape: DataShape): MemoryEstimate {
  const E = config.train.ensemble;
  const K = needsShadows(config) ? config.attack.shadows : 0;
  const M = needsReferences(config) ? config.attack.references : 0;
  const C = shape.classes;
  const candidates = 2 * config.split.targetMembers;
  const pool = config.split.shadowPool;
  const { params, perRow } = modelSize(config, shape);
  // A GPU stacks a whole group into one set of ops; wasm and the CNN train one model at a time.
  const together = config.model.type === 'cnn' ? 1 : Math.max(1, K, M) * E;
  const batch = Math.min(config.train.batchSize, config.split.targetMembers);
  const labelOnly = config.attack.names.includes('label-only') ? (candidates + K * pool) * config.attack.queries * (shape.d + C) : 0;
  const parts = [
    // The dataset, its raw copy, and the split's row copies.
    { name: 'data', bytes: 3 * shape.n * shape.d * FLOAT },
    { name: 'model weights', bytes: (1 + K + M) * E * params * FLOAT },
    // Gradients plus Adam's two moments.
    { name: 'training state', bytes: 3 * together * params * FLOAT },
    { name: 'activations', bytes: 2 * together * batch * perRow * FLOAT },
    { name: 'attacker model outputs', bytes: (K * pool * C + 2 * M * candidates * C + candidates * C) * FLOAT },
    { name: 'label-only queries', bytes: labelOnly * FLOAT },
  ].filter((p) => p.bytes > 0).sort((a, b) => b.bytes - a.bytes);
  return { totalBytes: parts.reduce((s, p) => s + p.bytes, 0), parts };
}

/** Bytes as "1.2 GB" or "340 MB". */
export function formatBytes(bytes: number): string {
  const MB = 1024 * 1024;
  return bytes >= 1024 * MB ? `${(bytes / (1024 * MB)).toFixed(1)} GB` : `${Math.max(1, Math.round(bytes / MB))} MB`;
}

/** Which settings to lower for the largest part, in words. */
const REMEDY: Record<string, string> = {
  data: 'data.n or data.features',
  'model weights': 'model.width, model.layers, attack.shadows, attack.references or train.ensemble',
  'training state': 'model.width, model.layers, attack.shadows, attack.references or train.ensemble',
  activations: 'train.batchSize, model.width or model.filters',
  'attacker model outputs': 'attack.shadows, attack.references or split.shadowPool',
  'label-only queries': 'attack.queries, attack.shadows or split.shadowPool',
};

/** A sentence if `config` on data of `shape` would need more than the limit; null if it fits. Pure. */
export function memoryProblem(config: ExperimentConfig, shape: DataShape, limitBytes = MEMORY_LIMIT_BYTES): string | null {
  const estimate = estimateMemory(config, shape);
  if (estimate.totalBytes <= limitBytes) return null;
  const top = estimate.parts[0];
  return (
    `These settings need about ${formatBytes(estimate.totalBytes)} of memory (${top.name}: ${formatBytes(top.bytes)}); ` +
    `the limit is ${formatBytes(limitBytes)}. Lower ${REMEDY[top.name]}.`
  );
}
