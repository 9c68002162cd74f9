import { isNNError } from '@nn/core';
import { describe, expect, it } from 'vitest';
import { createGpujsBackend, GPUJS_MODES, probeGpujsModes } from '../src/index.js';

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('gpujs modes in Node', () => {
  it('lists every mode; the browser-only ones with a reason', async () => {
    const modes = await probeGpujsModes();
    expect(modes.map((m) => m.mode)).toEqual([...GPUJS_MODES]);
    const byMode = Object.fromEntries(modes.map((m) => [m.mode, m]));
    expect(byMode.headlessgl?.available).toBe(true);
    expect(byMode.webasm?.available).toBe(true);
    expect(byMode.cpu?.available).toBe(true);
    for (const browserOnly of ['webgl2', 'webgpu']) {
      expect(byMode[browserOnly]).toMatchObject({
        available: false,
        reason: expect.stringContaining('browser'),
      });
    }
  });

  it('webgpu asked for in Node fails with NN_BACKEND_UNAVAILABLE and names what to use', () => {
    const error = errorOf(() => createGpujsBackend({ mode: 'webgpu' }));
    expect(isNNError(error, 'NN_BACKEND_UNAVAILABLE')).toBe(true);
    expect((error as Error).message).toMatch(/only in browsers.*'headlessgl' or 'webasm'/);
  });

  it('a mode asked for that cannot start fails with NN_BACKEND_UNAVAILABLE, never another mode', () => {
    const error = errorOf(() => createGpujsBackend({ mode: 'webgl2' }));
    expect(isNNError(error, 'NN_BACKEND_UNAVAILABLE')).toBe(true);
    expect((error as Error).message).toContain('webgl2');
  });

  it('an unknown mode is NN_INVALID_ARGUMENT', () => {
    const error = errorOf(() => createGpujsBackend({ mode: 'metal' as 'cpu' }));
    expect(isNNError(error, 'NN_INVALID_ARGUMENT')).toBe(true);
  });

  it('auto passes over headlessgl on software GL (Xvfb gives Mesa llvmpipe) and says why', () => {
    // webasm was as fast or faster at every size measured on llvmpipe (issue 11).
    const backend = createGpujsBackend();
    expect(backend.capabilities.mode).toBe('webasm');
    expect(backend.capabilities.fallbackReason).toMatch(
      /^runs webasm because headlessgl renders in software \(.*llvmpipe/,
    );
    backend.destroy();
  });

  it.each(['headlessgl', 'webasm', 'cpu'] as const)(
    '%s declares float32 and reads synchronously only off the GPU',
    (mode) => {
      const backend = createGpujsBackend({ mode });
      expect(backend.capabilities).toMatchObject({
        precision: 'float32',
        mode,
        syncRead: mode !== 'headlessgl',
      });
      backend.destroy();
    },
  );
});

describe('texture limits', () => {
  it('a tensor past what one texture holds fails at allocation, naming the limit', () => {
    const backend = createGpujsBackend({ mode: 'headlessgl' });
    const error = errorOf(() => backend.tensor([4097, 4096]));
    expect(isNNError(error, 'NN_DEVICE_LIMIT')).toBe(true);
    expect((error as Error).message).toContain('MAX_TEXTURE_SIZE');
    expect(backend.memory().tensors).toBe(0);
    backend.destroy();
  });

  it('webasm has no texture limit to hit', () => {
    const backend = createGpujsBackend({ mode: 'webasm' });
    const t = backend.tensor([4097, 4096]);
    expect(t.size).toBe(4097 * 4096);
    backend.dispose(t);
    backend.destroy();
  });
});
