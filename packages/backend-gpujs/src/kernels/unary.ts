import type { KernelTable, UnaryOp } from '@nn/core';
import type { GpujsDevice, KernelSource, KernelThis } from '../device.js';
import type { GpujsStorage } from '../storage.js';

const UNARY: Record<UnaryOp, KernelSource> = {
  negate: function (this: KernelThis, x: number[]) {
    return -(x[this.thread.x] as number);
  },
  exp: function (this: KernelThis, x: number[]) {
    return Math.exp(x[this.thread.x] as number);
  },
  log: function (this: KernelThis, x: number[]) {
    return Math.log(x[this.thread.x] as number);
  },
  sqrt: function (this: KernelThis, x: number[]) {
    return Math.sqrt(x[this.thread.x] as number);
  },
  square: function (this: KernelThis, x: number[]) {
    const v = x[this.thread.x] as number;
    return v * v;
  },
  abs: function (this: KernelThis, x: number[]) {
    return Math.abs(x[this.thread.x] as number);
  },
};

export function unary(device: GpujsDevice): KernelTable<GpujsStorage>['unary'] {
  return (op, x, out) => {
    const kernel = device.kernel(`unary:${op}:${x.size}`, UNARY[op], out.size);
    device.run(out.storage, kernel, x.storage);
  };
}
