/**
 * @fileoverview Decides which TensorFlow.js backend the worker should use, and says why.
 * Pure: the worker gathers the facts (forced backend, WebGPU adapter, wasm support) and this
 * function turns them into a choice plus a sentence for the status chip.
 */

export type BackendName = 'webgpu' | 'wasm' | 'cpu';
export const BACKEND_NAMES: readonly BackendName[] = ['webgpu', 'wasm', 'cpu'];

/** What the worker learned about the WebGPU adapter, if navigator.gpu gave one. */
export interface AdapterFacts {
  readonly vendor: string;
  readonly architecture: string;
  readonly device: string;
  readonly description: string;
  /** True for a software adapter such as SwiftShader. */
  readonly isFallbackAdapter: boolean;
}

export interface BackendFacts {
  /** A backend named by the `?backend=` URL parameter, or null. */
  readonly forced: BackendName | null;
  /** Whether navigator.gpu exists at all. */
  readonly hasWebGpuApi: boolean;
  /** The adapter navigator.gpu.requestAdapter() returned, or null. */
  readonly adapter: AdapterFacts | null;
  readonly wasmSupported: boolean;
}

export interface BackendChoice {
  /** Backends to try, best first; the worker falls through the list if one fails to start. */
  readonly order: readonly BackendName[];
  /** Why the first entry was chosen over faster ones, in one plain sentence. */
  readonly reason: string;
}

/**
 * Chooses the backend order. A software WebGPU adapter trained about 20× slower than wasm on
 * the machines we measured, so it counts as "no GPU" unless the URL forces webgpu.
 */
export function chooseBackend(facts: BackendFacts): BackendChoice {
  const fallbacks: BackendName[] = facts.wasmSupported ? ['wasm', 'cpu'] : ['cpu'];
  if (facts.forced) {
    const rest = BACKEND_NAMES.filter((b) => b !== facts.forced && (b !== 'wasm' || facts.wasmSupported));
    return { order: [facts.forced, ...rest.filter((b) => b !== 'webgpu')], reason: `Forced by the URL (?backend=${facts.forced}).` };
  }
  const wasmNote = facts.wasmSupported ? '' : ' WebAssembly is unavailable, so the pure-JavaScript cpu backend runs.';
  if (!facts.hasWebGpuApi) {
    return { order: fallbacks, reason: 'This browser has no WebGPU.' + wasmNote };
  }
  if (!facts.adapter) {
    return { order: fallbacks, reason: 'WebGPU is present but offered no adapter (GPU blocklisted or disabled).' + wasmNote };
  }
  if (facts.adapter.isFallbackAdapter) {
    const name = facts.adapter.architecture || facts.adapter.description || 'software';
    return {
      order: fallbacks,
      reason: `The only WebGPU adapter is a software one (${name}), about 20× slower than wasm here, so wasm was chosen.` + wasmNote,
    };
  }
  return { order: ['webgpu', ...fallbacks], reason: 'A hardware WebGPU adapter is available.' };
}

/** Reads `?backend=` from a URL search string; returns null for absent or unknown values. */
export function forcedBackendFromSearch(search: string): BackendName | null {
  const value = new URLSearchParams(search).get('backend');
  return BACKEND_NAMES.includes(value as BackendName) ? (value as BackendName) : null;
}
