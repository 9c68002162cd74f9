import { type AllKernels, Backend } from '@nn/core';
import { createReferenceDriver, describeBackend } from '../../src/index.js';
import * as math from '../../src/reference-math.js';

// activationBackward works out its result in dy's storage, to save an
// allocation, then copies it to out: the result is right, dy is lost.
describeBackend(
  'broken: activationBackward overwrites dy',
  () => {
    const driver = createReferenceDriver();
    return new Backend({
      ...driver,
      kernels: {
        ...(driver.kernels as AllKernels<Float64Array>),
        activationBackward: (kind, y, dy, out) => {
          dy.storage.set(math.activationGradientRows(kind, y.storage, dy.storage, y.cols));
          out.storage.set(dy.storage);
        },
      },
    });
  },
  { textbookEpochs: 11 },
);
