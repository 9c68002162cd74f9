import { describeBackend } from '@nn/conformance';
import { expect, it } from 'vitest';
import { createGpujsBackend, webgpuAvailability } from '../../src/index.js';

// Chromium runs WebGPU here on SwiftShader, about 0.1 ms a kernel call: a
// short textbook run keeps the job to seconds, and the book's replays stop
// after 2 epochs (the kernel path of 21 classification epochs is ~139,000
// dispatches, minutes on a busy CI machine).
it('finds a WebGPU adapter in this browser (launched with --enable-unsafe-webgpu)', async () => {
  expect(await webgpuAvailability()).toEqual({ mode: 'webgpu', available: true });
});

describeBackend('gpujs webgpu', () => createGpujsBackend({ mode: 'webgpu' }), {
  textbookEpochs: 21,
  bookEpochs: 2,
});
