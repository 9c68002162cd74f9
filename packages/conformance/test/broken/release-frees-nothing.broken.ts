import { Backend } from '@nn/core';
import { createReferenceDriver, describeBackend } from '../../src/index.js';

// Backend's tensor count is right (it counts dispose calls), but the driver
// keeps every allocation: its release forgets to free.
describeBackend(
  'broken: release frees nothing',
  () => new Backend({ ...createReferenceDriver(), release: () => {} }),
  { textbookEpochs: 11 },
);
