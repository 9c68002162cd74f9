import { productNN, productNT, productTN, productTT } from './mat-mul-loops.js';
import type { CpuTensor } from './storage.js';

/**
 * out = op(a) · op(b). Each out[i, j] is summed over p in order from 0, the
 * order of a plain dot product, so float64 results match NumPy's to rounding
 * (mat-mul-loops.ts: a cache-friendly loop for each transpose combination).
 */
export function matMul(
  a: CpuTensor,
  b: CpuTensor,
  out: CpuTensor,
  transposeA: boolean,
  transposeB: boolean,
): void {
  const m = out.rows;
  const n = out.cols;
  const k = transposeA ? a.rows : a.cols;
  const product = transposeA
    ? transposeB
      ? productTT
      : productTN
    : transposeB
      ? productNT
      : productNN;
  product(a.storage, b.storage, out.storage, m, n, k);
}
