import type { LossKind } from '@nn/core';
import type { CpuTensor } from './storage.js';

/**
 * out = y − t (sumOfSquares, the book's delta; crossEntropy, the delta at
 * the softmax's input) or 2(y − t)/cols (meanSquaredError).
 */
export function lossGradient(kind: LossKind, y: CpuTensor, t: CpuTensor, out: CpuTensor): void {
  const Y = y.storage;
  const T = t.storage;
  const D = out.storage;
  const scale = kind === 'meanSquaredError' ? 2 / y.cols : 1;
  for (let i = 0; i < Y.length; i++) D[i] = scale * ((Y[i] as number) - (T[i] as number));
}
