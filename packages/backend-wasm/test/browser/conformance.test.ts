import { describeBackend } from '@nn/conformance';
import { describe, expect, it } from 'vitest';
import { createWasmBackend } from '../../src/index.js';
import { globals } from '../../src/web-api.js';

describe('wasm in Chromium', () => {
  it('runs a worker pool: the test page is cross-origin isolated', async () => {
    expect(globals.crossOriginIsolated).toBe(true);
    const backend = await createWasmBackend({ threads: 2 });
    expect(backend.capabilities.mode).toBe('simd-threads-2');
    expect(backend.capabilities.fallbackReason).toBeUndefined();
  });
});

describeBackend('wasm float64, simd, Chromium', () => createWasmBackend({ threads: 1 }));
describeBackend('wasm float32, simd, Chromium', () =>
  createWasmBackend({ precision: 'float32', threads: 1 }),
);
describeBackend('wasm float64, simd-threads-2, Chromium', () => createWasmBackend({ threads: 2 }));
describeBackend('wasm float32, simd-threads-2, Chromium', () =>
  createWasmBackend({ precision: 'float32', threads: 2 }),
);
