import { CROSS_ENTROPY_EPSILON, type LossKind } from '@nn/core';
import type { CpuTensor } from './storage.js';

/**
 * out (1×1) (+)= Σ over samples of ½Σ(y−t)² (sumOfSquares), Σ(y−t)²/cols
 * (meanSquaredError) or −Σ t·log(y + 1e-7) (crossEntropy), each sample's
 * sum from its first column, added to the total row by row.
 */
export function lossValue(
  kind: LossKind,
  y: CpuTensor,
  t: CpuTensor,
  out: CpuTensor,
  accumulate: boolean,
): void {
  const Y = y.storage;
  const T = t.storage;
  const n = y.cols;
  let total = accumulate ? (out.storage[0] as number) : 0;
  if (kind === 'crossEntropy') {
    for (let row = 0; row < Y.length; row += n) {
      let sum = 0;
      for (let j = row; j < row + n; j++) {
        sum += (T[j] as number) * Math.log((Y[j] as number) + CROSS_ENTROPY_EPSILON);
      }
      total += -sum;
    }
    out.storage[0] = total;
    return;
  }
  for (let row = 0; row < Y.length; row += n) {
    let squares = 0;
    for (let j = row; j < row + n; j++) {
      const d = (Y[j] as number) - (T[j] as number);
      squares += d * d;
    }
    total += kind === 'sumOfSquares' ? 0.5 * squares : squares / n;
  }
  out.storage[0] = total;
}
