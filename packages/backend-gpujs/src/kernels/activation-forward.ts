import type { KernelTable } from '@nn/core';
import type { GpujsDevice, KernelThis } from '../device.js';
import type { GpujsStorage } from '../storage.js';
import { activate, activationCode } from './activate.js';
import { softmaxKernel } from './softmax.js';

function activationKernel(this: KernelThis<{ kind: number }>, x: number[]): number {
  return activate(x[this.thread.x] as number, this.constants.kind);
}

export function activationForward(
  device: GpujsDevice,
): KernelTable<GpujsStorage>['activationForward'] {
  return (kind, x, out) => {
    const kernel =
      kind === 'softmax'
        ? device.kernel(`activationForward:softmax:${x.rows}x${x.cols}`, softmaxKernel, out.size, {
            cols: x.cols,
          })
        : device.kernel(`activationForward:${kind}:${x.size}`, activationKernel, out.size, {
            kind: activationCode(kind),
          });
    device.run(out.storage, kernel, x.storage);
  };
}
