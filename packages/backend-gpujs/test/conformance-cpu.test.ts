import { describeBackend } from '@nn/conformance';
import { createGpujsBackend } from '../src/index.js';

// gpu.js's own JavaScript mode, the last fallback of `auto`.
describeBackend('gpujs cpu', () => createGpujsBackend({ mode: 'cpu' }));
