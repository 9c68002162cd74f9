import { Backend } from '@nn/core';
import { createReferenceDriver, describeBackend } from '../../src/index.js';

// Declares float32 and rounds what goes in and comes out, so round trips look
// right, but stores and computes float64 in between.
describeBackend(
  'broken: declares float32, computes in float64',
  () =>
    new Backend({
      ...createReferenceDriver(),
      capabilities: { precision: 'float32', syncRead: true, mode: 'float32' },
      upload: (storage, data) => storage.set(Array.from(data, Math.fround)),
      download: (storage) => Promise.resolve(Float32Array.from(storage)),
      downloadSync: (storage) => Float32Array.from(storage),
    }),
  { textbookEpochs: 11 },
);
