import type { Activation } from '@nn/core';
import type { CpuTensor } from './storage.js';

export function activationForward(kind: Activation, x: CpuTensor, out: CpuTensor): void {
  const X = x.storage;
  const Y = out.storage;
  switch (kind) {
    case 'sigmoid':
      // 1 / (1 + exp(-u)), written as the book writes it so float64 matches NumPy.
      for (let i = 0; i < X.length; i++) Y[i] = 1 / (1 + Math.exp(-(X[i] as number)));
      return;
    case 'identity':
      if (Y !== X) Y.set(X);
      return;
    case 'tanh':
      for (let i = 0; i < X.length; i++) Y[i] = Math.tanh(X[i] as number);
      return;
    case 'relu':
      // Math.max keeps NaN as NaN, so a diverging run is caught.
      for (let i = 0; i < X.length; i++) Y[i] = Math.max(0, X[i] as number);
      return;
    case 'softmax':
      softmaxRows(X, Y, x.cols);
      return;
  }
}

/**
 * The book's exp(u) / Σ exp(u) per row, no max subtracted: each exp stored,
 * the stored values summed from the row's first column, then each divided
 * (np.exp(u) / np.sum(np.exp(u), axis=1, keepdims=True)). Works in place.
 */
function softmaxRows(
  X: Float64Array | Float32Array,
  Y: Float64Array | Float32Array,
  n: number,
): void {
  for (let row = 0; row < X.length; row += n) {
    let sum = 0;
    for (let j = row; j < row + n; j++) {
      Y[j] = Math.exp(X[j] as number);
      sum += Y[j] as number;
    }
    for (let j = row; j < row + n; j++) Y[j] = (Y[j] as number) / sum;
  }
}
