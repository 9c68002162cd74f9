import { type AllKernels, Backend } from '@nn/core';
import { createReferenceDriver, describeBackend } from '../../src/index.js';
import * as math from '../../src/reference-math.js';

// matMul reads b as k×n whatever transposeB says. The fused dense kernels
// (the reference's, correct) never call it, so the training runs pass.
describeBackend(
  'broken: matMul ignores transposeB',
  () => {
    const driver = createReferenceDriver();
    return new Backend({
      ...driver,
      kernels: {
        ...(driver.kernels as AllKernels<Float64Array>),
        matMul: (a, b, out, ta) => {
          const k = ta ? a.rows : a.cols;
          out.storage.set(math.matMul(a.storage, a.shape, b.storage, [k, out.cols], ta, false));
        },
      },
    });
  },
  { textbookEpochs: 11 },
);
