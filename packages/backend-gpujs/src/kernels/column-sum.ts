import type { KernelTable } from '@nn/core';
import type { GpujsDevice, KernelThis } from '../device.js';
import type { GpujsStorage } from '../storage.js';

function columnSumKernel(this: KernelThis<{ rows: number; n: number }>, x: number[]): number {
  let sum = 0;
  for (let r = 0; r < this.constants.rows; r++)
    sum += x[r * this.constants.n + this.thread.x] as number;
  return sum;
}

/** out (1×n) = Σ over rows of x, row by row like np.sum(x, axis=0). */
export function columnSum(device: GpujsDevice): KernelTable<GpujsStorage>['columnSum'] {
  return (x, out) => {
    const constants = { rows: x.rows, n: x.cols };
    const kernel = device.kernel(
      `columnSum:${x.rows}x${x.cols}`,
      columnSumKernel,
      out.size,
      constants,
    );
    device.run(out.storage, kernel, x.storage);
  };
}
