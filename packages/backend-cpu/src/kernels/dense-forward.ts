import type { Activation } from '@nn/core';
import { activationForward } from './activation-forward.js';
import { productNN } from './mat-mul-loops.js';
import type { CpuTensor } from './storage.js';

/**
 * Fused out = activation(x · w + b): one call from core instead of three,
 * which is most of the cost at batch size 1. Each output sums its products
 * in order from 0 and then adds the bias, as np.dot(x, w) + b does.
 */
export function denseForward(
  x: CpuTensor,
  w: CpuTensor,
  b: CpuTensor,
  activation: Activation,
  out: CpuTensor,
): void {
  const B = b.storage;
  const Y = out.storage;
  const n = w.cols;
  productNN(x.storage, w.storage, Y, x.rows, n, x.cols);
  for (let row = 0; row < Y.length; row += n) {
    for (let j = 0; j < n; j++) Y[row + j] = (Y[row + j] as number) + (B[j] as number);
  }
  if (activation !== 'identity') activationForward(activation, out, out);
}
