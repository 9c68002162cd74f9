import { isNNError } from '@nn/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createGpujsBackend } from '../src/index.js';

// Each test file runs in its own worker, whose headless-gl has not yet tried
// a context: without DISPLAY, its first try fails as on a machine with no X.
const display = process.env.DISPLAY;
delete process.env.DISPLAY;
afterAll(() => {
  process.env.DISPLAY = display;
});

describe.runIf(process.platform === 'linux')('gpujs without an X display', () => {
  it('headlessgl asked for by name fails with NN_BACKEND_UNAVAILABLE saying to start Xvfb', () => {
    let error: unknown;
    try {
      createGpujsBackend({ mode: 'headlessgl' });
    } catch (caught) {
      error = caught;
    }
    expect(isNNError(error, 'NN_BACKEND_UNAVAILABLE')).toBe(true);
    expect((error as Error).message).toContain('Xvfb');
  });

  it('auto falls back to webasm and says why', () => {
    const backend = createGpujsBackend({ mode: 'auto' });
    expect(backend.capabilities.mode).toBe('webasm');
    expect(backend.capabilities.fallbackReason).toContain('headlessgl is unavailable');
    backend.destroy();
  });
});
