import { describe, expect, it } from 'vitest';
import { loadBackend } from '../src/load-backend.js';

describe('loadBackend', () => {
  it('starts cpu in the precision chosen', async () => {
    for (const precision of ['float64', 'float32'] as const) {
      const { backend, info } = await loadBackend(`cpu-${precision}`);
      expect(info).toEqual({ id: `cpu-${precision}`, name: 'cpu', mode: precision, precision });
      backend.destroy();
    }
  });

  it('falls back from a gpu.js mode that cannot start here and says why', async () => {
    // Node has no WebGL2: the mode must fall back, and the page must be told.
    const { backend, info } = await loadBackend('gpujs-webgl2');
    expect(info.name).toBe('gpujs');
    expect(info.mode).not.toBe('webgl2');
    expect(info.fallbackReason).toMatch(/^gpujs mode 'webgl2' cannot start: /);
    backend.destroy();
  });
});
