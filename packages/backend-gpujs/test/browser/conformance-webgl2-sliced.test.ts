import { describeBackend } from '@nn/conformance';
import { createGpujsBackend } from '../../src/index.js';

// As on a page's main thread: calls queued and run in 8 ms slices, reads
// through gpu.js's fenced (pixel-pack buffer) readback instead of readPixels.
describeBackend('gpujs webgl2, sliced', () => createGpujsBackend({ mode: 'webgl2', sliceMs: 8 }), {
  textbookEpochs: 21,
});
