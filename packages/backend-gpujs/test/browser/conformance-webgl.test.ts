import { describeBackend } from '@nn/conformance';
import { createGpujsBackend } from '../../src/index.js';

// WebGL 1 shares the GL kernels with WebGL2; a shorter textbook run keeps the browser job quick.
describeBackend('gpujs webgl', () => createGpujsBackend({ mode: 'webgl' }), {
  textbookEpochs: 51,
});
