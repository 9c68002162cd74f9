import { describeBackend } from '@nn/conformance';
import { createWasmBackend } from '../src/index.js';

// Every mode this machine has: one thread, and a pool of two (its products split when they are large).
describeBackend('wasm float64, simd', () => createWasmBackend({ threads: 1 }));
describeBackend('wasm float32, simd', () =>
  createWasmBackend({ precision: 'float32', threads: 1 }),
);
describeBackend('wasm float64, simd-threads-2', () => createWasmBackend({ threads: 2 }));
describeBackend('wasm float32, simd-threads-2', () =>
  createWasmBackend({ precision: 'float32', threads: 2 }),
);
