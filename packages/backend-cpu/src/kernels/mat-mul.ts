import type { CpuTensor } from './storage.js';

/**
 * out = op(a) · op(b). Each out[i, j] is summed over p in order from 0, the
 * order of a plain dot product, so float64 results match NumPy's to rounding.
 */
export function matMul(
  a: CpuTensor,
  b: CpuTensor,
  out: CpuTensor,
  transposeA: boolean,
  transposeB: boolean,
): void {
  const A = a.storage;
  const B = b.storage;
  const C = out.storage;
  const m = out.rows;
  const n = out.cols;
  const k = transposeA ? a.rows : a.cols;
  // op(a)[i, p] = A[i * aRow + p * aStep]
  const aRow = transposeA ? 1 : a.cols;
  const aStep = transposeA ? a.cols : 1;
  if (transposeB) {
    // op(b)[p, j] = B[j * k + p]: both operands run along contiguous memory.
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let sum = 0;
        for (let p = 0; p < k; p++)
          sum += (A[i * aRow + p * aStep] as number) * (B[j * k + p] as number);
        C[i * n + j] = sum;
      }
    }
    return;
  }
  // i-p-j order: walks rows of b and out contiguously; each out[i, j] still sums p in order.
  for (let i = 0; i < m; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) C[row + j] = 0;
    for (let p = 0; p < k; p++) {
      const av = A[i * aRow + p * aStep] as number;
      const bRow = p * n;
      for (let j = 0; j < n; j++)
        C[row + j] = (C[row + j] as number) + av * (B[bRow + j] as number);
    }
  }
}
