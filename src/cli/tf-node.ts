/**
 * @fileoverview Sets up a TensorFlow.js backend for Node: the CLI, unit tests and benchmarks.
 * wasm is the fastest backend on these machines (about 2× cpu), so it is the default.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';

export type NodeBackend = 'cpu' | 'wasm';

let wasmPathsSet = false;

/** Makes `name` the active tfjs backend; resolves once it is ready. Idempotent. */
export async function initNodeBackend(name: NodeBackend = 'wasm'): Promise<string> {
  if (name === 'wasm' && !wasmPathsSet) {
    const require = createRequire(import.meta.url);
    const simd = require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm');
    const plain = require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
    // tfjs fetches the .wasm through its platform's fetch, and Node's fetch cannot read files,
    // so local paths are served from disk here. Threads stay off (measured: no gain on 2 cores).
    const platform = tf.env().platform;
    const fetchOriginal = platform.fetch.bind(platform);
    platform.fetch = async (path: string, init?: RequestInit) =>
      path === simd || path === plain
        ? new Response(new Uint8Array(await readFile(path)), { headers: { 'content-type': 'application/wasm' } })
        : fetchOriginal(path, init);
    const threaded = require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm');
    setWasmPaths(
      { 'tfjs-backend-wasm-simd.wasm': simd, 'tfjs-backend-wasm.wasm': plain, 'tfjs-backend-wasm-threaded-simd.wasm': threaded },
      true,
    );
    wasmPathsSet = true;
  }
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`The TensorFlow.js "${name}" backend could not start in Node.`);
  await tf.ready();
  return tf.getBackend();
}
