import { type AllKernels, Backend } from '@nn/core';
import { createReferenceDriver, describeBackend } from '../../src/index.js';

// Declares float64 and stores float64, but its matMul and biasAdd work in
// float32, as a port of float32 GPU code might.
describeBackend(
  'broken: declares float64, computes in float32',
  () => {
    const driver = createReferenceDriver();
    const kernels = driver.kernels as AllKernels<Float64Array>;
    return new Backend({
      ...driver,
      kernels: {
        ...kernels,
        matMul: (a, b, out, ta, tb) => {
          const k = ta ? a.rows : a.cols;
          const at = (i: number, p: number) => a.storage[ta ? p * a.cols + i : i * a.cols + p] ?? 0;
          const bt = (p: number, j: number) => b.storage[tb ? j * b.cols + p : p * b.cols + j] ?? 0;
          for (let i = 0; i < out.rows; i++) {
            for (let j = 0; j < out.cols; j++) {
              let sum = 0;
              for (let p = 0; p < k; p++) sum = Math.fround(sum + Math.fround(at(i, p) * bt(p, j)));
              out.storage[i * out.cols + j] = sum;
            }
          }
        },
        biasAdd: (x, bias, out) => {
          kernels.biasAdd(x, bias, out);
          out.storage.set(out.storage.map(Math.fround));
        },
      },
    });
  },
  { textbookEpochs: 11 },
);
