import { describe, expect, it } from 'vitest';
import { chooseBackend, forcedBackendFromSearch, type AdapterFacts } from './backend-choice';

const hardware: AdapterFacts = { vendor: 'nvidia', architecture: 'ampere', device: '', description: '', isFallbackAdapter: false };
const swiftshader: AdapterFacts = { ...hardware, vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true };

describe('chooseBackend', () => {
  it('prefers webgpu on a hardware adapter', () => {
    const c = chooseBackend({ forced: null, hasWebGpuApi: true, adapter: hardware, wasmSupported: true });
    expect(c.order).toEqual(['webgpu', 'wasm', 'cpu']);
  });

  it('prefers wasm over a software fallback adapter and says why', () => {
    const c = chooseBackend({ forced: null, hasWebGpuApi: true, adapter: swiftshader, wasmSupported: true });
    expect(c.order[0]).toBe('wasm');
    expect(c.reason).toMatch(/software.*swiftshader/);
  });

  it('falls back to cpu without WebGPU or wasm', () => {
    const c = chooseBackend({ forced: null, hasWebGpuApi: false, adapter: null, wasmSupported: false });
    expect(c.order).toEqual(['cpu']);
    expect(c.reason).toMatch(/no WebGPU/);
  });

  it('honours a forced backend, even a software webgpu adapter', () => {
    const c = chooseBackend({ forced: 'webgpu', hasWebGpuApi: true, adapter: swiftshader, wasmSupported: true });
    expect(c.order[0]).toBe('webgpu');
    expect(c.reason).toMatch(/Forced/);
  });
});

describe('forcedBackendFromSearch', () => {
  it('reads known values and ignores others', () => {
    expect(forcedBackendFromSearch('?backend=wasm')).toBe('wasm');
    expect(forcedBackendFromSearch('?backend=<script>')).toBeNull();
    expect(forcedBackendFromSearch('')).toBeNull();
  });
});
