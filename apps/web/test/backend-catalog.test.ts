import { describe, expect, it } from 'vitest';
import { BACKEND_IDS, BACKENDS, PAGE_BACKENDS, pageBackend } from '../src/backend-catalog.js';

describe('the page’s backend catalog', () => {
  it('offers auto, then every descriptor setting a browser runs, by descriptor id and option value', () => {
    expect(BACKEND_IDS).toEqual([
      'auto',
      'cpu-float64',
      'cpu-float32',
      'gpujs-webgl2',
      'gpujs-webgl',
      'gpujs-webgpu',
      'gpujs-webasm',
      'gpujs-cpu',
      'wasm-float64-1',
      'wasm-float64-2',
      'wasm-float64-4',
      'wasm-float32-1',
      'wasm-float32-2',
      'wasm-float32-4',
    ]);
    // gpujs's own list, less the Node-only mode and its own auto.
    const modes = BACKENDS.find((d) => d.id === 'gpujs')?.options[0]?.values;
    expect(modes).toContain('headlessgl');
    expect(BACKEND_IDS).not.toContain('gpujs-headlessgl');
  });

  it('maps an id back to its descriptor and options, and knows no other', () => {
    expect(pageBackend('gpujs-webasm')?.setting.options).toEqual({ mode: 'webasm' });
    expect(pageBackend('cpu-float32')?.setting.descriptor.id).toBe('cpu');
    expect(pageBackend('tpu')).toBeUndefined();
    expect(PAGE_BACKENDS.map((b) => b.label)).toContain('gpujs, webgl2');
  });
});
