import { Backend } from '@nn/core';
import { createReferenceDriver, describeBackend } from '../../src/index.js';

// download hands out the tensor's own storage instead of a copy: a caller's
// array changes when a kernel later updates the tensor in place.
describeBackend(
  'broken: download returns the storage itself',
  () =>
    new Backend({
      ...createReferenceDriver(),
      download: (storage) => Promise.resolve(storage),
      downloadSync: (storage) => storage,
    }),
  { textbookEpochs: 11 },
);
