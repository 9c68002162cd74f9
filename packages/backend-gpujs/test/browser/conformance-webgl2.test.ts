import { describeBackend } from '@nn/conformance';
import { expect, it } from 'vitest';
import { createGpujsBackend } from '../../src/index.js';

it('runs on WebGL2 in this browser', () => {
  const backend = createGpujsBackend();
  expect(backend.capabilities.mode).toBe('webgl2');
  expect(backend.capabilities.fallbackReason).toBeUndefined();
  backend.destroy();
});

describeBackend('gpujs webgl2', () => createGpujsBackend({ mode: 'webgl2' }), {
  textbookEpochs: 201,
});
