import type { KernelTable } from '@nn/core';
import type { GpujsDevice, KernelThis } from '../device.js';
import type { GpujsStorage } from '../storage.js';
import { LOSS_FORMS } from './loss-forms.js';

function lossGradientKernel(this: KernelThis<{ scale: number }>, y: number[], t: number[]): number {
  return this.constants.scale * ((y[this.thread.x] as number) - (t[this.thread.x] as number));
}

/**
 * out = y − t (sumOfSquares, the book's delta; crossEntropy, the delta at the
 * softmax's input) or 2(y − t)/cols (meanSquaredError).
 */
export function lossGradient(device: GpujsDevice): KernelTable<GpujsStorage>['lossGradient'] {
  return (kind, y, t, out) => {
    const constants = { scale: LOSS_FORMS[kind].gradient(y.cols) };
    const kernel = device.kernel(
      `lossGradient:${kind}:${y.rows}x${y.cols}`,
      lossGradientKernel,
      out.size,
      constants,
    );
    device.run(out.storage, kernel, y.storage, t.storage);
  };
}
