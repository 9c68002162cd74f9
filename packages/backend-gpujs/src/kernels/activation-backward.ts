import type { Activation, KernelTable } from '@nn/core';
import type { GpujsDevice, KernelSource, KernelThis } from '../device.js';
import type { GpujsStorage } from '../storage.js';
import { softmaxBackwardKernel } from './softmax.js';

/** out = dy · f'(u), from the forward output y. */
const BACKWARD: Record<Activation, KernelSource> = {
  // The book's delta = grad_y * (1 - y) * y, in its order of operations.
  sigmoid: function (this: KernelThis, y: number[], dy: number[]) {
    const v = y[this.thread.x] as number;
    return (dy[this.thread.x] as number) * (1 - v) * v;
  },
  identity: function (this: KernelThis, _y: number[], dy: number[]) {
    return dy[this.thread.x] as number;
  },
  // 1 − y² as (1 − y)(1 + y), for backprop's reason.
  tanh: function (this: KernelThis, y: number[], dy: number[]) {
    const v = y[this.thread.x] as number;
    return (dy[this.thread.x] as number) * ((1 - v) * (1 + v));
  },
  relu: function (this: KernelThis, y: number[], dy: number[]) {
    if ((y[this.thread.x] as number) > 0) return dy[this.thread.x] as number;
    return 0;
  },
  // Per row: y · (dy − Σ dy · y), the row's width compiled in.
  softmax: softmaxBackwardKernel,
};

export function activationBackward(
  device: GpujsDevice,
): KernelTable<GpujsStorage>['activationBackward'] {
  return (kind, y, dy, out) => {
    const kernel = device.kernel(
      `activationBackward:${kind}:${y.rows}x${y.cols}`,
      BACKWARD[kind],
      out.size,
      kind === 'softmax' ? { cols: y.cols } : {},
    );
    device.run(out.storage, kernel, y.storage, dy.storage);
  };
}
