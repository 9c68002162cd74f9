import type { AllKernels } from '@nn/core';
import type { GpujsDevice, KernelThis } from '../device.js';
import type { GpujsStorage } from '../storage.js';

function squaresKernel(this: KernelThis, h: number[], grad: number[]): number {
  const g = grad[this.thread.x] as number;
  return (h[this.thread.x] as number) + g * g;
}

function stepKernel(
  this: KernelThis,
  param: number[],
  grad: number[],
  h: number[],
  eta: number,
): number {
  return (
    (param[this.thread.x] as number) -
    (eta / Math.sqrt(h[this.thread.x] as number)) * (grad[this.thread.x] as number)
  );
}

/** The book's AdaGrad: h += g · g; w −= eta / √h · g (two launches: h, then w from the new h). */
export function adagradUpdate(device: GpujsDevice): AllKernels<GpujsStorage>['adagradUpdate'] {
  return (param, grad, h, eta) => {
    const size = param.size;
    device.run(
      h.storage,
      device.kernel(`adagrad.h:${size}`, squaresKernel, size),
      h.storage,
      grad.storage,
    );
    const step = device.kernel(`adagrad.w:${size}`, stepKernel, size);
    device.run(param.storage, step, param.storage, grad.storage, h.storage, eta);
  };
}
