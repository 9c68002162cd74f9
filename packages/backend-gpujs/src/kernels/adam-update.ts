import type { AllKernels } from '@nn/core';
import type { GpujsDevice, KernelThis } from '../device.js';
import type { GpujsStorage } from '../storage.js';

/** m = b1 · m + (1 − b1) · g, or with square 1, v = b2 · v + (1 − b2) · g · g. */
function momentKernel(
  this: KernelThis<{ square: number }>,
  moment: number[],
  grad: number[],
  beta: number,
  rest: number,
): number {
  const g = grad[this.thread.x] as number;
  let term = rest * g;
  if (this.constants.square > 0.5) term = rest * g * g;
  return beta * (moment[this.thread.x] as number) + term;
}

function stepKernel(
  this: KernelThis,
  param: number[],
  m: number[],
  v: number[],
  eta: number,
  correction1: number,
  correction2: number,
): number {
  const mHat = (m[this.thread.x] as number) / correction1;
  const vHat = (v[this.thread.x] as number) / correction2;
  return (param[this.thread.x] as number) - (eta * mHat) / (Math.sqrt(vHat) + 1e-8);
}

/**
 * Adam: m and v, then w from the new ones (three launches). 1 − b1 and
 * 1 − b2 are taken in float64 here (1 − 0.999 in float32 is 1e-5 off), and
 * the corrections come from the caller, so the step count compiles nothing.
 */
export function adamUpdate(device: GpujsDevice): AllKernels<GpujsStorage>['adamUpdate'] {
  return (param, grad, m, v, eta, beta1, beta2, correction1, correction2) => {
    const size = param.size;
    const first = device.kernel(`adam.m:${size}`, momentKernel, size, { square: 0 });
    device.run(m.storage, first, m.storage, grad.storage, beta1, 1 - beta1);
    const second = device.kernel(`adam.v:${size}`, momentKernel, size, { square: 1 });
    device.run(v.storage, second, v.storage, grad.storage, beta2, 1 - beta2);
    const step = device.kernel(`adam.w:${size}`, stepKernel, size);
    device.run(
      param.storage,
      step,
      param.storage,
      m.storage,
      v.storage,
      eta,
      correction1,
      correction2,
    );
  };
}
