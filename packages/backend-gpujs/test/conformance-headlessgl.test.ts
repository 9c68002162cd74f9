import { describeBackend } from '@nn/conformance';
import { createGpujsBackend } from '../src/index.js';

describeBackend('gpujs headlessgl', () => createGpujsBackend({ mode: 'headlessgl' }), {
  textbookEpochs: 201,
});
