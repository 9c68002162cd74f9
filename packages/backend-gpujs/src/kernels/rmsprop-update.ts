import type { AllKernels } from '@nn/core';
import type { GpujsDevice, KernelThis } from '../device.js';
import type { GpujsStorage } from '../storage.js';

function averageKernel(
  this: KernelThis,
  h: number[],
  grad: number[],
  rho: number,
  rest: number,
): number {
  const g = grad[this.thread.x] as number;
  return rho * (h[this.thread.x] as number) + rest * g * g;
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
    (eta * (grad[this.thread.x] as number)) / (Math.sqrt(h[this.thread.x] as number) + 1e-8)
  );
}

/**
 * RMSProp: h = rho · h + (1 − rho) · g · g; w −= eta · g / (√h + 1e-8).
 * 1 − rho is taken in float64 here: in float32, 1 − 0.9 is off by 2 ulps.
 */
export function rmspropUpdate(device: GpujsDevice): AllKernels<GpujsStorage>['rmspropUpdate'] {
  return (param, grad, h, eta, rho) => {
    const size = param.size;
    const average = device.kernel(`rmsprop.h:${size}`, averageKernel, size);
    device.run(h.storage, average, h.storage, grad.storage, rho, 1 - rho);
    const step = device.kernel(`rmsprop.w:${size}`, stepKernel, size);
    device.run(param.storage, step, param.storage, grad.storage, h.storage, eta);
  };
}
