import type { KernelTable } from '@nn/core';
import type { GpujsDevice, KernelThis } from '../device.js';
import type { GpujsStorage } from '../storage.js';

function sgdKernel(this: KernelThis, param: number[], grad: number[], eta: number): number {
  return (param[this.thread.x] as number) - eta * (grad[this.thread.x] as number);
}

/** param −= eta · grad, as the book's w -= eta * grad_w; eta is an argument, so changing it compiles nothing. */
export function sgdUpdate(device: GpujsDevice): KernelTable<GpujsStorage>['sgdUpdate'] {
  return (param, grad, eta) => {
    const kernel = device.kernel(`sgdUpdate:${param.size}`, sgdKernel, param.size);
    device.run(param.storage, kernel, param.storage, grad.storage, eta);
  };
}
