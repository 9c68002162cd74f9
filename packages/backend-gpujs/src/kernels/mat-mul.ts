import type { KernelTable } from '@nn/core';
import type { GpujsDevice, KernelThis } from '../device.js';
import type { GpujsStorage } from '../storage.js';

interface MatMulConstants {
  n: number;
  k: number;
  aRow: number;
  aStep: number;
  bRow: number;
  bStep: number;
}

/** out[i, j] = Σp op(a)[i, p] · op(b)[p, j], p in order from 0 like the cpu backend. */
function matMulKernel(this: KernelThis<MatMulConstants>, a: number[], b: number[]): number {
  const i = Math.floor((this.thread.x + 0.5) / this.constants.n);
  const j = this.thread.x - i * this.constants.n;
  let sum = 0;
  for (let p = 0; p < this.constants.k; p++) {
    sum +=
      (a[i * this.constants.aRow + p * this.constants.aStep] as number) *
      (b[p * this.constants.bRow + j * this.constants.bStep] as number);
  }
  return sum;
}

export function matMul(device: GpujsDevice): KernelTable<GpujsStorage>['matMul'] {
  return (a, b, out, transposeA, transposeB) => {
    const k = transposeA ? a.rows : a.cols;
    // op(a)[i, p] = A[i * aRow + p * aStep], op(b)[p, j] = B[p * bRow + j * bStep]
    const constants = {
      n: out.cols,
      k,
      aRow: transposeA ? 1 : a.cols,
      aStep: transposeA ? a.cols : 1,
      bRow: transposeB ? 1 : b.cols,
      bStep: transposeB ? b.cols : 1,
    };
    const key = `matMul:${a.rows}x${a.cols}:${b.rows}x${b.cols}:${transposeA}:${transposeB}`;
    const kernel = device.kernel(key, matMulKernel, out.size, constants);
    device.run(out.storage, kernel, a.storage, b.storage);
  };
}
