/**
 * @fileoverview Lesson 5's look inside the shadow-model attack: rows of the meta-dataset it trains
 * on (one row per shadow model and record, labelled IN or OUT). Pure: it reads the shadow models'
 * cached outputs, so the page's job runner and the CLI's cache command share it.
 */
import { applyOutputApi } from '../core/attacks/output-api';
import { buildMetaDataset, metaDatasetRows } from '../core/attacks/shadow-model';
import { outputApiOf } from '../core/experiment/output-api-of';
import type { Artifacts, ModelGroup } from '../core/experiment/artifacts';
import type { ExperimentConfig } from '../core/experiment/config';
import { quantileSample, type MetaSample } from './result';

/**
 * About `count` rows of the meta-dataset built from `shadows` (trained on `a.pool`), spread evenly
 * over it and alternating IN and OUT, plus IN/OUT top-1 samples. Reads its inputs only.
 */
export function metaSampleFrom(a: Pick<Artifacts, 'pool' | 'target'>, shadows: ModelGroup, config: ExperimentConfig, count = 60): MetaSample {
  const api = outputApiOf(config);
  const C = a.target.numClasses;
  const responses = shadows.probs.map((probs, m) => ({
    response: applyOutputApi(probs, a.pool.n, C, api),
    labels: a.pool.y,
    isMember: shadows.inMask.subarray(m * a.pool.n, (m + 1) * a.pool.n),
  }));
  const meta = buildMetaDataset(responses, { topK: Math.min(10, C), includeLabel: false });
  const ins: number[] = [];
  const outs: number[] = [];
  for (let r = 0; r < meta.rows; r++) (meta.isMember[r] ? ins : outs).push(r);
  const half = Math.floor(count / 2);
  const spread = (rows: number[]) => Array.from({ length: Math.min(half, rows.length) }, (_, k) => rows[Math.floor((k * rows.length) / half)]);
  const a1 = spread(ins);
  const b1 = spread(outs);
  // Alternate IN and OUT, then order by record so the shadow models take turns down the table.
  const order = a1.flatMap((r, k) => (k < b1.length ? [r, b1[k]] : [r])).concat(b1.slice(a1.length));
  order.sort((x, y) => (x % a.pool.n) - (y % a.pool.n) || x - y);
  const top1 = (rows: number[]) => quantileSample(rows.map((r) => meta.features[r * meta.width]), 200);
  const mean = (rows: number[]) => rows.reduce((s, r) => s + meta.features[r * meta.width], 0) / Math.max(1, rows.length);
  return {
    featureNames: meta.featureNames.slice(0, 4),
    rows: order.map((r) => {
      const [row] = metaDatasetRows(meta, r, 1);
      return { shadow: row.shadow, trueClass: row.trueClass, membership: row.membership, features: row.features.slice(0, 4) };
    }),
    totalRows: meta.rows,
    inRows: ins.length,
    top1: { in: top1(ins), out: top1(outs) },
    meanTop1: { in: mean(ins), out: mean(outs) },
  };
}
