/**
 * @fileoverview Display names of the compute backends, so no backend id reaches the screen.
 */
const TITLES: Record<string, string> = { webgpu: 'WebGPU', wasm: 'WebAssembly', cpu: 'CPU (JavaScript)' };

/** "WebAssembly" for "wasm"; an unknown id is returned as is. Pure. */
export function backendTitle(id: string): string {
  return TITLES[id] ?? id;
}
