import type { Activation } from '@nn/core';
import { activationForward } from './activation-forward.js';
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
  const X = x.storage;
  const W = w.storage;
  const B = b.storage;
  const Y = out.storage;
  const rows = x.rows;
  const k = x.cols;
  const n = w.cols;
  for (let i = 0; i < rows; i++) {
    const row = i * n;
    // i-p-j order: rows of w are read contiguously, which matters for wide layers.
    for (let j = 0; j < n; j++) Y[row + j] = 0;
    for (let p = 0; p < k; p++) {
      const xv = X[i * k + p] as number;
      const wRow = p * n;
      for (let j = 0; j < n; j++)
        Y[row + j] = (Y[row + j] as number) + xv * (W[wRow + j] as number);
    }
    for (let j = 0; j < n; j++) Y[row + j] = (Y[row + j] as number) + (B[j] as number);
  }
  if (activation !== 'identity') activationForward(activation, out, out);
}
