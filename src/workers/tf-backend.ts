/**
 * @fileoverview Starts a TensorFlow.js backend inside the worker: gathers the facts about WebGPU
 * and wasm, asks chooseBackend for an order, and falls through it until one starts.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tfjs-core alone registers no gradients; the worker's self-test uses autodiff.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { chooseBackend, type AdapterFacts, type BackendName } from './backend-choice';

export interface BackendInfo {
  readonly backend: BackendName;
  /** Why this backend and not a faster one. */
  readonly reason: string;
  readonly adapter: AdapterFacts | null;
  /** Backends that were tried first and failed, with their errors. */
  readonly failures: readonly { backend: BackendName; error: string }[];
  readonly wasmSimd: boolean;
}

async function readAdapter(): Promise<AdapterFacts | null> {
  if (!('gpu' in navigator) || !navigator.gpu) return null;
  const adapter = await navigator.gpu.requestAdapter().catch(() => null);
  if (!adapter) return null;
  // isFallbackAdapter moved from GPUAdapter to GPUAdapterInfo; read whichever this browser has.
  const info = adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean };
  const legacy = (adapter as GPUAdapter & { isFallbackAdapter?: boolean }).isFallbackAdapter;
  return {
    vendor: info?.vendor ?? '',
    architecture: info?.architecture ?? '',
    device: info?.device ?? '',
    description: info?.description ?? '',
    isFallbackAdapter: Boolean(info?.isFallbackAdapter ?? legacy ?? false),
  };
}

function wasmSimdSupported(): boolean {
  // The smallest module that uses a v128 SIMD instruction; validate() is synchronous and cheap.
  const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);
  return WebAssembly.validate(bytes);
}

async function startBackend(name: BackendName): Promise<void> {
  if (name === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
  if (name === 'wasm') {
    // Threads need cross-origin isolation and gave no gain on 2 cores (measured), so they stay off.
    setWasmPaths(
      {
        'tfjs-backend-wasm.wasm': wasmPlainUrl,
        'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
        'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
      },
      true,
    );
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  }
  if (!(await tf.setBackend(name))) throw new Error(`tf.setBackend("${name}") returned false`);
  await tf.ready();
}

let started: Promise<BackendInfo> | null = null;

/** Starts the best available backend once; later calls return the same result. */
export function ensureBackend(forced: BackendName | null): Promise<BackendInfo> {
  started ??= (async () => {
    const adapter = await readAdapter();
    const wasmSupported = typeof WebAssembly === 'object';
    const choice = chooseBackend({ forced, hasWebGpuApi: 'gpu' in navigator && !!navigator.gpu, adapter, wasmSupported });
    const failures: { backend: BackendName; error: string }[] = [];
    for (const backend of choice.order) {
      try {
        await startBackend(backend);
        const reason = failures.length
          ? `${failures.map((f) => f.backend).join(' and ')} failed to start (${failures[0].error}); using ${backend}.`
          : choice.reason;
        return { backend, reason, adapter, failures, wasmSimd: wasmSimdSupported() };
      } catch (err) {
        failures.push({ backend, error: err instanceof Error ? err.message : String(err) });
      }
    }
    throw new Error(`No TensorFlow.js backend could start: ${failures.map((f) => `${f.backend}: ${f.error}`).join('; ')}`);
  })();
  return started;
}
