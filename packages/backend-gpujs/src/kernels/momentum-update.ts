import type { AllKernels } from '@nn/core';
import type { GpujsDevice, KernelThis } from '../device.js';
import type { GpujsStorage } from '../storage.js';

// A gpu.js kernel has one output (webgpu and webasm have no kernel maps), so
// each update is a launch per tensor it writes: the state first, then the
// parameter from the new state. Hyper-parameters are arguments, so changing
// them compiles nothing.

function velocityKernel(
  this: KernelThis,
  velocity: number[],
  grad: number[],
  eta: number,
  alpha: number,
): number {
  return alpha * (velocity[this.thread.x] as number) - eta * (grad[this.thread.x] as number);
}

function stepKernel(this: KernelThis, param: number[], velocity: number[]): number {
  return (param[this.thread.x] as number) + (velocity[this.thread.x] as number);
}

/** Momentum: v = alpha · v − eta · g; w += v. */
export function momentumUpdate(device: GpujsDevice): AllKernels<GpujsStorage>['momentumUpdate'] {
  return (param, grad, velocity, eta, alpha) => {
    const size = param.size;
    const v = velocity.storage;
    device.run(
      v,
      device.kernel(`momentum.v:${size}`, velocityKernel, size),
      v,
      grad.storage,
      eta,
      alpha,
    );
    device.run(
      param.storage,
      device.kernel(`momentum.w:${size}`, stepKernel, size),
      param.storage,
      v,
    );
  };
}
