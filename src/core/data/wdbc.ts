/**
 * @fileoverview The one real dataset: Wisconsin Diagnostic Breast Cancer (see wdbc-data.ts for the
 * source and licence). Real data has no noise knob and no seed: every run sees the same 569 cases,
 * and the experiment's seeded split decides who is a member.
 */
import type { Dataset } from './types';
import { standardize } from './util';
import { WDBC_CLASSES, WDBC_FEATURES, WDBC_ROWS } from './wdbc-data';

/** Number of cases in the published data. */
export const WDBC_N = 569;

/** Parses the bundled cases into a Dataset; `x` is standardized per column, `rawX` keeps the units. */
export function wdbc(): Dataset {
  const lines = WDBC_ROWS.split('\n');
  const d = WDBC_FEATURES.length;
  if (lines.length !== WDBC_N) throw new Error(`wdbc: expected ${WDBC_N} rows, found ${lines.length}.`);
  const rawX = new Float32Array(WDBC_N * d);
  const y = new Int32Array(WDBC_N);
  lines.forEach((line, i) => {
    const cells = line.split(',');
    for (let j = 0; j < d; j++) rawX[i * d + j] = Number(cells[j]);
    y[i] = Number(cells[d]);
  });
  const { x, scaling } = standardize(rawX, WDBC_N, d);
  return {
    name: 'wdbc',
    kind: 'tabular',
    x,
    y,
    n: WDBC_N,
    d,
    numClasses: WDBC_CLASSES.length,
    featureNames: WDBC_FEATURES,
    classNames: WDBC_CLASSES,
    // The published data has no patient names; number the cases in file order.
    recordNames: Array.from({ length: WDBC_N }, (_, i) => `Case ${i + 1}`),
    rawX,
    scaling,
  };
}
