import type { BinaryOp, KernelTable } from '@nn/core';
import type { GpujsDevice, KernelSource, KernelThis } from '../device.js';
import type { GpujsStorage } from '../storage.js';

const BINARY: Record<BinaryOp, KernelSource> = {
  add: function (this: KernelThis, a: number[], b: number[]) {
    return (a[this.thread.x] as number) + (b[this.thread.x] as number);
  },
  subtract: function (this: KernelThis, a: number[], b: number[]) {
    return (a[this.thread.x] as number) - (b[this.thread.x] as number);
  },
  multiply: function (this: KernelThis, a: number[], b: number[]) {
    return (a[this.thread.x] as number) * (b[this.thread.x] as number);
  },
  divide: function (this: KernelThis, a: number[], b: number[]) {
    return (a[this.thread.x] as number) / (b[this.thread.x] as number);
  },
};

export function binary(device: GpujsDevice): KernelTable<GpujsStorage>['binary'] {
  return (op, a, b, out) => {
    const kernel = device.kernel(`binary:${op}:${a.size}`, BINARY[op], out.size);
    device.run(out.storage, kernel, a.storage, b.storage);
  };
}
