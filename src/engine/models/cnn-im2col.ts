/**
 * @fileoverview im2col for the glyph CNN, in plain JS while the minibatch is copied (a JS copy
 * costs far less than tf.gather or tf.pad + slices on wasm, measured).
 *
 * Patches are grouped by pooling quadrant: block q = 2·qy + qx holds, for every image and pooled
 * cell (i', j'), the 3×3 patch centred on pixel (2i' + qy, 2j' + qx). The conv output then comes
 * as four same-shaped matrices, so the 2×2 max-pool is an elementwise max and its backward an
 * elementwise selection, instead of the MaxPoolGrad kernel (about 8 ms a batch on wasm). With an
 * odd height or width, the last row or column, which valid pooling drops, gets no patch at all.
 * Each patch ends in a constant 1, so the conv bias rides in the same matMul as the kernel.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { CnnDims } from './cnn-math';

/**
 * Patches of `rows` images whose features start at row `first` of `x` (n × h·w·c, NHWC
 * row-major): four blocks back to back, each (rows·ph·pw) × (9c + 1), taps ordered
 * (dy, dx, channel), zero outside the image, then the 1. Allocates; mutates nothing.
 */
export function im2col(x: Float32Array, first: number, rows: number, dims: CnnDims): Float32Array {
  const { h, w, c, d, ph, pw, patch } = dims;
  const block = rows * ph * pw * patch;
  const out = new Float32Array(4 * block);
  for (let q = 0; q < 4; q++) {
    const qy = q >> 1, qx = q & 1;
    let o = q * block;
    for (let b = 0; b < rows; b++) {
      const base = (first + b) * d;
      for (let pi = 0; pi < ph; pi++) {
        const i = 2 * pi + qy;
        for (let pj = 0; pj < pw; pj++, o += patch) {
          const j = 2 * pj + qx;
          for (let dy = -1; dy <= 1; dy++) {
            const y = i + dy;
            if (y < 0 || y >= h) continue; // stays zero: same padding
            for (let dx = -1; dx <= 1; dx++) {
              const xx = j + dx;
              if (xx < 0 || xx >= w) continue;
              const src = base + (y * w + xx) * c;
              const dst = o + ((dy + 1) * 3 + dx + 1) * c;
              for (let ch = 0; ch < c; ch++) out[dst + ch] = x[src + ch];
            }
          }
          out[o + patch - 1] = 1;
        }
      }
    }
  }
  return out;
}

/** The four quadrant blocks of an im2col() buffer as tensors, each (rows·ph·pw) × (9c + 1). */
export function patchTensors(buffer: Float32Array, rows: number, dims: CnnDims): tf.Tensor2D[] {
  const m = rows * dims.ph * dims.pw, size = m * dims.patch;
  return [0, 1, 2, 3].map((q) => tf.tensor2d(buffer.subarray(q * size, (q + 1) * size), [m, dims.patch]));
}
