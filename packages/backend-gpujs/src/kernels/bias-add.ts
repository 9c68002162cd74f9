import type { KernelTable } from '@nn/core';
import type { GpujsDevice, KernelThis } from '../device.js';
import type { GpujsStorage } from '../storage.js';

function biasAddKernel(this: KernelThis<{ n: number }>, x: number[], bias: number[]): number {
  const i = Math.floor((this.thread.x + 0.5) / this.constants.n);
  return (x[this.thread.x] as number) + (bias[this.thread.x - i * this.constants.n] as number);
}

/** out = x + bias, the 1×n bias added to every row. */
export function biasAdd(device: GpujsDevice): KernelTable<GpujsStorage>['biasAdd'] {
  return (x, bias, out) => {
    const kernel = device.kernel(`biasAdd:${x.rows}x${x.cols}`, biasAddKernel, out.size, {
      n: x.cols,
    });
    device.run(out.storage, kernel, x.storage, bias.storage);
  };
}
