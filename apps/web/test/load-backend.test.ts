import { describe, expect, it } from 'vitest';
import { loadBackend } from '../src/load-backend.js';

/** The textbook network, 1-3-1 at batch 1: 6 multiply-adds a step. */
const BOOK = { widths: [1, 3, 1], batchSize: 1 };

describe('loadBackend', () => {
  it('starts cpu in the precision chosen', async () => {
    for (const precision of ['float64', 'float32'] as const) {
      const { backend, info } = await loadBackend(`cpu-${precision}`, BOOK);
      expect(info).toEqual({ id: `cpu-${precision}`, name: 'cpu', mode: precision, precision });
      backend.destroy();
    }
  });

  it('auto picks wasm float64, measured faster than cpu at every size, for the textbook network and says why', async () => {
    const { backend, info } = await loadBackend('auto', BOOK);
    expect(info).toMatchObject({ id: 'auto', name: 'wasm', precision: 'float64' });
    expect(info.autoReason).toMatch(
      /^6 multiply-adds per step \(batch 1, layers 1-3-1\), at or past the 6 from which wasm float64 1 on simd measured faster than cpu float64/,
    );
    backend.destroy();
  });

  it('refuses an id the page does not offer rather than guess a backend', async () => {
    await expect(loadBackend('gpujs-tpu', BOOK)).rejects.toThrow(
      'backend: "gpujs-tpu" is not one the page offers',
    );
  });

  it('falls back from a gpu.js mode that cannot start here and says why', async () => {
    // Node has no WebGL2: the mode must fall back, and the page must be told.
    const { backend, info } = await loadBackend('gpujs-webgl2', BOOK);
    expect(info.name).toBe('gpujs');
    expect(info.mode).not.toBe('webgl2');
    expect(info.fallbackReason).toMatch(/^gpujs mode 'webgl2' cannot start: /);
    backend.destroy();
  });

  it('falls back from WebGPU where there is no adapter and says why', async () => {
    // Node has no navigator.gpu: webgpu is checked (asynchronously) before it is started.
    const { backend, info } = await loadBackend('gpujs-webgpu', BOOK);
    expect(info.id).toBe('gpujs-webgpu');
    expect(info.mode).not.toBe('webgpu');
    expect(info.fallbackReason).toMatch(/^gpujs mode 'webgpu' cannot start: /);
    backend.destroy();
  });

  it('with kernelSliceMs (the main thread), gpu.js queues its calls and runs them in slices', async () => {
    const { backend } = await loadBackend('gpujs-webasm', BOOK, 8);
    expect(backend.capabilities.syncRead).toBe(false);
    const a = backend.tensor([1, 2], [1, 2]);
    backend.binary('add', a, a, a);
    expect(Array.from(await backend.read(a))).toEqual([2, 4]);
    backend.destroy();

    const unsliced = await loadBackend('gpujs-webasm', BOOK);
    expect(unsliced.backend.capabilities.syncRead).toBe(true);
    unsliced.backend.destroy();
  });
});
