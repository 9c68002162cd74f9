import type { KernelTable } from '@nn/core';
import type { GpujsDevice, KernelThis } from '../device.js';
import type { GpujsStorage } from '../storage.js';
import { LOSS_FORMS, lossTerm, lossTermConstants } from './loss-forms.js';

interface LossConstants {
  rows: number;
  cols: number;
  /** ½ for sumOfSquares, 1/cols for meanSquaredError, −1 for crossEntropy. */
  scale: number;
  term: number;
  epsilon: number;
}

function lossValueKernel(
  this: KernelThis<LossConstants>,
  y: number[],
  t: number[],
  previous: number[],
  accumulate: number,
): number {
  let total = 0;
  if (accumulate > 0.5) total = previous[0] as number;
  for (let r = 0; r < this.constants.rows; r++) {
    let terms = 0;
    for (let c = 0; c < this.constants.cols; c++) {
      terms += lossTerm(
        y[r * this.constants.cols + c] as number,
        t[r * this.constants.cols + c] as number,
        this.constants.term,
        this.constants.epsilon,
      );
    }
    total += this.constants.scale * terms;
  }
  return total;
}

/**
 * out (1×1) (+)= the batch's total loss, in one thread: the running epoch
 * loss stays on the device and is read only when someone asks.
 */
export function lossValue(device: GpujsDevice): KernelTable<GpujsStorage>['lossValue'] {
  return (kind, y, t, out, accumulate) => {
    const constants = {
      rows: y.rows,
      cols: y.cols,
      scale: LOSS_FORMS[kind].value(y.cols),
      ...lossTermConstants(kind),
    };
    const kernel = device.kernel(
      `lossValue:${kind}:${y.rows}x${y.cols}`,
      lossValueKernel,
      1,
      constants,
    );
    device.run(out.storage, kernel, y.storage, t.storage, out.storage, accumulate ? 1 : 0);
  };
}
